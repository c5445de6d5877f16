/**
 * An assignment's and a student's row as both stores read them (SQLite and PostgreSQL share the
 * column names), turned into what the rest of the server uses. The one difference: SQLite keeps
 * `ask_reasons` as 0/1, PostgreSQL as a boolean.
 */
import type { StoredAssignment, StoredStudent } from './assignments-store.ts';

export interface AssignmentRow {
  code: string;
  scenario: string;
  secret_hash: string;
  created_at: string;
  deadline: string | null;
  ask_reasons: boolean | number;
  expires_at: string;
}

export interface StudentRow {
  id: string;
  nickname: string;
  joined_at: string;
  token_hash: string;
  acked: number;
}

export const toAssignment = (row: AssignmentRow): StoredAssignment => ({
  code: row.code,
  scenarioId: row.scenario,
  secretHash: row.secret_hash,
  createdAt: row.created_at,
  ...(row.deadline ? { deadline: row.deadline } : {}),
  askReasons: row.ask_reasons === true || row.ask_reasons === 1,
  expiresAt: row.expires_at,
});

export const toStudent = (row: StudentRow): StoredStudent => ({
  id: row.id,
  nickname: row.nickname,
  joinedAt: row.joined_at,
  tokenHash: row.token_hash,
  acked: row.acked,
});
