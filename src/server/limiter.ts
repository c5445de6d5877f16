/**
 * Rate limits behind one small interface, so that the per-process memory limiter used today can
 * be replaced by a shared one (rate-limiter-flexible's RateLimiterRedis) when several processes
 * serve one school: implement `LimiterFactory` and pass it to `startServer({ limiterFactory })`.
 *
 * Every limit counts tries per key (an address, a socket id) in a fixed window. What makes a
 * limit hold under load is that `consume` checks and charges in one step: two requests that
 * arrive together cannot both see the last free try (the old hand-written limiter checked, awaited
 * a database lookup, then charged, so forty joins in one packet all passed the check).
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** `capacity` tries at once; the window lasts as long as earning them back at `perMinute` takes. */
export interface RateLimit {
  capacity: number;
  perMinute: number;
}

export interface Charge {
  /** The try was within the limit. */
  allowed: boolean;
  /** Tries charged beyond the limit in this window (0 when allowed): how hard the key pushes. */
  over: number;
}

export interface Limiter {
  /** Charges one try to `key` and says whether it was within the limit, atomically. */
  consume(key: string): Promise<Charge>;
  /** Gives back one try charged by `consume`, when the attempt turned out not to count (a join that succeeded). */
  refund(key: string): Promise<void>;
}

/** Makes the limiter for one limit; `name` keeps the keys of different limits apart in a shared store. */
export type LimiterFactory = (name: string, limit: RateLimit) => Limiter;

/** The window, in whole seconds, of a limit given as a burst and a refill rate. */
export const windowSeconds = (limit: RateLimit) => Math.max(1, Math.ceil((limit.capacity / limit.perMinute) * 60));

/**
 * Wraps any rate-limiter-flexible limiter (Memory here; Redis, Postgres... the same way): they
 * resolve within the limit and reject with a RateLimiterRes beyond it, or with an Error when
 * their store fails, which is thrown on (the caller answers with a server error).
 */
export function flexibleLimiter(limiter: {
  points: number;
  consume(key: string): Promise<RateLimiterRes>;
  reward(key: string, points?: number): Promise<RateLimiterRes>;
}): Limiter {
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true, over: 0 };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { allowed: false, over: Math.max(1, rejection.consumedPoints - limiter.points) };
      }
    },
    async refund(key) {
      await limiter.reward(key, 1);
    },
  };
}

/** One process's limits, in memory: enough for one machine. */
export const memoryLimiters: LimiterFactory = (name, limit) =>
  flexibleLimiter(new RateLimiterMemory({ keyPrefix: name, points: limit.capacity, duration: windowSeconds(limit) }));
