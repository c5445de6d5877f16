/**
 * Rate limits that hold across processes (BRANCHPOINT_REDIS_URL): rate-limiter-flexible's
 * RateLimiterRedis, so an address's failed-join and room-creation budgets are one budget,
 * whichever process its connections reach. Its `consume` is one Lua script in Redis: checked and
 * charged in one step, as the memory limiter does in one process.
 *
 * Limits per socket (`messages`, `new-participants-socket`) stay in each process's memory: a
 * socket lives on one process, so a shared count adds nothing but a round trip to Redis, and no
 * message should wait for Redis.
 *
 * When Redis does not answer (down, or slower than TIMEOUT_MS), each limit falls back to this
 * process's memory at once (the insurance limiter), so an outage slows nothing and the limits
 * still hold per process.
 */
import { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts } from 'rate-limiter-flexible';
import { flexibleLimiter, memoryLimiters, windowSeconds, type LimiterFactory } from './limiter.ts';
import type { RedisClient } from './redis.ts';

const PER_SOCKET = new Set(['messages', 'new-participants-socket']);
const TIMEOUT_MS = 500;

export function redisLimiters(client: RedisClient): LimiterFactory {
  return (name, limit) => {
    if (PER_SOCKET.has(name)) return memoryLimiters(name, limit);
    const options = { keyPrefix: `branchpoint:limit:${name}`, points: limit.capacity, duration: windowSeconds(limit) };
    const insurance = new RateLimiterMemory(options);
    const shared = new RateLimiterRedis({
      ...options,
      storeClient: client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      insuranceLimiter: insurance,
    });
    const bounded = new RLWrapperTimeouts({ limiter: shared, timeoutMs: TIMEOUT_MS, insuranceLimiter: insurance });
    return flexibleLimiter({
      points: limit.capacity,
      consume: (key) => bounded.consume(key),
      reward: (key, points) => bounded.reward(key, points),
    });
  };
}
