/**
 * Format-2 checks that need no analysis: the order of variants and routes, stage directions
 * against the map and the actors, teacher material against the actors, and the length and
 * reading grade of what students read. Path-aware checks (a path with no variant or route that
 * applies, a variant no path reaches) are the engine's: see src/engine/check.ts.
 */
import type { DocPath } from './diagnostic.ts';
import type { Scenario, VariantText } from './schema.ts';
import { forEachStage, forEachText } from './texts.ts';
import type { Reporter } from './validate.ts';
import { didYouMean } from '../lib/similar.ts';
import { readingGrade, wordCount } from './readability.ts';

export const DEFAULT_LIMITS = { situationWords: 80, outcomeWords: 60 } as const;

/** A variant or route without `when` is the fallback: any after it could never apply. */
export function checkVariantOrder(scenario: Scenario, report: Reporter): void {
  const check = (items: ReadonlyArray<{ when?: unknown }>, at: DocPath, what: string) => {
    const fallback = items.findIndex((item) => item.when === undefined);
    if (fallback >= 0 && fallback < items.length - 1)
      report.error(
        [...at, fallback],
        `this ${what} has no "when", so it always applies and the ${items.length - 1 - fallback} after it never can: put it last, as the fallback`,
      );
  };
  forEachText(scenario, (site) => check(site.variants, site.path, 'variant'), true);
  // A plain loop: callbacks per decision point would be made again for each of thousands.
  for (let d = 0; d < scenario.decisions.length; d++) {
    const options = scenario.decisions[d]!.options;
    for (let o = 0; o < options.length; o++) {
      const next = options[o]!.next;
      if (typeof next !== 'string') check(next, ['decisions', d, 'options', o, 'next'], 'route');
    }
  }
}

/** Great-circle distance in km between two points given in degrees. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function checkStage(scenario: Scenario, report: Reporter): void {
  const places = new Map((scenario.map?.places ?? []).map((p) => [p.id, p]));
  const ranges = new Map((scenario.map?.ranges ?? []).map((r) => [r.id, r]));
  const actors = new Set(scenario.actors.map((a) => a.id));
  const refer = (
    value: string,
    known: ReadonlyMap<string, unknown> | ReadonlySet<string>,
    what: string,
    path: DocPath,
  ) => {
    if (known.has(value)) return true;
    const guess = didYouMean(value, known.keys());
    const none = known.size === 0 && what !== 'actor' ? ' (the scenario has no map with any)' : '';
    report.error(path, `there is no ${what} "${value}"${guess ? `: did you mean "${guess}"?` : none}`);
    return false;
  };
  forEachStage(scenario, (stage, at) =>
    stage.forEach((direction, i) => {
      const path: DocPath = [...at, i];
      if (direction.highlight !== undefined) refer(direction.highlight, places, 'place', [...path, 'highlight']);
      if (direction.showRange !== undefined) refer(direction.showRange, ranges, 'range', [...path, 'showRange']);
      if (direction.hideRange !== undefined) refer(direction.hideRange, ranges, 'range', [...path, 'hideRange']);
      if (direction.area) refer(direction.area.place, places, 'place', [...path, 'area', 'place']);
      if (direction.stance) refer(direction.stance.actor, actors, 'actor', [...path, 'stance', 'actor']);
      const strike = direction.strike;
      if (!strike) return;
      refer(strike.from, places, 'place', [...path, 'strike', 'from']);
      const target = refer(strike.to, places, 'place', [...path, 'strike', 'to']);
      if (strike.within === undefined || !refer(strike.within, ranges, 'range', [...path, 'strike', 'within'])) return;
      const range = ranges.get(strike.within)!;
      const centre = places.get(range.center);
      if (!target || !centre) return;
      const km = distanceKm(centre, places.get(strike.to)!);
      if (km > range.km)
        report.error(
          [...path, 'strike', 'within'],
          `"${strike.to}" is ${Math.round(km)} km from "${range.center}", outside the ${range.km} km circle of range "${range.id}"`,
        );
    }),
  );
}

export function checkTeacher(scenario: Scenario, report: Reporter): void {
  const actors = new Set(scenario.actors.map((a) => a.id));
  scenario.teacher?.roleBriefs?.forEach((brief, b) => {
    if (actors.has(brief.actor)) return;
    const guess = didYouMean(brief.actor, actors);
    report.error(
      ['teacher', 'roleBriefs', b, 'actor'],
      `there is no actor "${brief.actor}"${guess ? `: did you mean "${guess}"?` : ''}`,
    );
  });
}

/** Warns on situations and outcomes longer than the limits, giving the reading grade to help shorten them. */
export function checkLengths(scenario: Scenario, report: Reporter): void {
  const limits = { ...DEFAULT_LIMITS, ...scenario.limits };
  // n words take at least 2n - 1 characters, so a short text needs no counting.
  const short = (text: string, limit: number) => text.length < 2 * limit + 1;
  const plainShort = (value: VariantText, limit: number) => typeof value === 'string' && short(value, limit);
  if (
    scenario.decisions.every(
      (d) =>
        plainShort(d.situation, limits.situationWords) &&
        d.options.every((o) => plainShort(o.outcome, limits.outcomeWords)),
    )
  )
    return;
  forEachText(scenario, (site) => {
    if (site.kind === 'ending') return;
    const limit = site.kind === 'situation' ? limits.situationWords : limits.outcomeWords;
    const setting = site.kind === 'situation' ? 'situationWords' : 'outcomeWords';
    site.variants.forEach((variant, v) => {
      if (short(variant.text, limit)) return;
      const words = wordCount(variant.text);
      if (words <= limit) return;
      const grade = readingGrade(variant.text);
      report.warning(
        site.isList ? [...site.path, v, 'text'] : site.path,
        `this ${site.kind} has ${words} words, more than ${limit} (reading grade ${grade.toFixed(1)}): shorten it, move details to notes, or raise limits.${setting}`,
      );
    });
  });
}
