/**
 * `npm run scenario -- export <folder> -o <file>.html`: one HTML file that plays the scenario
 * from file:// with no network (game, scenario, sources and fonts inside), like a published
 * Twine story. The caller has already checked the scenario; this only writes it into the player.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { injectBundle } from '../authoring/standalone-bundle.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import { displayPath } from '../node/scenario-files.ts';
import { cachedPlayerTemplate } from '../node/player-template.ts';
import { UsageError } from './usage-error.ts';
import type { CliIo } from './io.ts';

/** The output file named with -o, which must be an .html file. */
export function exportTarget(out: string | undefined): string {
  if (!out) throw new UsageError('name the file to write: npm run scenario -- export <folder> -o <file>.html');
  if (!/\.html?$/i.test(out))
    throw new UsageError(`the exported file must end in .html (it is a web page), not "${out}"`);
  return out;
}

export async function exportScenario(bundle: ScenarioBundle, out: string, io: CliIo): Promise<number> {
  const started = performance.now();
  const template = await cachedPlayerTemplate();
  const html = injectBundle(template.html, bundle);
  writeFileSync(out, html);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const size = `${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB`;
  io.stdout.write(
    `Wrote ${displayPath(out)} (${size}) in ${seconds} s${template.cached ? '' : ', building the player first'}. It plays offline: open it in a browser, or hand it to your class.\n`,
  );
  return 0;
}
