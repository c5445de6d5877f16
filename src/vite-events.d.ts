/**
 * The author preview's two events on Vite's WebSocket (src/authoring/live-protocol.ts), typed for both
 * ends: server.ws.send in src/build and import.meta.hot in src/ui. Kept out of the pure room, which does
 * not know Vite.
 */
import type { LiveScenarios } from './authoring/live-protocol.ts';

declare module 'vite/types/customEvent.d.ts' {
  interface CustomEventMap {
    'branchpoint:scenarios': LiveScenarios;
    'branchpoint:ask': undefined;
  }
}
