/**
 * What happened in a room, as stored: the room's state is these events folded by `evolve`
 * (room.ts). Events are facts already checked by `decide`; they are written to the store before
 * anyone is told about them, and replayed to rebuild a room after a restart.
 */
import { z } from 'zod';
import { countsRecord } from './counts-schema.ts';

const at = z.number().int().nonnegative();
const id = z.string().min(1).max(64);

export const RoomEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('created'), at, code: z.string(), scenarioId: id, secretHash: z.string() }),
  z.strictObject({ type: z.literal('joined'), at, participant: id, nickname: z.string(), tokenHash: z.string() }),
  z.strictObject({ type: z.literal('opened'), at, seconds: z.number().int().positive().optional() }),
  z.strictObject({ type: z.literal('voted'), at, participant: id, option: id, reason: z.string().optional() }),
  /** `timeUp`: the server closed it when its time limit ran out, not the facilitator. */
  z.strictObject({ type: z.literal('closed'), at, timeUp: z.literal(true).optional() }),
  /** More time for an open vote with a time limit. */
  z.strictObject({ type: z.literal('extended'), at, seconds: z.number().int().positive() }),
  z.strictObject({ type: z.literal('revealed'), at }),
  z.strictObject({ type: z.literal('handCounts'), at, counts: countsRecord(id, z.number().int().nonnegative()) }),
  z.strictObject({
    type: z.literal('advanced'),
    at,
    option: id,
    majority: id.nullable(),
    reason: z.string().optional(),
  }),
  /** From the outcome of the last choice on to the next decision (or the ending). */
  z.strictObject({ type: z.literal('continued'), at }),
  /** The debrief at an ending, at this page. */
  z.strictObject({ type: z.literal('debriefed'), at, page: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('paused'), at }),
  z.strictObject({ type: z.literal('resumed'), at }),
  z.strictObject({ type: z.literal('rewound'), at, toStep: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('ended'), at }),
  z.strictObject({ type: z.literal('locked'), at }),
  z.strictObject({ type: z.literal('unlocked'), at }),
  z.strictObject({ type: z.literal('removed'), at, participant: id }),
]);
export type RoomEvent = z.infer<typeof RoomEvent>;
export type RoomEventOf<T extends RoomEvent['type']> = Extract<RoomEvent, { type: T }>;
