/**
 * The limits a deployment may change, from the environment (docs/deploying.md):
 *   BRANCHPOINT_NEW_PARTICIPANTS_PER_ADDRESS  participants created per address per 10 minutes (60)
 *   BRANCHPOINT_NEW_PARTICIPANTS_PER_SOCKET   participants created per connection per 10 minutes (3)
 *   BRANCHPOINT_FAILED_JOINS_PER_MINUTE       joins with a wrong code or secret per address per minute (20)
 * Behind a proxy every client has the proxy's address: raise the per-address ones there.
 */
import type { RateLimit } from './limiter.ts';
import { DEFAULT_LIMITS, DEFAULT_NEW_PARTICIPANTS, type SocketLimits } from './sockets.ts';

type Env = Record<string, string | undefined>;

/** The limits with the environment's changes; throws with a plain message on a value that is not a count. */
export function limitsFromEnv(env: Env): SocketLimits {
  const count = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > 1_000_000)
      throw new Error(`${name} must be a whole number from 1 to 1000000, not "${raw}"`);
    return value;
  };
  const per10Minutes = (n: number): RateLimit => ({ capacity: n, perMinute: n / 10 });
  const perAddress = count('BRANCHPOINT_NEW_PARTICIPANTS_PER_ADDRESS');
  const perSocket = count('BRANCHPOINT_NEW_PARTICIPANTS_PER_SOCKET');
  const failed = count('BRANCHPOINT_FAILED_JOINS_PER_MINUTE');
  return {
    ...DEFAULT_LIMITS,
    ...(failed ? { failedJoins: { capacity: failed, perMinute: failed } } : {}),
    newParticipantsPerAddress: perAddress ? per10Minutes(perAddress) : DEFAULT_NEW_PARTICIPANTS.perAddress,
    newParticipantsPerSocket: perSocket ? per10Minutes(perSocket) : DEFAULT_NEW_PARTICIPANTS.perSocket,
  };
}
