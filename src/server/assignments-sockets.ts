/**
 * Assignments over Socket.IO, on their own namespace of the workshop's server. Every message is
 * size-checked and validated (src/workshop/assignment-protocol.ts) before anything reads it; a bad
 * one gets an error acknowledgement and a log line that names the event, never what a student typed.
 * A student's socket can only write its own events (its token); the report, the files and deletion
 * need the teacher's secret.
 */
import type { Namespace, Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  ASSIGNMENT_NAMESPACE,
  AssignmentRecordRequest,
  CreateAssignment,
  StudentJoin,
  SubmitEvents,
  TeacherRequest,
  assignmentUrl,
  parseAssignmentMessage,
} from '../workshop/assignment-protocol.ts';
import { assignmentFile } from '../workshop/assignment-record.ts';
import type { ReportDelta } from '../workshop/assignment-tally.ts';
import type { ErrorCode, ErrorReply } from '../workshop/protocol.ts';
import type { AssignmentHost } from './assignments-host.ts';
import { memoryLimiters, type LimiterFactory, type RateLimit } from './limiter.ts';

export interface AssignmentLimits {
  /** Assignments created, per address. */
  creates: RateLimit;
  /** Joins with an unknown code or a wrong secret, per address. */
  failed: RateLimit;
  /** Messages of any kind (mostly submissions), per socket. */
  messages: RateLimit;
}

export const DEFAULT_ASSIGNMENT_LIMITS: AssignmentLimits = {
  creates: { capacity: 20, perMinute: 2 },
  failed: { capacity: 20, perMinute: 20 },
  messages: { capacity: 60, perMinute: 600 },
};

const refuse = (code: ErrorCode, message: string): ErrorReply => ({ ok: false, error: { code, message } });
const teacherRoom = (code: string) => `${code}/teacher`;

export interface AssignmentSocketOptions {
  io: Server;
  host: AssignmentHost;
  origins: () => string[];
  limits?: AssignmentLimits;
  /** Where limits are counted (this process's memory by default; shared when several processes serve). */
  limiterFactory?: LimiterFactory;
  log: (line: string) => void;
}

