/**
 * Token buckets by key (an address, a socket): `capacity` tries at once, refilled at
 * `perMinute`. Buckets that are full again are forgotten, so the map only holds recent offenders.
 */
export interface RateLimit {
  capacity: number;
  perMinute: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** True when `key` has a try left (without using it). */
  allows(key: string): boolean {
    return this.tokens(key) >= 1;
  }

  /** Uses one try; false when none was left. */
  take(key: string): boolean {
    const tokens = this.tokens(key);
    if (tokens < 1) return false;
    this.buckets.set(key, { tokens: tokens - 1, at: this.now() });
    if (this.buckets.size > 10_000) this.forgetFull();
    return true;
  }

  private tokens(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.limit.capacity;
    const refilled = ((this.now() - bucket.at) / 60_000) * this.limit.perMinute;
    return Math.min(this.limit.capacity, bucket.tokens + refilled);
  }

  private forgetFull(): void {
    for (const key of [...this.buckets.keys()]) if (this.tokens(key) >= this.limit.capacity) this.buckets.delete(key);
  }
}
