/**
 * The single-file player: a built page (the "template", dist/player-template.html) with one
 * checked scenario bundle written into it, so the file plays from file:// with no network, the
 * way Twine publishes a story. The command line and the browser page both export through
 * injectBundle; the player reads its scenario back with readEmbeddedBundle.
 */
import { studentBundle } from '../scenario/student-bundle.ts';
import type { Result } from '../lib/result.ts';
import type { ScenarioBundle } from '../scenario/validate.ts';
import { isRecord } from '../lib/is-record.ts';
import { escapeMarkup } from '../lib/escape-markup.ts';

/** The id of the element that carries the scenario in the player page. */
export const BUNDLE_ELEMENT_ID = 'branchpoint-scenario';
/** The file name under which the built template ships beside the page (dist/). */
export const PLAYER_TEMPLATE_FILE = 'player-template.html';

/**
 * JSON that is safe inside a <script> element: "<" is written as \u003c, so no text in a
 * scenario ("</script>", "<!--") can end the element early. JSON.parse reads it back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The template with the bundle in its slot, its title and its language set. Throws on a page that is not a player template. */
export function injectBundle(templateHtml: string, bundle: ScenarioBundle): string {
  // Built here, not at the top of the module, so the player (which only reads) does not carry it.
  const slot = () =>
    new RegExp(`(<script type="application/json" id="${BUNDLE_ELEMENT_ID}">)([\\s\\S]*?)(</script>)`, 'g');
  const slots = templateHtml.match(slot());
  if (!slots || slots.length !== 1) {
    throw new Error(
      `This is not a Branchpoint player template: it needs exactly one <script type="application/json" id="${BUNDLE_ELEMENT_ID}"> element, and has ${slots?.length ?? 0}`,
    );
  }
  const { scenario } = bundle;
  return templateHtml
    .replace(
      slot(),
      (_, open: string, _old: string, close: string) => `${open}${scriptSafeJson(studentBundle(bundle))}${close}`,
    )
    .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeMarkup(scenario.title)} · Branchpoint</title>`)
    .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeMarkup(scenario.language)}"`);
}

/**
 * The bundle a player page carries, or a sentence saying why it cannot be played. The file was
 * checked when it was exported; this only guards against a file damaged or edited since.
 */
export function readEmbeddedBundle(text: string | null | undefined): Result<ScenarioBundle, string> {
  if (!text || text.trim() === '') {
    return {
      ok: false,
      error: 'This page holds no scenario. Export one with "npm run scenario -- export", or from the Branchpoint page.',
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The scenario in this file is damaged (it is not valid JSON). Export it again.' };
  }
  const scenario = isRecord(value) ? value.scenario : undefined;
  const sources = isRecord(value) ? value.sources : undefined;
  const shaped =
    isRecord(scenario) &&
    isRecord(sources) &&
    typeof scenario.id === 'string' &&
    typeof scenario.title === 'string' &&
    typeof scenario.start === 'string' &&
    Array.isArray(scenario.decisions) &&
    Array.isArray(scenario.endings) &&
    Array.isArray(scenario.sources) &&
    Object.values(sources).every((s) => typeof s === 'string');
  if (!shaped) return { ok: false, error: 'The scenario in this file is incomplete or damaged. Export it again.' };
  return { ok: true, value: value as unknown as ScenarioBundle };
}