export function attachAssignmentSockets({
  io,
  host,
  origins,
  limits = DEFAULT_ASSIGNMENT_LIMITS,
  limiterFactory = memoryLimiters,
  log,
}: AssignmentSocketOptions): Namespace {
  const space = io.of(ASSIGNMENT_NAMESPACE);
  const creates = limiterFactory('assignment-creates', limits.creates);
  const failed = limiterFactory('assignment-failed', limits.failed);
  const messages = limiterFactory('assignment-messages', limits.messages);
  const outgoing = new Map<string, ReportDelta>();

  /**
   * Pushes what was committed to the assignment's teachers: everything of one event-loop turn (one
   * group commit) in one small message, at once. Sent to the room even when no teacher is connected
   * here: with several processes the teacher may be connected to another (the adapter carries it).
   */
  host.onDelta = (code, delta) => {
    let pending = outgoing.get(code);
    if (!pending) {
      const batch: ReportDelta = { students: [], events: [] };
      outgoing.set(code, (pending = batch));
      setImmediate(() => {
        outgoing.delete(code);
        space.to(teacherRoom(code)).emit('delta', batch);
      });
    }
    pending.students.push(...delta.students);
    pending.events.push(...delta.events);
  };

  space.on('connection', (socket: Socket) => {
    const ip = socket.handshake.address;
    const who = () => `${socket.id} (${ip})`;

    function handle<S extends z.ZodType>(
      event: string,
      schema: S,
      run: (request: z.infer<S>) => Promise<object>,
    ): void {
      socket.on(event, async (...args: unknown[]) => {
        const ack = typeof args.at(-1) === 'function' ? (args.at(-1) as (reply: object) => void) : undefined;
        if (!ack) return log(`rejected assignment "${event}" from ${who()}: no acknowledgement callback`);
        if (!(await messages.consume(socket.id)).allowed)
          return ack(refuse('rate-limited', 'too many messages; slow down'));
        const parsed = parseAssignmentMessage(schema, args.length > 1 ? args[0] : undefined);
        if (!parsed.ok) {
          log(`rejected assignment "${event}" from ${who()}: ${parsed.error.code}`);
          return ack(parsed);
        }
        try {
          ack(await run(parsed.value as z.infer<S>));
        } catch (error) {
          log(`error handling assignment "${event}" from ${who()}: ${(error as Error).message}`);
          ack(refuse('server-error', 'the server could not do that; try again'));
        }
      });
    }

    const KNOWN = new Set(['create', 'student', 'submit', 'teacher', 'record', 'delete']);
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN.has(event)) return;
      log(`rejected unknown assignment event from ${who()}`);
      const ack = args.at(-1);
      if (typeof ack === 'function') ack(refuse('invalid-message', 'there is no such message'));
    });

    /**
     * Failed attempts (unknown code, wrong key) limited per address: each attempt is charged with the
     * check in one step and refunded when it turns out right, so concurrent guesses cannot slip through.
     */
    async function attempt(ok: () => Promise<boolean>): Promise<ErrorReply | undefined> {
      if (!(await failed.consume(ip)).allowed) return refuse('rate-limited', 'too many failed attempts; wait a minute');
      if (!(await ok())) return refuse('not-allowed', 'refused');
      await failed.refund(ip);
      return undefined;
    }

    /** The teacher's secret checked, with failed tries limited per address. */
    async function asTeacher(code: string, secret: string): Promise<ErrorReply | undefined> {
      const refused = await attempt(() => host.isTeacher(code, secret));
      if (!refused) return undefined;
      if (refused.error.code === 'rate-limited') return refused;
      log(`wrong or unknown assignment key from ${who()}`);
      return refuse('not-allowed', 'this browser does not hold the teacher key for that assignment');
    }

    handle('create', CreateAssignment, async (request) => {
      if (!(await creates.consume(ip)).allowed)
        return refuse('rate-limited', 'too many assignments created from this address; try again later');
      const created = await host.create(request);
      if (!created.ok) return created;
      log(`assignment ${created.value.code} created for "${request.scenarioId}" by ${who()}`);
      return { ok: true, ...created.value, urls: origins().map((o) => assignmentUrl(o, created.value.code)) };
    });

    handle('student', StudentJoin, async (request) => {
      const known = await attempt(async () => (await host.find(request.code)) !== undefined);
      if (known)
        return known.error.code === 'rate-limited'
          ? known
          : refuse('unknown-room', `there is no assignment ${request.code}; check the link`);
      const joined = await host.student(request.code, request.nickname, request.token);
      if (!joined.ok) return joined;
      const assignment = (await host.find(request.code))!;
      const { student, token, path } = joined.value;
      return { ok: true, token, assignment: host.info(assignment), acked: student.acked, path };
    });

    handle('submit', SubmitEvents, async (request) => {
      const result = await host.submit(request.code, request.token, request.events);
      if (!result.ok) {
        await failed.consume(ip);
        return result;
      }
      return { ok: true, acked: result.value };
    });

    handle('teacher', TeacherRequest, async (request) => {
      const refused = await asTeacher(request.code, request.secret);
      if (refused) return refused;
      // Joined before the snapshot is read, so no commit falls between the two (repeats are ignored).
      await socket.join(teacherRoom(request.code));
      const snapshot = await host.snapshot(request.code);
      if (!snapshot) return refuse('unknown-scenario', 'the scenario of this assignment is no longer on the server');
      return { ok: true, snapshot, urls: origins().map((o) => assignmentUrl(o, request.code)) };
    });

    handle('record', AssignmentRecordRequest, async (request) => {
      const refused = await asTeacher(request.code, request.secret);
      if (refused) return refused;
      const report = await host.report(request.code);
      if (!report) return refuse('unknown-scenario', 'the scenario of this assignment is no longer on the server');
      return { ok: true, ...assignmentFile(report, request.format) };
    });

    handle('delete', TeacherRequest, async (request) => {
      const refused = await asTeacher(request.code, request.secret);
      if (refused) return refused;
      await host.delete(request.code);
      space.to(teacherRoom(request.code)).emit('deleted');
      log(`assignment ${request.code} deleted by its teacher`);
      return { ok: true };
    });
  });

  return space;
}
