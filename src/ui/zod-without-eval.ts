/**
 * Imported first by every page and worker: zod 4 compiles object schemas with `new Function` when
 * it can, probing for it on first use. Under the server's Content-Security-Policy (no
 * 'unsafe-eval', src/server/security-headers.ts) that probe is a reported violation. Parsing
 * without it is fast enough for the few messages and files the pages read.
 */
import { z } from 'zod';

z.config({ jitless: true });
