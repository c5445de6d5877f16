/** Plays a scenario in the terminal: the same engine and view model as the browser, as text. */
import { createInterface } from 'node:readline';
import { compileScenario } from '../engine/compile.ts';
import { choose, startGame } from '../engine/game-actor.ts';
import { ScenarioIndex, viewOf, type CitationView } from '../engine/view.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { CliIo } from './io.ts';

export async function playInTerminal(bundle: ScenarioBundle, io: CliIo): Promise<number> {
  const index = new ScenarioIndex(bundle);
  const actor = startGame(compileScenario(bundle.scenario));
  const input = createInterface({ input: io.stdin });
  // Reading lines from one iterator keeps every line of piped input, which question() would drop.
  const lines = input[Symbol.asyncIterator]();
  const say = (text = '') => io.stdout.write(text + '\n');
  const cite = (c: CitationView) => say(`      source "${c.sourceTitle}": “${c.quote}”`);
  say(`\n${bundle.scenario.title}\n${bundle.scenario.summary}\n`);
  try {
    for (;;) {
      const view = viewOf(index, actor.getSnapshot());
      const last = view.path[view.path.length - 1];
      if (last) {
        say(`\n→ ${last.outcome}  [${last.evidence}]`);
        last.citations.forEach(cite);
        for (const change of last.changes) say(`   ${change.label}: ${change.from} → ${change.to}`);
      }
      say(`\n${view.meters.map((m) => `${m.label} ${m.value}/${m.max}`).join(' · ')}`);
      if (view.kind === 'ending') {
        say(`\n=== Ending: ${view.title} ===\n${view.text}`);
        view.citations.forEach(cite);
        say('\nFor discussion:');
        view.questions.forEach((q) => say(`  - ${q}`));
        return 0;
      }
      say(`\n=== ${view.title} ===\n${view.actor.name} decides.\n${view.situation}\n`);
      for (const option of view.options) {
        say(`  ${option.number}. ${option.label}  [${option.evidence}]`);
        option.citations.forEach(cite);
      }
      let chosen: string | undefined;
      while (!chosen) {
        io.stdout.write('\nYour choice (number, or q to quit): ');
        const line = await lines.next();
        if (line.done) return 0;
        const answer = String(line.value).trim();
        if (answer === 'q') return 0;
        chosen = view.options.find((o) => String(o.number) === answer)?.id;
        if (!chosen) say(`Type a number from 1 to ${view.options.length}.`);
      }
      choose(actor, chosen);
    }
  } finally {
    input.close();
    actor.stop();
  }
}
