/** A printable record of one playthrough, in Markdown, with every citation. */
import type { Scenario } from '../scenario/schema.ts';
import type { CitationView, GameView } from './view.ts';

type EndingView = Extract<GameView, { kind: 'ending' }>;

export function playthroughMarkdown(scenario: Scenario, view: EndingView, endingsFound: number): string {
  const quote = (c: CitationView) => `> “${c.quote}”  \n> — ${c.sourceTitle}${c.evidence ? ` (${c.evidence})` : ''}`;
  const lines = [`# ${scenario.title}`, '', scenario.summary, '', '## The path taken', ''];
  view.path.forEach((step, i) => {
    lines.push(
      `### ${i + 1}. ${step.decisionTitle} (${step.actorName})`,
      '',
      `**Chose:** ${step.optionLabel} _(${step.evidence})_`,
      '',
      step.outcome,
      '',
    );
    for (const change of step.changes) lines.push(`- ${change.label}: ${change.from} → ${change.to}`);
    if (step.changes.length) lines.push('');
    for (const c of step.citations) lines.push(quote(c), '');
    if (step.untaken.length) lines.push(`Not taken: ${step.untaken.map((o) => o.label).join('; ')}`, '');
  });
  lines.push(`## Ending: ${view.title}`, '', view.text, '');
  for (const c of view.citations) lines.push(quote(c), '');
  lines.push(`Endings discovered: ${endingsFound} of ${scenario.endings.length}`, '', '## For discussion', '');
  for (const q of view.questions) lines.push(`- ${q}`);
  lines.push('', '## Sources', '');
  for (const s of scenario.sources)
    lines.push(
      `- ${s.title}${s.publisher ? `, ${s.publisher}` : ''}${s.date ? `, ${s.date}` : ''}${s.url ? `, ${s.url}` : ''}`,
    );
  return lines.join('\n') + '\n';
}
