/**
 * Where a command reads and writes: the terminal when run as `npm run scenario`, strings when a
 * test calls main() in its own process. Commands never touch process.stdout or process.exit.
 */
export interface Writer {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** What `play` reads the player's choices from, one per line. */
  stdin: NodeJS.ReadableStream;
}
