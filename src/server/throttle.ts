/**
 * Runs a function at most once per interval: at once when it has been quiet, otherwise once at the
 * end of the interval for all the pokes in between. Used to push vote counts to a room without
 * sending one message per vote to every screen.
 */
export class Throttle {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly intervalMs: number,
    private readonly run: () => void,
  ) {}

  poke(): void {
    if (this.timer) return;
    const wait = this.last + this.intervalMs - performance.now();
    if (wait <= 0) return this.fire();
    this.timer = setTimeout(() => this.fire(), wait);
  }

  /** Drops a pending run (the room is being unloaded or the server stops). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    this.last = performance.now();
    this.run();
  }
}
