/**
 * Headers that keep the pages from being framed or made to run code from elsewhere. The policy is
 * the narrowest the pages run under without a violation (tests/e2e/csp.test.ts loads every page,
 * the Phaser stage and the workshop's three roles under it and fails on any report):
 * - script-src 'self': Vite emits only module files, no inline script; Phaser needs no eval.
 * - style-src 'self': no inline style attributes; widths and positions are set through the CSSOM
 *   (element.style.x = ...), which CSP does not restrict.
 * - img-src 'self' data: blob: — Phaser 4 makes its built-in textures (__DEFAULT, __MISSING,
 *   __WHITE) from data: PNGs (phaser.esm.js, TextureManager.addBase64), and its loader hands
 *   images and SVGs it fetched to <img> as blob: URLs (File.createObjectURL). Without data: the
 *   stage never reports ready.
 * - connect-src 'self': the workshop's Socket.IO (ws: to the same host and port counts as 'self').
 * - worker-src 'self': the scenario checker's Web Worker is a file of the build; Phaser runs none.
 * - No 'unsafe-eval': Phaser needs none; zod 4 probes for `new Function`, which the pages turn off
 *   (src/ui/zod-without-eval.ts) so the probe is not a violation.
 * - frame-ancestors 'none' (and X-Frame-Options for older browsers): no page of another site can
 *   frame these to trick a facilitator into a click.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
