/**
 * The few web APIs that browsers and Node (20 and later) both provide as globals, with the same meaning,
 * declared for tsconfig.pure.json only. The pure rooms compile without DOM or Node types, so that a timer,
 * storage, the document or the file system cannot creep in; these are the exceptions they may use, and
 * only in the shape written here. eslint.config.js allows exactly these names (CROSS_PLATFORM_GLOBALS;
 * tests/lint/boundaries.test.ts holds the two lists equal). The main tsconfig.json does not include this
 * file: there the DOM and Node types declare the same names in full.
 */

/** UTF-8 (and other encodings) from bytes; `fatal` makes malformed bytes throw instead of becoming U+FFFD. */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

/** Text to UTF-8 bytes. */
declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}

/** Web Crypto's random source (Node: globalThis.crypto since Node 19). */
declare const crypto: {
  getRandomValues<T extends Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array>(array: T): T;
};

/** Base64 of a string of bytes (each character below 256), and back. */
declare function btoa(data: string): string;
declare function atob(data: string): string;
