/**
 * Runs assignments: creates them, lets students in by nickname and token, commits what they record
 * and keeps each open assignment's report up to date for its teacher. The database is the truth;
 * an assignment someone is looking at is also held in memory (its students and events) so the
 * report is rebuilt from memory, not re-read, after every commit.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AssignmentInfo, CreateAssignment, QueuedEvent } from '../workshop/assignment-protocol.ts';
import { buildReport, type AssignmentReport, type ReportEvent } from '../workshop/assignment-report.ts';
import { newParticipantId, newRoomCode, newSecret } from '../workshop/codes.ts';
import type { RoomScenario } from '../workshop/room.ts';
import type { AssignmentStore, StoredAssignment, StoredStudent } from './assignments-store.ts';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

interface Loaded {
  assignment: StoredAssignment;
  students: StoredStudent[];
  /** Token hash -> student (the hashes of 128-bit random tokens: looking one up leaks nothing useful). */
  byToken: Map<string, StoredStudent>;
  events: ReportEvent[];
  report: AssignmentReport | undefined;
}

type Result<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      error: { code: 'unknown-room' | 'unknown-scenario' | 'not-allowed' | 'room-full' | 'not-now'; message: string };
    };
const fail = <T>(
  code: 'unknown-room' | 'unknown-scenario' | 'not-allowed' | 'room-full' | 'not-now',
  message: string,
): Result<T> => ({
  ok: false,
  error: { code, message },
});

/**
 * Group commit: everything that arrives in one event-loop turn is written in one transaction, so
 * a classroom's submissions share one disk flush (synchronous=FULL) instead of queueing for one each.
 */
class GroupCommit<I, O> {
  private queue: Array<{ item: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];

  constructor(private readonly write: (items: I[]) => Promise<O[]>) {}

  add(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      const out = await this.write(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(out[i]!));
    } catch (error) {
      batch.forEach((b) => b.reject(error));
    }
  }
}

export class AssignmentHost {
  private readonly loaded = new Map<string, Promise<Loaded | undefined>>();
  private readonly records = new GroupCommit(
    (items: Array<{ code: string; student: string; events: readonly QueuedEvent[] }>) => this.store.record(items),
  );
  private readonly joins = new GroupCommit(async (items: Array<{ code: string; student: StoredStudent }>) => {
    await this.store.addStudents(items);
    return items.map(() => undefined);
  });
  /** Told after events are committed, so the teacher's report can be pushed. */
  onChange: (code: string) => void = () => {};

  constructor(
    private readonly store: AssignmentStore,
    private readonly scenarios: ReadonlyMap<string, RoomScenario>,
    private readonly retentionDays: number,
    private readonly now: () => number = Date.now,
  ) {}

  info(a: StoredAssignment): AssignmentInfo {
    return {
      code: a.code,
      scenarioId: a.scenarioId,
      scenarioTitle: this.scenarios.get(a.scenarioId)?.index.scenario.title ?? a.scenarioId,
      createdAt: a.createdAt,
      ...(a.deadline ? { deadline: a.deadline } : {}),
      askReasons: a.askReasons,
    };
  }

