/**
 * The assignments protocol: a teacher sets a scenario as homework, students play it at their own
 * pace in the ordinary game, and what they do comes back to the teacher's report. It runs on the
 * workshop server, on its own Socket.IO namespace (ASSIGNMENT_NAMESPACE) so its messages never
 * mix with a live room's.
 *
 * ## The flow
 * Every client->server event carries one payload and an acknowledgement callback answered with an
 * `Ack<T>` (the workshop protocol's shape: `{ ok: true, ... }` or `{ ok: false, error }`).
 * 1. `create` `{ v, scenarioId, deadline?, askReasons }` (the teacher's page) answers with a short
 *    `code`, a `secret` (128 bits; only its hash is stored) and the class links. The secret never
 *    leaves the teacher's browser except in `teacher` / `delete` / `record`.
 * 2. A student's page sends `student` `{ v, code, nickname, token? }` and gets its `token` (kept in
 *    localStorage per assignment), the scenario, whether reasons are asked, and `acked`: the last
 *    sequence number of theirs the server has committed, plus their place (`path`) as last recorded.
 * 3. `submit` `{ v, events }`: each event carries the student's own sequence number `seq`
 *    (1, 2, 3… in the order they happened). The server writes, in one transaction, the events that
 *    follow its last committed one and ignores those it already has, then acknowledges the new last
 *    `acked`: the page drops what is acknowledged from its queue. Resending is always safe, so a page
 *    that lost its network, or its answer, just sends its queue again: nothing lost, nothing twice.
 * 4. `teacher` `{ v, code, secret }` joins the report: the ack holds a `ReportSnapshot` (the
 *    scenario's names, its branch map and the tally so far), then the server pushes `delta`
 *    `{ students, events }` with what each commit added, which the page folds into its tally
 *    (src/workshop/assignment-tally.ts); a delta out of step makes the page send `teacher` again.
 * 5. `record` `{ v, code, secret, format }` answers with the report as Markdown, CSV or JSON;
 *    `delete` `{ v, code, secret }` erases the assignment and everything recorded for it.
 * Students only ever get their own token's answers: there is no message that returns other
 * students' events or the report without the secret.
 */
import { z } from 'zod';
import { LIMITS, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, type ErrorReply } from './protocol.ts';

export const ASSIGNMENT_PROTOCOL_VERSION = 1 as const;
export const ASSIGNMENT_NAMESPACE = '/assignments';

export const ASSIGNMENT_LIMITS = {
  /** Events in one `submit`; a longer queue goes in several. */
  batch: 16,
  /** Steps in a path (the longest scenario is far shorter). */
  path: 200,
  /** A submit may be larger than a workshop message (a batch of events); under the server's 16 KiB socket limit. */
  messageBytes: 12_000,
  /** Events one student may record in all. */
  events: 5000,
  /** Students in one assignment. */
  students: 2000,
} as const;

/** The query parameter of the game's page that makes it an assignment: `/?assignment=CODE`. */
export const ASSIGNMENT_PARAM = 'assignment';
export const assignmentUrl = (origin: string, code: string) => `${origin}/?${ASSIGNMENT_PARAM}=${code}`;
export const reportRoute = (code: string) => `#/assignment/${code}`;

const id = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
const code = z
  .string()
  .length(ROOM_CODE_LENGTH)
  .regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]+$`), 'not an assignment code');
const secret = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a valid secret');
const text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) =>
      s
        .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .pipe(z.string().max(max));
const version = z.literal(ASSIGNMENT_PROTOCOL_VERSION);
const iso = z.iso.datetime();

export const CreateAssignment = z.strictObject({
  v: version,
  scenarioId: id,
  deadline: iso.optional(),
  askReasons: z.boolean(),
});
export type CreateAssignment = z.infer<typeof CreateAssignment>;

export const StudentJoin = z.strictObject({
  v: version,
  code,
  nickname: text(LIMITS.nickname).pipe(z.string().min(1, 'a nickname is needed')),
  token: secret.optional(),
});
export type StudentJoin = z.infer<typeof StudentJoin>;

/** What a student's page records. Only ids: titles and labels come from the server's scenario. */
export const StudentEventBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('chose'), decision: id, option: id }),
  z.strictObject({ type: z.literal('reason'), decision: id, option: id, text: text(LIMITS.reason) }),
  z.strictObject({ type: z.literal('opened-source'), source: id }),
  z.strictObject({ type: z.literal('ended'), ending: id }),
  z.strictObject({ type: z.literal('moved'), path: z.array(id).max(ASSIGNMENT_LIMITS.path) }),
]);
export type StudentEventBody = z.infer<typeof StudentEventBody>;

/** One recorded event: the body, when it happened (the student's clock), and its sequence number. */
export const QueuedEvent = z.strictObject({
  seq: z.number().int().min(1).max(ASSIGNMENT_LIMITS.events),
  at: iso,
  event: StudentEventBody,
});
export type QueuedEvent = z.infer<typeof QueuedEvent>;

export const SubmitEvents = z.strictObject({
  v: version,
  code,
  token: secret,
  events: z.array(QueuedEvent).min(1).max(ASSIGNMENT_LIMITS.batch),
});
export type SubmitEvents = z.infer<typeof SubmitEvents>;

export const TeacherRequest = z.strictObject({ v: version, code, secret });
export type TeacherRequest = z.infer<typeof TeacherRequest>;

export const AssignmentRecordRequest = z.strictObject({
  v: version,
  code,
  secret,
  format: z.enum(['markdown', 'csv', 'json']),
});
export type AssignmentRecordRequest = z.infer<typeof AssignmentRecordRequest>;

export type Ack<T extends object = object> = ({ ok: true } & T) | ErrorReply;

export interface AssignmentInfo {
  code: string;
  scenarioId: string;
  scenarioTitle: string;
  createdAt: string;
  deadline?: string;
  askReasons: boolean;
}

export type CreateAssignmentAck = Ack<{ code: string; secret: string; urls: string[] }>;
export type StudentJoinAck = Ack<{ token: string; assignment: AssignmentInfo; acked: number; path: string[] }>;
export type SubmitAck = Ack<{ acked: number }>;

/** Parses a payload against a schema with the assignment limits; errors name the field. */
export function parseAssignmentMessage<T>(schema: z.ZodType<T>, payload: unknown): { ok: true; value: T } | ErrorReply {
  let size: number;
  try {
    size = JSON.stringify(payload ?? null).length;
  } catch {
    return { ok: false, error: { code: 'invalid-message', message: 'the message is not JSON' } };
  }
  if (size > ASSIGNMENT_LIMITS.messageBytes)
    return {
      ok: false,
      error: {
        code: 'too-large',
        message: `the message is ${size} bytes; at most ${ASSIGNMENT_LIMITS.messageBytes} are accepted`,
      },
    };
  if (typeof payload === 'object' && payload !== null && 'v' in payload && payload.v !== ASSIGNMENT_PROTOCOL_VERSION)
    return {
      ok: false,
      error: {
        code: 'version',
        message: `this server speaks assignment protocol version ${ASSIGNMENT_PROTOCOL_VERSION}; reload the page`,
      },
    };
  const result = schema.safeParse(payload);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0]!;
  const where = issue.path.length ? issue.path.join('.') : 'message';
  return { ok: false, error: { code: 'invalid-message', message: `${where}: ${issue.message}` } };
}
