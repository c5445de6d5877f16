/** How the connection to the session server stands, as a status screen readers hear when it changes. */
import { h } from '../../dom.ts';
import type { LinkState } from '../connection.ts';

const words: Record<LinkState, string> = {
  connecting: 'Connecting…',
  joined: 'Connected',
  reconnecting: 'Connection lost: reconnecting…',
  refused: 'Not connected',
};

export function linkState(state: LinkState): HTMLElement {
  return h('p', { class: `link-state link-${state}`, role: 'status' }, words[state]);
}
