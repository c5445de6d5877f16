/**
 * The session record as CSV, for a spreadsheet: one row per option of every vote (RFC 4180,
 * CRLF line ends). Reasons and citations are joined into one cell per row.
 */
import type { SessionRecord } from './record.ts';

const COLUMNS = [
  'round',
  'step',
  'decision_id',
  'decision',
  'option_id',
  'option',
  'phone_votes',
  'hand_votes',
  'votes',
  'majority',
  'taken',
  'override_reason',
  'outcome',
  'opened_at',
  'closed_at',
  'revealed_at',
  'duration_seconds',
  'reasons',
  'citations',
] as const;

/**
 * One cell: quoted when needed; text starting like a formula gets a leading apostrophe, so a
 * nickname such as "=HYPERLINK(...)" stays text in a spreadsheet.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function recordCsv(record: SessionRecord): string {
  const rows: string[][] = [[...COLUMNS]];
  for (const round of record.rounds) {
    const step = record.path.find((s) => s.round === round.round);
    for (const option of round.options) {
      const cells: Record<(typeof COLUMNS)[number], string | number | undefined> = {
        round: round.round,
        step: round.step + 1,
        decision_id: round.decisionId,
        decision: round.decisionTitle,
        option_id: option.id,
        option: option.label,
        phone_votes: option.phoneVotes,
        hand_votes: option.handVotes,
        votes: option.total,
        majority: round.majority === option.id ? 'yes' : 'no',
        taken: round.chosen === option.id ? 'yes' : 'no',
        override_reason: round.chosen === option.id ? round.override?.reason : undefined,
        outcome: round.outcome,
        opened_at: round.openedAt,
        closed_at: round.closedAt,
        revealed_at: round.revealedAt,
        duration_seconds: round.durationSeconds,
        reasons: round.reasons
          .filter((r) => r.option === option.id)
          .map((r) => `${r.nickname}: ${r.reason}`)
          .join(' | '),
        citations:
          step && step.optionId === option.id
            ? step.citations.map((c) => `${c.source}: “${c.quote}”`).join(' | ')
            : undefined,
      };
      rows.push(COLUMNS.map((column) => csvCell(cells[column])));
    }
  }
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}
