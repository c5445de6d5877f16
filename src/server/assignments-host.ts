/**
 * Runs assignments: creates them, lets students in by nickname and token, commits what they record
 * and tells the sockets what each commit added (`onDelta`), so a teacher's page folds in just that
 * (src/workshop/assignment-tally.ts) instead of being sent the whole report again. The database is
 * the truth: the report a teacher opens and the files they download are read from it, so they hold
 * what every process committed when several share a PostgreSQL store. In memory there is only each
 * assignment's row and the tokens of its students, to let submissions in without a query each.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { branchLayout } from '../engine/branch-map-layout.ts';
import type { AssignmentInfo, CreateAssignment, QueuedEvent } from '../workshop/assignment-protocol.ts';
import { acceptEvents } from '../workshop/assignment-queue.ts';
import {
  buildReport,
  reportCatalog,
  type AssignmentReport,
  type ReportCatalog,
} from '../workshop/assignment-report.ts';
import { tallyOf, type ReportDelta, type ReportSnapshot } from '../workshop/assignment-tally.ts';
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
  /**
   * Token hash -> student id, for the students this process has seen (the hashes of 128-bit random
   * tokens: looking one up leaks nothing useful); a student who joined through another process is
   * looked up in the store once.
   */
  byToken: Map<string, string>;
  /** Students joined, as far as this process knows (the limit per assignment is checked against it). */
  count: number;
}

/** What the report needs of a scenario, and its branch map, made once per scenario. */
const catalogs = new WeakMap<RoomScenario, Pick<ReportSnapshot, 'catalog' | 'layout'>>();
function catalogOf(scenario: RoomScenario): Pick<ReportSnapshot, 'catalog' | 'layout'> {
  let found = catalogs.get(scenario);
  if (!found) {
    found = {
      catalog: reportCatalog(scenario.index.scenario),
      layout: branchLayout(scenario.index.scenario),
    };
    catalogs.set(scenario, found);
  }
  return found;
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
  /** Told what each commit added (a student joined, records committed), for the teacher's report. */
  onDelta: (code: string, delta: ReportDelta) => void = () => {};

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

  /**
   * The assignment as held in memory, read from the store the first time. `checked`: when other
   * processes share the store, make sure it has not been deleted through one of them meanwhile
   * (for joins, the teacher's requests; a submission finds out from its commit instead).
   */
  private async load(code: string, checked = false): Promise<Loaded | undefined> {
    const held = this.loaded.get(code);
    if (held && checked && this.store.shared && !(await this.store.get(code))) {
      this.forget(code);
      return undefined;
    }
    return held ?? this.read(code);
  }

  private read(code: string): Promise<Loaded | undefined> {
    let loaded = this.loaded.get(code);
    if (!loaded) {
      loaded = (async () => {
        const assignment = await this.store.get(code);
        if (!assignment) return undefined;
        const students = await this.store.students(code);
        return { assignment, byToken: new Map(students.map((s) => [s.tokenHash, s.id])), count: students.length };
      })();
      this.loaded.set(code, loaded);
      void loaded.then((l) => l === undefined && this.loaded.delete(code));
    }
    return loaded;
  }

  async find(code: string): Promise<StoredAssignment | undefined> {
    return (await this.load(code, true))?.assignment;
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
      // Read from the store, not memory: the student may have gone on through another process.
      const known = await this.store.studentByToken(code, hashSecret(token));
      if (known) {
        loaded.byToken.set(known.tokenHash, known.id);
        return { ok: true as const, value: { student: known, token, path: await this.store.lastPath(code, known.id) } };
      }
    }
    if (loaded.count >= 2000) return fail<never>('room-full', 'this assignment has as many students as it can take');
    const fresh = newSecret();
    const student: StoredStudent = {
      id: newParticipantId(),
      nickname,
      joinedAt: new Date(this.now()).toISOString(),
      tokenHash: hashSecret(fresh),
      acked: 0,
    };
    loaded.count++;
    await this.joins.add({ code, student });
    loaded.byToken.set(student.tokenHash, student.id);
    this.onDelta(code, {
      students: [{ id: student.id, nickname: student.nickname, joinedAt: student.joinedAt }],
      events: [],
    });
    return { ok: true as const, value: { student, token: fresh, path: [] as string[] } };
  }

  /** Commits what follows the student's last committed event; resolves with the new last number. */
  async submit(code: string, token: string, events: readonly QueuedEvent[]): Promise<Result<number>> {
    const loaded = await this.load(code);
    if (!loaded) return fail('unknown-room', `there is no assignment ${code}`);
    const tokenHash = hashSecret(token);
    let student = loaded.byToken.get(tokenHash);
    if (!student) {
      student = (await this.store.studentByToken(code, tokenHash))?.id;
      if (!student) return fail('not-allowed', 'this browser is not a student of that assignment');
      loaded.byToken.set(tokenHash, student);
    }
    const committed = await this.records.add({ code, student, events });
    if (!committed) {
      // Deleted meanwhile (by its teacher, or through another process).
      this.forget(code);
      return fail('unknown-room', `there is no assignment ${code}`);
    }
    // Exactly the records this commit added: those after the number the store held before it.
    const added = acceptEvents(committed.from, events).accept.filter((e) => e.seq <= committed.acked);
    if (added.length) this.onDelta(code, { students: [], events: added.map((e) => ({ student: student, ...e })) });
    return { ok: true, value: committed.acked };
  }

  /**
   * What a teacher's page starts from: the scenario's names, its branch map and the tally of
   * everything committed so far, read from the store. Call it after the teacher's socket has
   * joined the pushes: a record committed in between comes both ways, and the page ignores the repeat.
   */
  async snapshot(code: string): Promise<ReportSnapshot | undefined> {
    const loaded = await this.load(code);
    const scenario = loaded && this.scenarios.get(loaded.assignment.scenarioId);
    if (!loaded || !scenario) return undefined;
    const { catalog, layout } = catalogOf(scenario);
    const [students, events] = await Promise.all([this.store.students(code), this.store.events(code)]);
    return {
      catalog,
      layout,
      tally: tallyOf(this.info(loaded.assignment), catalog, students.map(reportStudent), events),
    };
  }

  /** The whole report built afresh from the store, for the files a teacher downloads. */
  async report(code: string): Promise<AssignmentReport | undefined> {
    const loaded = await this.load(code);
    const scenario = loaded && this.scenarios.get(loaded.assignment.scenarioId);
    if (!loaded || !scenario) return undefined;
    const catalog: ReportCatalog = catalogOf(scenario).catalog;
    const [students, events] = await Promise.all([this.store.students(code), this.store.events(code)]);
    return buildReport(
      this.info(loaded.assignment),
      catalog,
      students.map(reportStudent),
      events,
      new Date(this.now()).toISOString(),
    );
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

/** A student as the report knows them: no token hash. */
const reportStudent = ({ id, nickname, joinedAt }: StoredStudent) => ({ id, nickname, joinedAt });
