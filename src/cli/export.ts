/**
 * `npm run scenario -- export <folder> -o <file>.html`: one HTML file that plays the scenario
 * from file:// with no network (game, scenario, sources and fonts inside), like a published
 * Twine story. The caller has already checked the scenario; this only writes it into the player.
 * With --scorm 1.2 or 2004 it writes a zip a learning platform imports instead (imsmanifest.xml
 * and the same player as index.html, reporting to the platform); with --cmi5, a zip for a cmi5
 * platform (cmi5.xml and the player, sending xAPI statements to the platform's store).
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { injectBundle } from '../authoring/standalone-bundle.ts';
import { cmi5Package, scormPackage } from '../authoring/scorm-package.ts';
import type { ScormVersion } from '../authoring/lms-package-ids.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import { displayPath } from '../node/scenario-files.ts';
import { cachedPlayerTemplate } from '../node/player-template.ts';
import { UsageError } from './usage-error.ts';
import type { CliIo } from './io.ts';

export interface ExportTarget {
  file: string;
  /** Set for a package for a learning platform (a zip), unset for the one HTML file. */
  scorm?: ScormVersion;
  cmi5?: true;
}

/** The output file named with -o: an .html file, or with --scorm 1.2|2004 or --cmi5 a .zip file. */
export function exportTarget(out: string | undefined, scorm?: string, cmi5 = false): ExportTarget {
  if (scorm !== undefined && scorm !== '1.2' && scorm !== '2004')
    throw new UsageError(`--scorm must be 1.2 or 2004 (Moodle takes 1.2), not "${scorm}"`);
  if (scorm && cmi5) throw new UsageError('a package is either SCORM or cmi5: give --scorm or --cmi5, not both');
  const zip = Boolean(scorm) || cmi5;
  const kind = zip ? { ext: 'zip', what: 'a package for a learning platform' } : { ext: 'html', what: 'a web page' };
  const flag = scorm ? ` --scorm ${scorm}` : cmi5 ? ' --cmi5' : '';
  if (!out)
    throw new UsageError(`name the file to write: npm run scenario -- export <folder>${flag} -o <file>.${kind.ext}`);
  if (!(zip ? /\.zip$/i : /\.html?$/i).test(out))
    throw new UsageError(`the exported file must end in .${kind.ext} (it is ${kind.what}), not "${out}"`);
  return scorm ? { file: out, scorm } : cmi5 ? { file: out, cmi5 } : { file: out };
}

export async function exportScenario(
  bundle: ScenarioBundle,
  { file, scorm, cmi5 }: ExportTarget,
  io: CliIo,
): Promise<number> {
  const started = performance.now();
  const template = await cachedPlayerTemplate();
  const bytes = scorm
    ? scormPackage(template.html, bundle, scorm)
    : cmi5
      ? cmi5Package(template.html, bundle)
      : injectBundle(template.html, bundle);
  writeFileSync(file, bytes);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const size = `${((typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength) / 1024 / 1024).toFixed(2)} MB`;
  const building = template.cached ? '' : ', building the player first';
  const use = scorm
    ? scorm === '1.2'
      ? 'It is a SCORM 1.2 package: upload it to your learning platform (in Moodle: Add an activity or resource > SCORM package).'
      : 'It is a SCORM 2004 package: upload it to a learning platform that takes SCORM 2004 (for Moodle, export with --scorm 1.2).'
    : cmi5
      ? 'It is a cmi5 package: import it as a course in a cmi5 platform.'
      : 'It plays offline: open it in a browser, or hand it to your class.';
  io.stdout.write(`Wrote ${displayPath(file)} (${size}) in ${seconds} s${building}. ${use}\n`);
  return 0;
}
