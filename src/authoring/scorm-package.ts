/**
 * A SCORM package (a zip a learning platform imports): imsmanifest.xml at the root and the
 * one-file player beside it as index.html; or a cmi5 package, with cmi5.xml instead. The player in a package may talk to a learning record
 * store (xAPI, cmi5), so its page allows connections to https addresses (and to this machine, for
 * testing); the plain one-file export keeps refusing every connection. It also says which SCORM
 * version the package is, so the player looks for that version's API first.
 */
import { strToU8, zipSync } from 'fflate';
import type { ScenarioBundle } from '../scenario/validate.ts';
import type { ScormVersion } from './lms-package-ids.ts';
import { cmi5CourseStructure } from './cmi5-course.ts';
import { PLAYER_FILE, scormManifest } from './scorm-manifest.ts';
import { injectBundle } from './standalone-bundle.ts';

/** The meta element through which a package tells the player its SCORM version. */
export const SCORM_META = 'branchpoint-scorm';
const LRS_SOURCES = 'https: http://localhost:* http://127.0.0.1:*';

/** The player page as a package carries it (SCORM: with its version). Throws on a page that is not a player template. */
export function packagedPlayer(templateHtml: string, bundle: ScenarioBundle, version?: ScormVersion): string {
  const html = injectBundle(templateHtml, bundle);
  const csp = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*connect-src )([^;"]*)/;
  if (!csp.test(html)) throw new Error('This player template has no connect-src rule in its Content-Security-Policy');
  return html
    .replace(csp, (_, before: string, sources: string) => `${before}${sources} ${LRS_SOURCES}`)
    .replace('<head>', () => (version ? `<head>\n    <meta name="${SCORM_META}" content="${version}" />` : '<head>'));
}

/** The zip's bytes. */
export function scormPackage(templateHtml: string, bundle: ScenarioBundle, version: ScormVersion): Uint8Array {
  const { id, title } = bundle.scenario;
  return zipSync(
    {
      'imsmanifest.xml': strToU8(scormManifest({ id, title, version })),
      [PLAYER_FILE]: strToU8(packagedPlayer(templateHtml, bundle, version)),
    },
    { level: 9 },
  );
}

/** The zip a cmi5 platform imports. */
export function cmi5Package(templateHtml: string, bundle: ScenarioBundle): Uint8Array {
  const { id, title, summary, language } = bundle.scenario;
  return zipSync(
    {
      'cmi5.xml': strToU8(cmi5CourseStructure({ id, title, summary, language })),
      [PLAYER_FILE]: strToU8(packagedPlayer(templateHtml, bundle)),
    },
    { level: 9 },
  );
}
