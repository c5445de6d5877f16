/**
 * `npm run scenario -- guide <folder> -o <file>.html [--handout]`: the printable teacher's guide, or
 * with --handout the student handout, as one HTML file. The caller has already checked the scenario.
 */
import { writeFileSync } from 'node:fs';
import { guideDocument } from '../authoring/guide.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { CliIo } from './io.ts';
import { displayPath } from '../node/scenario-files.ts';
import { UsageError } from './usage-error.ts';

export function guideTarget(out: string | undefined): string {
  if (!out) throw new UsageError('name the file to write: npm run scenario -- guide <folder> -o <file>.html');
  if (!/\.html?$/i.test(out)) throw new UsageError(`the guide must end in .html (it is a web page), not "${out}"`);
  return out;
}

export function writeGuide(bundle: ScenarioBundle, out: string, handout: boolean, io: CliIo): number {
  writeFileSync(out, guideDocument(bundle, handout ? 'student' : 'teacher'));
  io.stdout.write(
    `Wrote ${displayPath(out)}: the ${handout ? 'student handout' : "teacher's guide"}. Open it in a browser and print it (A4 or Letter).\n`,
  );
  return 0;
}
