/**
 * The assignment report as files for the teacher: Markdown to read or print, CSV for a spreadsheet
 * (one row per student and step), JSON for anything else. Nicknames and reasons are typed by
 * students, so they go through the workshop record's own escaping (escapeMarkdown, csvCell).
 */
import type { AssignmentReport } from './assignment-report.ts';
import { csvCell } from './record-csv.ts';
import { escapeMarkdown } from './record-markdown.ts';

export type AssignmentFormat = 'markdown' | 'csv' | 'json';

export function assignmentFile(report: AssignmentReport, format: AssignmentFormat) {
  const base = `assignment-${report.assignment.code}-${report.generatedAt.slice(0, 10)}`;
  switch (format) {
    case 'markdown':
      return { filename: `${base}.md`, mimeType: 'text/markdown', content: assignmentMarkdown(report) };
    case 'csv':
      return { filename: `${base}.csv`, mimeType: 'text/csv', content: assignmentCsv(report) };
    case 'json':
      return {
        filename: `${base}.json`,
        mimeType: 'application/json',
        content: JSON.stringify(report, null, 2) + '\n',
      };
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function assignmentMarkdown(report: AssignmentReport): string {
  const { assignment } = report;
  const lines = [
    `# ${escapeMarkdown(assignment.scenarioTitle)}: assignment report`,
    '',
    `Assignment ${assignment.code}, set ${assignment.createdAt.slice(0, 10)}` +
      (assignment.deadline ? `, due ${assignment.deadline.slice(0, 16).replace('T', ' ')} UTC` : '') +
      `. ${plural(report.started, 'student')} started, ${report.finished} finished (as of ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC).`,
    '',
    '## Decisions',
    '',
  ];
  for (const d of report.decisions) {
    lines.push(`### ${escapeMarkdown(d.title)}`, '', `${plural(d.total, 'student')} chose here.`, '');
    lines.push('| option | evidence | students |', '| --- | --- | ---: |');
    for (const o of d.options) lines.push(`| ${escapeMarkdown(o.label)} | ${o.evidence} | ${o.count} |`);
    lines.push('');
    if (d.reasons.length) {
      lines.push('Reasons given:', '');
      for (const r of d.reasons)
        lines.push(`- ${escapeMarkdown(r.nickname)} (${escapeMarkdown(r.optionLabel)}): ${escapeMarkdown(r.text)}`);
      lines.push('');
    }
  }
  lines.push('## Endings reached', '');
  for (const e of report.endings) lines.push(`- ${escapeMarkdown(e.title)}: ${e.count}`);
  lines.push('', '## Sources opened', '');
  for (const s of report.sources)
    lines.push(`- ${escapeMarkdown(s.title)}: ${plural(s.students, 'student')} (${plural(s.opens, 'opening')})`);
  lines.push('', '## Students', '');
  for (const s of report.students) {
    lines.push(
      `### ${escapeMarkdown(s.nickname)}`,
      '',
      s.ending ? `Reached: ${escapeMarkdown(s.ending.title)}.` : 'Has not reached an ending.',
      '',
    );
    s.path.forEach((step, i) =>
      lines.push(`${i + 1}. ${escapeMarkdown(step.decisionTitle)}: ${escapeMarkdown(step.optionLabel)}`),
    );
    if (s.path.length) lines.push('');
    if (s.sourcesOpened.length) lines.push(`Sources opened: ${s.sourcesOpened.map(escapeMarkdown).join(', ')}`, '');
  }
  return lines.join('\n') + '\n';
}

const COLUMNS = [
  'student',
  'step',
  'decision_id',
  'decision',
  'option_id',
  'option',
  'evidence',
  'reason',
  'ending',
  'sources_opened',
] as const;

export function assignmentCsv(report: AssignmentReport): string {
  const rows: string[][] = [[...COLUMNS]];
  const evidence = new Map(report.decisions.flatMap((d) => d.options.map((o) => [`${d.id}/${o.id}`, o.evidence])));
  for (const s of report.students) {
    const steps = s.path.length ? s.path : [undefined];
    steps.forEach((step, i) => {
      const reason = step
        ? report.decisions
            .find((d) => d.id === step.decision)
            ?.reasons.filter((r) => r.nickname === s.nickname && r.option === step.option)
            .map((r) => r.text)
            .join(' | ')
        : undefined;
      const cells: Record<(typeof COLUMNS)[number], string | number | undefined> = {
        student: s.nickname,
        step: step ? i + 1 : undefined,
        decision_id: step?.decision,
        decision: step?.decisionTitle,
        option_id: step?.option,
        option: step?.optionLabel,
        evidence: step ? evidence.get(`${step.decision}/${step.option}`) : undefined,
        reason: reason || undefined,
        ending: s.ending?.title,
        sources_opened: s.sourcesOpened.join(' | '),
      };
      rows.push(COLUMNS.map((c) => csvCell(cells[c])));
    });
  }
  return rows.map((row) => row.join(',')).join('\r\n') + '\r\n';
}
