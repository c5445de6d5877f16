/**
 * Assignments in SQLite: their own tables in the same database file as the workshop's rooms, on a
 * second connection (WAL lets both write in turn). Durability as the room store: WAL with
 * synchronous=FULL, so an acknowledged event is on disk. Deleting really deletes: the rows go, and
 * `secure_delete` overwrites the freed pages, so a nickname or a reason is not left readable in the file.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { QueuedEvent } from '../workshop/assignment-protocol.ts';
import { acceptEvents } from '../workshop/assignment-queue.ts';
import type { AssignmentStore, Committed, StoredStudent } from './assignments-store.ts';
import { toAssignment, toStudent, type AssignmentRow, type StudentRow } from './assignments-rows.ts';

export function openSqliteAssignmentStore(file: string): AssignmentStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  db.exec(`
    CREATE TABLE IF NOT EXISTS assignments (
      code TEXT PRIMARY KEY,
      scenario TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      created_at TEXT NOT NULL,
      deadline TEXT,
      ask_reasons INTEGER NOT NULL,
      expires_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS assignment_students (
      assignment TEXT NOT NULL REFERENCES assignments(code) ON DELETE CASCADE,
      id TEXT NOT NULL,
      nickname TEXT NOT NULL,
      joined_at TEXT NOT NULL,
      token_hash TEXT NOT NULL,
      acked INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (assignment, id)
    );
    CREATE UNIQUE INDEX IF NOT EXISTS assignment_students_token ON assignment_students (assignment, token_hash);
    CREATE TABLE IF NOT EXISTS assignment_events (
      assignment TEXT NOT NULL,
      student TEXT NOT NULL,
      seq INTEGER NOT NULL,
      at TEXT NOT NULL,
      body TEXT NOT NULL,
      PRIMARY KEY (assignment, student, seq),
      FOREIGN KEY (assignment, student) REFERENCES assignment_students(assignment, id) ON DELETE CASCADE
    ) WITHOUT ROWID;
  `);

  const q = {
    insert: db.prepare(
      'INSERT OR IGNORE INTO assignments (code, scenario, secret_hash, created_at, deadline, ask_reasons, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    get: db.prepare<[string], AssignmentRow>('SELECT * FROM assignments WHERE code = ?'),
    addStudent: db.prepare(
      'INSERT INTO assignment_students (assignment, id, nickname, joined_at, token_hash, acked) VALUES (?, ?, ?, ?, ?, 0)',
    ),
    byToken: db.prepare<[string, string], StudentRow>(
      'SELECT * FROM assignment_students WHERE assignment = ? AND token_hash = ?',
    ),
    students: db.prepare<[string], StudentRow>(
      'SELECT * FROM assignment_students WHERE assignment = ? ORDER BY joined_at, id',
    ),
    acked: db.prepare<[string, string], { acked: number }>(
      'SELECT acked FROM assignment_students WHERE assignment = ? AND id = ?',
    ),
    setAcked: db.prepare('UPDATE assignment_students SET acked = ? WHERE assignment = ? AND id = ?'),
    insertEvent: db.prepare(
      'INSERT INTO assignment_events (assignment, student, seq, at, body) VALUES (?, ?, ?, ?, ?)',
    ),
    events: db.prepare<[string], { student: string; seq: number; at: string; body: string }>(
      'SELECT student, seq, at, body FROM assignment_events WHERE assignment = ? ORDER BY student, seq',
    ),
    lastMoved: db.prepare<[string, string], { body: string }>(
      `SELECT body FROM assignment_events WHERE assignment = ? AND student = ? AND body LIKE '{"type":"moved"%' ORDER BY seq DESC LIMIT 1`,
    ),
    delete: db.prepare('DELETE FROM assignments WHERE code = ?'),
    expired: db.prepare<[string], { code: string }>('SELECT code FROM assignments WHERE expires_at < ?'),
  };

  const recordOne = (code: string, student: string, events: readonly QueuedEvent[]): Committed | undefined => {
    const last = q.acked.get(code, student)?.acked;
    // Deleted meanwhile: nothing to add to.
    if (last === undefined) return undefined;
    const { accept, acked } = acceptEvents(last, events);
    for (const e of accept) q.insertEvent.run(code, student, e.seq, e.at, JSON.stringify(e.event));
    if (acked !== last) q.setAcked.run(acked, code, student);
    return { from: last, acked };
  };
  const record = db.transaction(
    (submissions: ReadonlyArray<{ code: string; student: string; events: readonly QueuedEvent[] }>) =>
      submissions.map((s) => recordOne(s.code, s.student, s.events)),
  );
  const addStudents = db.transaction((students: ReadonlyArray<{ code: string; student: StoredStudent }>) => {
    for (const { code, student: s } of students) q.addStudent.run(code, s.id, s.nickname, s.joinedAt, s.tokenHash);
  });
  const purge = db.transaction((now: string) => {
    const codes = q.expired.all(now).map((row) => row.code);
    for (const code of codes) q.delete.run(code);
    return codes;
  });

  return {
    async create(a) {
      return (
        q.insert.run(
          a.code,
          a.scenarioId,
          a.secretHash,
          a.createdAt,
          a.deadline ?? null,
          a.askReasons ? 1 : 0,
          a.expiresAt,
        ).changes === 1
      );
    },
    async get(code) {
      const row = q.get.get(code);
      return row && toAssignment(row);
    },
    async addStudents(students) {
      addStudents(students);
    },
    async studentByToken(code, tokenHash) {
      const row = q.byToken.get(code, tokenHash);
      return row && toStudent(row);
    },
    async students(code) {
      return q.students.all(code).map(toStudent);
    },
    async record(submissions) {
      return record(submissions);
    },
    async events(code) {
      return q.events.all(code).map((row) => ({
        student: row.student,
        ...QueuedEvent.parse({ seq: row.seq, at: row.at, event: JSON.parse(row.body) }),
      }));
    },
    async lastPath(code, student) {
      const row = q.lastMoved.get(code, student);
      if (!row) return [];
      const body = JSON.parse(row.body) as { path?: string[] };
      return body.path ?? [];
    },
    async delete(code) {
      const deleted = q.delete.run(code).changes === 1;
      // The WAL still holds the rows' old pages until a checkpoint: copy the overwritten pages back and empty it.
      if (deleted) db.pragma('wal_checkpoint(TRUNCATE)');
      return deleted;
    },
    async purgeExpired(now) {
      const codes = purge(now);
      if (codes.length) db.pragma('wal_checkpoint(TRUNCATE)');
      return codes;
    },
    async purgeRoomsCreatedBefore(at) {
      // The workshop's room log (store-sqlite.ts) lives in the same file; a room is dropped whole, by its `created` time.
      const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
      if (!exists) return 0;
      const rooms = db
        .prepare<[number], { room: string }>('SELECT room FROM events WHERE seq = 1 AND at < ?')
        .all(at)
        .map((row) => row.room);
      const drop = db.prepare('DELETE FROM events WHERE room = ?');
      db.transaction(() => rooms.forEach((room) => drop.run(room)))();
      if (rooms.length) db.pragma('wal_checkpoint(TRUNCATE)');
      return rooms.length;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
