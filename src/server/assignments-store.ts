/**
 * Where assignments and what students recorded are kept, beside the workshop's room log (a sibling
 * of WorkshopStore, so a PostgreSQL deployment can implement it the same way). Secrets and tokens
 * are stored only as SHA-256 hashes: a copy of the database lets nobody act as a teacher or student.
 */
import type { QueuedEvent } from '../workshop/assignment-protocol.ts';
import type { ReportEvent, ReportStudent } from '../workshop/assignment-report.ts';

export interface StoredAssignment {
  code: string;
  scenarioId: string;
  secretHash: string;
  createdAt: string;
  deadline?: string;
  askReasons: boolean;
  /** After this (ISO time) the assignment and its records are purged. */
  expiresAt: string;
}

export interface StoredStudent extends ReportStudent {
  tokenHash: string;
  /** The last sequence number committed for this student (0 before any). */
  acked: number;
}

export interface Committed {
  from: number;
  acked: number;
}

export interface AssignmentStore {
  /** false when the code is taken. */
  create(assignment: StoredAssignment): Promise<boolean>;
  get(code: string): Promise<StoredAssignment | undefined>;
  /** Adds students, all in one transaction (one disk flush for every join of an event-loop turn). */
  addStudents(students: ReadonlyArray<{ code: string; student: StoredStudent }>): Promise<void>;
  studentByToken(code: string, tokenHash: string): Promise<StoredStudent | undefined>;
  students(code: string): Promise<StoredStudent[]>;
  /**
   * Commits, for each submission, the events after the student's last committed one (see
   * acceptEvents), all in one transaction; resolves, for each, with the last committed number
   * before (`from`) and after (`acked`), or undefined when the student (or the assignment) is gone.
   */
  record(
    submissions: ReadonlyArray<{ code: string; student: string; events: readonly QueuedEvent[] }>,
  ): Promise<Array<Committed | undefined>>;
  events(code: string): Promise<ReportEvent[]>;
  /** The student's last recorded place (their latest `moved` event), for a page that lost its own. */
  lastPath(code: string, student: string): Promise<string[]>;
  /** Erases the assignment, its students and their events; false when there was none. */
  delete(code: string): Promise<boolean>;
  /** Erases every assignment that expired before `now`; resolves with their codes. */
  purgeExpired(now: string): Promise<string[]>;
  /** Erases workshop rooms created before `at` (ms since 1970) from the same database; resolves with how many. */
  purgeRoomsCreatedBefore(at: number): Promise<number>;
  /** True when other processes may write the same assignments (PostgreSQL): a copy in memory may be stale. */
  readonly shared?: boolean;
  close(): Promise<void>;
}
