/**
 * The rooms each address has already got into (created, or joined with a right code). When an
 * address is over its failed-join limit, a join to one of these rooms is still let through: the
 * address cannot be guessing a code it already has, and behind a school's NAT or proxy the class
 * shares the address of the one student who typed twenty wrong codes.
 *
 * In memory, per process: a room's joins reach the process that holds it (room affinity, see
 * docs/deploying.md). Entries expire after `ttlMs`; the oldest go first beyond `max`.
 */
export class KnownRooms {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly ttlMs = 12 * 60 * 60_000,
    private readonly max = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  add(address: string, code: string): void {
    const key = `${address} ${code}`;
    this.entries.delete(key); // re-inserted last: the Map's order is the order of last use
    this.entries.set(key, this.now() + this.ttlMs);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  has(address: string, code: string): boolean {
    const key = `${address} ${code}`;
    const until = this.entries.get(key);
    if (until === undefined) return false;
    if (until > this.now()) return true;
    this.entries.delete(key);
    return false;
  }
}
