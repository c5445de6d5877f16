/**
 * Assignments in PostgreSQL, for a deployment of several processes (BRANCHPOINT_DATABASE_URL): the
 * same promises as the SQLite store (assignments-store-sqlite.ts), in the same database as the
 * workshop's rooms (the tables come with its schema, store-postgres.ts).
 *
 * Exactly once across processes: `record` locks the students' rows (`FOR UPDATE`, in one order, so
 * two processes committing for the same students wait for each other instead of deadlocking), reads
 * each one's last committed number there, and writes what follows it in the same transaction. A
 * student whose page resends through another process is therefore never written twice.
 * Commits are durable (`synchronous_commit = on` on every connection). Deleting removes the rows
 * from every query at once; PostgreSQL reclaims their space on disk when it vacuums the tables.
 */
import type pg from 'pg';
import { QueuedEvent } from '../workshop/assignment-protocol.ts';
import { acceptEvents } from '../workshop/assignment-queue.ts';
import type { AssignmentStore, Committed } from './assignments-store.ts';
import { toAssignment, toStudent, type AssignmentRow, type StudentRow } from './assignments-rows.ts';
import { openPool } from './store-postgres.ts';

export interface PostgresAssignmentStoreOptions {
  /** Connections in the pool (default 5; the workshop store has its own). */
  poolSize?: number;
  log?: (line: string) => void;
}

export async function openPostgresAssignmentStore(
  url: string,
  options: PostgresAssignmentStoreOptions = {},
): Promise<AssignmentStore> {
  const log = options.log ?? ((line: string) => console.error(`[workshop] ${line}`));
  const pool = await openPool(url, options.poolSize ?? 5, log, 'assignments');

  /** Runs `work` in one transaction on one connection. */
  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    shared: true,
    async create(a) {
      const { rowCount } = await pool.query(
        `INSERT INTO assignments (code, scenario, secret_hash, created_at, deadline, ask_reasons, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
        [a.code, a.scenarioId, a.secretHash, a.createdAt, a.deadline ?? null, a.askReasons, a.expiresAt],
      );
      return rowCount === 1;
    },
    async get(code) {
      const { rows } = await pool.query<AssignmentRow>('SELECT * FROM assignments WHERE code = $1', [code]);
      return rows[0] && toAssignment(rows[0]);
    },
    async addStudents(students) {
      if (students.length === 0) return;
      await pool.query(
        `INSERT INTO assignment_students (assignment, id, nickname, joined_at, token_hash)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
        [
          students.map((s) => s.code),
          students.map((s) => s.student.id),
          students.map((s) => s.student.nickname),
          students.map((s) => s.student.joinedAt),
          students.map((s) => s.student.tokenHash),
        ],
      );
    },
    async studentByToken(code, tokenHash) {
      const { rows } = await pool.query<StudentRow>(
        'SELECT * FROM assignment_students WHERE assignment = $1 AND token_hash = $2',
        [code, tokenHash],
      );
      return rows[0] && toStudent(rows[0]);
    },
    async students(code) {
      const { rows } = await pool.query<StudentRow>(
        'SELECT * FROM assignment_students WHERE assignment = $1 ORDER BY joined_at, id',
        [code],
      );
      return rows.map(toStudent);
    },
    async record(submissions) {
      if (submissions.length === 0) return [];
      return transaction(async (client) => {
        const key = (code: string, student: string) => `${code}\n${student}`;
        // One query locks every student of the batch, in one order (see above).
        const { rows } = await client.query<{ assignment: string; id: string; acked: number }>(
          `SELECT assignment, id, acked FROM assignment_students
           WHERE (assignment, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))
           ORDER BY assignment, id FOR UPDATE`,
          [submissions.map((s) => s.code), submissions.map((s) => s.student)],
        );
        const last = new Map(rows.map((row) => [key(row.assignment, row.id), row.acked]));
        const before = new Map(last);
        const events: Array<{ code: string; student: string; event: QueuedEvent }> = [];
        // In the order given: a student sent twice in one batch continues from their first submission.
        const results = submissions.map(({ code, student, events: sent }): Committed | undefined => {
          const from = last.get(key(code, student));
          if (from === undefined) return undefined;
          const { accept, acked } = acceptEvents(from, sent);
          for (const event of accept) events.push({ code, student, event });
          last.set(key(code, student), acked);
          return { from, acked };
        });
        if (events.length) {
          await client.query(
            `INSERT INTO assignment_events (assignment, student, seq, at, body)
             SELECT * FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::jsonb[])`,
            [
              events.map((e) => e.code),
              events.map((e) => e.student),
              events.map((e) => e.event.seq),
              events.map((e) => e.event.at),
              events.map((e) => JSON.stringify(e.event.event)),
            ],
          );
          const moved = [...last].filter(([k, acked]) => before.get(k) !== acked);
          await client.query(
            `UPDATE assignment_students AS s SET acked = u.acked
             FROM unnest($1::text[], $2::text[], $3::integer[]) AS u (assignment, id, acked)
             WHERE s.assignment = u.assignment AND s.id = u.id`,
            [moved.map(([k]) => k.split('\n')[0]), moved.map(([k]) => k.split('\n')[1]), moved.map(([, a]) => a)],
          );
        }
        return results;
      });
    },
    async events(code) {
      const { rows } = await pool.query<{ student: string; seq: number; at: string; body: unknown }>(
        'SELECT student, seq, at, body FROM assignment_events WHERE assignment = $1 ORDER BY student, seq',
        [code],
      );
      return rows.map((row) => ({
        student: row.student,
        ...QueuedEvent.parse({ seq: row.seq, at: row.at, event: row.body }),
      }));
    },
    async lastPath(code, student) {
      const { rows } = await pool.query<{ path: string[] | null }>(
        `SELECT body -> 'path' AS path FROM assignment_events
         WHERE assignment = $1 AND student = $2 AND body ->> 'type' = 'moved' ORDER BY seq DESC LIMIT 1`,
        [code, student],
      );
      return rows[0]?.path ?? [];
    },
    async delete(code) {
      const { rowCount } = await pool.query('DELETE FROM assignments WHERE code = $1', [code]);
      return rowCount === 1;
    },
    async purgeExpired(now) {
      const { rows } = await pool.query<{ code: string }>(
        'DELETE FROM assignments WHERE expires_at < $1 RETURNING code',
        [now],
      );
      return rows.map((row) => row.code);
    },
    async purgeRoomsCreatedBefore(at) {
      // A room is dropped whole, by the time of its `created` event (seq 1).
      const { rows } = await pool.query<{ rooms: number }>(
        `WITH old AS (SELECT room FROM events WHERE seq = 1 AND at < $1),
              gone AS (DELETE FROM events WHERE room IN (SELECT room FROM old))
         SELECT count(*)::integer AS rooms FROM old`,
        [at],
      );
      return rows[0]?.rooms ?? 0;
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}
