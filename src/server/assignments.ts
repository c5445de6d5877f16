/**
 * Switches assignments on for a running server: the host, its namespace, and the retention sweep
 * (expired assignments and old workshop rooms purged at start and then every hour).
 */
import type { Server } from 'socket.io';
import type { RoomScenario } from '../workshop/room.ts';
import { AssignmentHost } from './assignments-host.ts';
import { attachAssignmentSockets, type AssignmentLimits } from './assignments-sockets.ts';
import type { AssignmentStore } from './assignments-store.ts';
import type { LimiterFactory } from './limiter.ts';

export const DEFAULT_RETENTION_DAYS = 30;
const PURGE_EVERY_MS = 60 * 60_000;

export interface AssignmentOptions {
  store: AssignmentStore;
  /** Days an assignment (and a workshop session) is kept; BRANCHPOINT_RETENTION_DAYS. */
  retentionDays?: number;
  limits?: AssignmentLimits;
  limiterFactory?: LimiterFactory;
}

/** BRANCHPOINT_RETENTION_DAYS, checked: a positive number of days (fractions allowed, for tests). */
export function retentionFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RETENTION_DAYS;
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0)
    throw new Error(`BRANCHPOINT_RETENTION_DAYS must be a positive number of days, not "${value}"`);
  return days;
}

export async function startAssignments(
  io: Server,
  scenarios: ReadonlyMap<string, RoomScenario>,
  options: AssignmentOptions,
  origins: () => string[],
  log: (line: string) => void,
): Promise<{ host: AssignmentHost; close(): Promise<void> }> {
  const host = new AssignmentHost(options.store, scenarios, options.retentionDays ?? DEFAULT_RETENTION_DAYS);
  attachAssignmentSockets({
    io,
    host,
    origins,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.limiterFactory ? { limiterFactory: options.limiterFactory } : {}),
    log,
  });
  const purge = async () => {
    const purged = await host.purge();
    if (purged.assignments || purged.rooms)
      log(`retention: purged ${purged.assignments} assignment(s) and ${purged.rooms} workshop room(s)`);
  };
  await purge();
  const timer = setInterval(
    () => void purge().catch((e) => log(`retention purge failed: ${String(e)}`)),
    PURGE_EVERY_MS,
  );
  timer.unref();
  return {
    host,
    async close() {
      clearInterval(timer);
      await options.store.close();
    },
  };
}
