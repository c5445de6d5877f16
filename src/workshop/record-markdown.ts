/** The session record as Markdown, for the class: the path with its sources, then every vote. */
import type { RecordCitation, RecordRound, SessionRecord } from './record.ts';

/**
 * Nicknames and reasons are typed by participants, and scenario text comes from whoever wrote the
 * scenario (a file anyone can share): all of it must read as text in any Markdown viewer, never
 * as HTML, a link or an image that loads from elsewhere.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`);
}

/** Shorthand for escaping scenario text, which appears on almost every line. */
const md = escapeMarkdown;

/** A source's address: a plain http(s) address becomes a link; anything else (`javascript:`...) stays text. */
export function markdownUrl(url: string): string {
  return /^https?:\/\/[^\s<>"'`\\]+$/i.test(url) ? `<${url}>` : md(url);
}

const quote = (c: RecordCitation) =>
  `> “${md(c.quote)}”  \n> — ${md(c.source)}${c.evidence ? ` (${md(c.evidence)})` : ''}`;
const time = (iso: string) => iso.slice(11, 16);

function roundTable(round: RecordRound): string[] {
  const hands = round.options.some((o) => o.handVotes > 0);
  const lines = [
    hands ? '| option | phones | hands | votes |' : '| option | votes |',
    hands ? '| --- | ---: | ---: | ---: |' : '| --- | ---: |',
  ];
  for (const o of round.options) {
    const mark = o.id === round.chosen ? ' **(taken)**' : '';
    lines.push(
      hands
        ? `| ${md(o.label)}${mark} | ${o.phoneVotes} | ${o.handVotes} | ${o.total} |`
        : `| ${md(o.label)}${mark} | ${o.total} |`,
    );
  }
  return lines;
}

function roundBlock(round: RecordRound): string[] {
  const label = (id: string | null) => (id ? md(round.options.find((o) => o.id === id)?.label ?? id) : 'none (a tie)');
  const timing = [
    `opened ${time(round.openedAt)} UTC`,
    round.durationSeconds !== undefined ? `${round.durationSeconds} s to close` : undefined,
    round.closedWhenTimeRanOut ? `closed when its ${round.timeLimitSeconds ?? ''} s ran out` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [
    `${round.total} vote${round.total === 1 ? '' : 's'} (${timing}); majority: ${label(round.majority)}.`,
    '',
    ...roundTable(round),
    '',
  ];
  if (round.override)
    lines.push(`**The facilitator chose against the majority:** ${escapeMarkdown(round.override.reason)}`, '');
  if (round.reasons.length) {
    lines.push('Reasons given:', '');
    for (const r of round.reasons)
      lines.push(`- ${escapeMarkdown(r.nickname)} (${label(r.option)}): ${escapeMarkdown(r.reason)}`);
    lines.push('');
  }
  return lines;
}

export function recordMarkdown(record: SessionRecord): string {
  const lines = [
    `# ${md(record.scenario.title)}: workshop record`,
    '',
    `Room ${record.room}, ${record.createdAt.slice(0, 10)}, ${record.participants} participant${record.participants === 1 ? '' : 's'}.` +
      (record.status === 'ended' ? '' : ' (The session had not ended when this record was made.)'),
    '',
    '## The path the room took',
    '',
  ];
  if (record.path.length === 0) lines.push('The room took no decision.', '');
  for (const step of record.path) {
    const round = record.rounds.find((r) => r.round === step.round);
    lines.push(`### ${step.step + 1}. ${md(step.decisionTitle)} (${md(step.actor)})`, '', md(step.situation), '');
    for (const c of step.situationCitations) lines.push(quote(c), '');
    lines.push(`**The room chose:** ${md(step.optionLabel)} _(${md(step.evidence)})_`, '');
    if (round) lines.push(...roundBlock(round));
    lines.push(md(step.outcome), '');
    for (const c of step.citations) lines.push(quote(c), '');
  }
  const reached = record.reached;
  if (reached.kind === 'ending') {
    lines.push(`## Ending: ${md(reached.title)}`, '', md(reached.text), '');
    for (const c of reached.citations) lines.push(quote(c), '');
    if (reached.questions.length)
      lines.push('## For discussion', '', ...reached.questions.map((q) => `- ${md(q)}`), '');
  } else {
    lines.push(`## Stopped at: ${md(reached.title)}`, '');
  }
  const explored = record.rounds.filter((r) => r.outcome !== 'taken' || !record.path.some((s) => s.round === r.round));
  if (explored.length) {
    lines.push(
      '## Other votes',
      '',
      'Votes at decisions the room later went back on, or where the session stopped.',
      '',
    );
    for (const round of explored) {
      const why = {
        rewound: 'the room went back to an earlier decision',
        ended: 'the session ended here',
        open: 'still open',
        taken: 'later rewound',
      }[round.outcome];
      lines.push(`### Vote ${round.round}: ${md(round.decisionTitle)} (${why})`, '', ...roundBlock(round));
    }
  }
  if (record.locks.length || record.removed.length) {
    lines.push('## The room', '');
    for (const l of record.locks)
      lines.push(`- ${time(l.from)}: locked to newcomers${l.to ? `, until ${time(l.to)}` : ''}`);
    for (const p of record.removed)
      lines.push(
        `- ${time(p.removedAt)}: the facilitator removed ${escapeMarkdown(p.nickname)}` +
          (p.withdrawn ? ', whose vote in the open vote was withdrawn' : ''),
      );
    lines.push('');
  }
  if (record.rewinds.length) {
    lines.push('## Rewinds', '');
    for (const r of record.rewinds)
      lines.push(`- ${time(r.at)}: from decision ${r.fromStep + 1} back to decision ${r.toStep + 1}`);
    lines.push('');
  }
  lines.push('## Sources', '');
  for (const s of record.scenario.sources)
    lines.push(
      `- ${md(s.title)}${s.publisher ? `, ${md(s.publisher)}` : ''}${s.date ? `, ${md(s.date)}` : ''}${s.url ? `, ${markdownUrl(s.url)}` : ''}`,
    );
  return lines.join('\n') + '\n';
}