  async create(request: CreateAssignment): Promise<Result<{ code: string; secret: string }>> {
    if (!this.scenarios.has(request.scenarioId))
      return fail('unknown-scenario', `there is no scenario "${request.scenarioId}" on this server`);
    const secret = newSecret();
    const createdAt = new Date(this.now()).toISOString();
    const expiresAt = new Date(this.now() + this.retentionDays * 86_400_000).toISOString();
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = newRoomCode();
      const stored: StoredAssignment = {
        code,
        scenarioId: request.scenarioId,
        secretHash: hashSecret(secret),
        createdAt,
        ...(request.deadline ? { deadline: request.deadline } : {}),
        askReasons: request.askReasons,
        expiresAt,
      };
      if (await this.store.create(stored)) return { ok: true, value: { code, secret } };
    }
    throw new Error('could not find a free assignment code');
  }

  private load(code: string): Promise<Loaded | undefined> {
    let loaded = this.loaded.get(code);
    if (!loaded) {
      loaded = (async () => {
        const assignment = await this.store.get(code);
        if (!assignment) return undefined;
        const students = await this.store.students(code);
        const byToken = new Map(students.map((s) => [s.tokenHash, s]));
        return { assignment, students, byToken, events: await this.store.events(code), report: undefined };
      })();
      this.loaded.set(code, loaded);
      void loaded.then((l) => l === undefined && this.loaded.delete(code));
    }
    return loaded;
  }

  async find(code: string): Promise<StoredAssignment | undefined> {
    return (await this.load(code))?.assignment;
  }

  async isTeacher(code: string, secret: string): Promise<boolean> {
    const a = await this.find(code);
    return a !== undefined && sameHash(a.secretHash, hashSecret(secret));
  }

  /** A student in by token (coming back) or as a new one; their last committed number and place. */
  async student(code: string, nickname: string, token: string | undefined) {
    const loaded = await this.load(code);
    if (!loaded) return fail<never>('unknown-room', `there is no assignment ${code}; check the link`);
    if (token) {
      const known = loaded.byToken.get(hashSecret(token));
      if (known)
        return { ok: true as const, value: { student: known, token, path: await this.store.lastPath(code, known.id) } };
    }
    if (loaded.students.length >= 2000)
      return fail<never>('room-full', 'this assignment has as many students as it can take');
    const fresh = newSecret();
    const student: StoredStudent = {
      id: newParticipantId(),
      nickname,
      joinedAt: new Date(this.now()).toISOString(),
      tokenHash: hashSecret(fresh),
      acked: 0,
    };
    await this.joins.add({ code, student });
    loaded.students.push(student);
    loaded.byToken.set(student.tokenHash, student);
    loaded.report = undefined;
    this.onChange(code);
    return { ok: true as const, value: { student, token: fresh, path: [] as string[] } };
  }

  /** Commits what follows the student's last committed event; resolves with the new last number. */
  async submit(code: string, token: string, events: readonly QueuedEvent[]): Promise<Result<number>> {
    const loaded = await this.load(code);
    if (!loaded) return fail('unknown-room', `there is no assignment ${code}`);
    const student = loaded.byToken.get(hashSecret(token));
    if (!student) return fail('not-allowed', 'this browser is not a student of that assignment');
    const acked = await this.records.add({ code, student: student.id, events });
    // Read after the commit: a submit that finished meanwhile has already added its events.
    const before = student.acked;
    if (acked > before) {
      const fresh = new Map(events.filter((e) => e.seq > before && e.seq <= acked).map((e) => [e.seq, e]));
      for (let seq = before + 1; seq <= acked; seq++) {
        const e = fresh.get(seq);
        if (e) loaded.events.push({ student: student.id, ...e });
      }
      student.acked = acked;
      loaded.report = undefined;
      this.onChange(code);
    }
    return { ok: true, value: acked };
  }

  async report(code: string): Promise<AssignmentReport | undefined> {
    const loaded = await this.load(code);
    if (!loaded) return undefined;
    const scenario = this.scenarios.get(loaded.assignment.scenarioId);
    if (!scenario) return undefined;
    loaded.report ??= buildReport(
      this.info(loaded.assignment),
      scenario.index.scenario,
      loaded.students,
      loaded.events,
      new Date(this.now()).toISOString(),
    );
    return loaded.report;
  }

  async delete(code: string): Promise<boolean> {
    this.loaded.delete(code);
    return this.store.delete(code);
  }

  /** Drops expired assignments (and workshop rooms older than the retention period) from the database. */
  async purge(): Promise<{ assignments: number; rooms: number }> {
    const codes = await this.store.purgeExpired(new Date(this.now()).toISOString());
    for (const code of codes) this.loaded.delete(code);
    const rooms = await this.store.purgeRoomsCreatedBefore(this.now() - this.retentionDays * 86_400_000);
    return { assignments: codes.length, rooms };
  }

  /** Lets go of assignments nobody has touched (they are read again on the next message). */
  forget(code: string): void {
    this.loaded.delete(code);
  }
}
