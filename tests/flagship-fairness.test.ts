/**
 * The flagship's structure and fairness, as issue 9 asks: the first choice branches the whole story,
 * endings depend on more than the last choice, both sides of the article's debates hold on some
 * paths (each with its citation), Russian and North Korean steps move the meters as much as US and
 * Ukrainian ones, and the evidence labels say what the article really does with each quote.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../src/engine/game-actor.ts';
import { Rules } from '../src/engine/rules.ts';
import { stageAt } from '../src/engine/stage.ts';
import { normalizeQuote } from '../src/scenario/quote.ts';
import { allVariants, everyPlayedPath, machine, raw, scenario, type PlayedPath } from './flagship-paths.ts';

const paths = everyPlayedPath();
const FIRST = raw.decisions.find((d) => d.id === raw.start)!.options.map((o) => o.id);
const q = (quote: string) => normalizeQuote(quote);

const PUTIN = q(
  'President Putin warned that such an act could be interpreted as NATO’s direct involvement in the war.',
);
const OLD_FEAR = q('Previously, Washington had refused to allow such attacks, fearing they would escalate the war.');
const RED_LINES = q(
  'have been crossed before (e.g., with the supply of modern tanks) without leading to broader conflict',
);
const VOLKER = q(
  'argue that US restrictions on the use of these weapons are unjustified and based on fear of “provoking” Russia',
);
const WALTZ = q('Michael Waltz argues that accelerating arms shipments could pressure Russia to negotiate');
const VANCE = q('Vance opposes continuing military aid to Ukraine');
const UNCLEAR = q('remains unclear');
const TRUMP_JR = q('Donald Trump Jr. claimed');
const BBC_FIRST_HALF = q('the number of missiles is insufficient to change the course of the war');
const BBC_SECOND_HALF = q('but will provide Ukraine with a strategic advantage');

/** Every citation written anywhere in the file, with where it is. */
function everyCitation(): Array<{ where: string; quote: string; evidence?: string }> {
  const found: Array<{ where: string; quote: string; evidence?: string }> = [];
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}[${i}]`));
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.quote === 'string' && typeof o.source === 'string')
        found.push({ where, quote: o.quote, ...(typeof o.evidence === 'string' ? { evidence: o.evidence } : {}) });
      for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`);
    }
  };
  walk(raw, 'scenario');
  return found;
}

const endingCites = (p: PlayedPath, quote: string) => p.final.citations.some((c) => q(c.quote).includes(quote));
const chose = (p: PlayedPath, ...ids: string[]) => ids.some((id) => p.options.includes(id));

describe('the first choice branches the whole story', () => {
  const after = (first: string) => paths.filter((p) => p.options[0] === first);

  it('changes what the student reads at every later decision point', () => {
    for (const decision of raw.decisions.filter((d) => d.id !== raw.start)) {
      const read = FIRST.map((first) =>
        [
          ...new Set(
            after(first).flatMap((p) =>
              p.shown.filter((s) => s.key.startsWith(`situation:${decision.id}#`)).map((s) => s.key),
            ),
          ),
        ]
          .sort()
          .join(),
      );
      expect(new Set(read).size, `situations of ${decision.id} after each first option`).toBe(FIRST.length);
    }
  });

  it('changes what the student can choose at every later decision point', () => {
    for (const decision of raw.decisions.filter((d) => d.id !== raw.start)) {
      const offered = FIRST.map((first) =>
        [
          ...new Set(
            after(first)
              .flatMap((p) => p.offered.filter((o) => o.decision === decision.id))
              .map((o) => o.options.join('+')),
          ),
        ]
          .sort()
          .join(' | '),
      );
      expect(new Set(offered).size, `options at ${decision.id} after each first option`).toBe(FIRST.length);
    }
  });

  it('leads to a different set of later situations, and of reachable endings, after each first option', () => {
    const situations = FIRST.map((first) =>
      [...new Set(after(first).flatMap((p) => p.shown.filter((s) => s.key.startsWith('situation:')).map((s) => s.key)))]
        .sort()
        .join(),
    );
    expect(new Set(situations).size).toBe(FIRST.length);
    const endings = FIRST.map((first) => [...new Set(after(first).map((p) => p.ending))].sort().join());
    expect(new Set(endings).size).toBe(FIRST.length);
  });

  it('has at least 6 endings, each reachable after at least two different first choices', () => {
    expect(scenario.endings.length).toBeGreaterThanOrEqual(6);
    for (const ending of scenario.endings) {
      const firsts = new Set(paths.filter((p) => p.ending === ending.id).map((p) => p.options[0]));
      expect(firsts.size, `first choices leading to ${ending.id}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('decides the ending by more than the last choice', () => {
    const byLast = new Map<string, Set<string>>();
    for (const p of paths) {
      const last = p.options.at(-1)!;
      byLast.set(last, (byLast.get(last) ?? new Set()).add(p.ending));
    }
    const decidedByEarlierSteps = [...byLast].filter(([, endings]) => endings.size >= 2).map(([last]) => last);
    // Every last choice but one (at most) leads to different endings depending on what came before.
    expect(decidedByEarlierSteps.length).toBeGreaterThanOrEqual(byLast.size - 1);
    // And the same last choice after the same Kremlin response can still part on a meter.
    const accelerate = paths.filter(
      (p) => p.options.at(-1) === 'accelerate-arms' && chose(p, 'counteroffensive-kursk'),
    );
    expect(new Set(accelerate.map((p) => p.ending)).size).toBeGreaterThanOrEqual(2);
  });
});

describe('the map follows the path', () => {
  const rules = new Rules(scenario);
  const pictureAfter = (options: readonly string[]) => {
    const played = replay(machine, options);
    if (!played.ok) throw new Error(`the engine refuses ${options.join('.')}`);
    const { picture } = stageAt(rules, played.value.getSnapshot().context.path);
    played.value.stop();
    return JSON.stringify({ ...picture, highlights: [] });
  };

  it('draws a different picture after each first choice, and many different ones at the endings', () => {
    expect(new Set(FIRST.map((first) => pictureAfter([first]))).size).toBe(FIRST.length);
    const endingPictures = new Set(paths.map((p) => pictureAfter(p.options)));
    expect(endingPictures.size).toBeGreaterThanOrEqual(30);
  });

  it('draws strikes inside Russia only on paths where Ukraine made them', () => {
    for (const p of paths) {
      const picture = JSON.parse(pictureAfter(p.options)) as { strikes: Array<{ to: string }> };
      const intoRussia = picture.strikes.some((s) => s.to === 'kursk' || s.to === 'deep-russia');
      expect(intoRussia, p.options.join(' > ')).toBe(chose(p, 'kursk-defensive', 'deeper-strikes'));
    }
  });
});

describe('both sides of the debates hold on some paths, each with its citation', () => {
  it('strikes inside Russia escalate: Putin’s warning is acted on after strikes, and the ending cites it', () => {
    const held = paths.filter(
      (p) =>
        chose(p, 'kursk-defensive', 'deeper-strikes') &&
        chose(p, 'nato-involvement') &&
        endingCites(p, PUTIN) &&
        p.final.meters.find((m) => m.id === 'widening')!.value >= 4,
    );
    expect(held.length).toBeGreaterThan(0);
    expect(paths.some((p) => p.ending === 'standoff' && endingCites(p, PUTIN) && endingCites(p, OLD_FEAR))).toBe(true);
  });

  it('restrictions only reflect fear of "provoking" Russia: strikes are made, no wider war follows, and the ending cites the red lines argument and Volker', () => {
    const held = paths.filter(
      (p) =>
        chose(p, 'kursk-defensive', 'deeper-strikes') &&
        chose(p, 'warn-and-contain') &&
        p.ending === 'red-lines-held' &&
        endingCites(p, RED_LINES) &&
        endingCites(p, VOLKER),
    );
    expect(held.length).toBeGreaterThan(0);
  });

  it('restraint does not stop Russia and North Korea from widening the war on some paths, and keeps the peace on others', () => {
    const keep = paths.filter((p) => p.options[0] === 'keep-restriction');
    expect(keep.some((p) => p.final.meters.find((m) => m.id === 'widening')!.value > 1)).toBe(true);
    expect(keep.some((p) => p.ending === 'restraint-holds' && endingCites(p, OLD_FEAR))).toBe(true);
  });

  it('Waltz’s argument holds on some paths and fails on others, and Vance’s course is reached, each with its citation', () => {
    expect(paths.some((p) => p.ending === 'pressure-talks' && endingCites(p, WALTZ))).toBe(true);
    expect(paths.some((p) => p.ending === 'standoff' && endingCites(p, WALTZ))).toBe(true);
    expect(paths.some((p) => p.ending === 'aid-halted' && endingCites(p, VANCE))).toBe(true);
    expect(paths.some((p) => p.ending === 'ukraine-alone' && chose(p, 'halt-aid'))).toBe(true);
  });
});

describe('Russian and North Korean actions count as much as US and Ukrainian ones', () => {
  const addsOf = (actor: string, variable: string) =>
    raw.decisions
      .filter((d) => d.actor === actor)
      .flatMap((d) => d.options)
      .map((o) => ({
        id: o.id,
        add: (o.effects ?? []).filter((e) => e.variable === variable).reduce((n, e) => n + (e.add ?? 0), 0),
      }));

  it('widen the war by the same steps', () => {
    const ukraine = addsOf('ukraine-leadership', 'widening');
    const kremlin = addsOf('kremlin', 'widening');
    expect(Math.max(...kremlin.map((o) => o.add))).toBe(Math.max(...ukraine.map((o) => o.add)));
    const step = (list: typeof ukraine, id: string) => list.find((o) => o.id === id)!.add;
    expect(step(kremlin, 'counteroffensive-kursk')).toBe(step(ukraine, 'kursk-defensive'));
    expect(step(kremlin, 'nato-involvement')).toBe(step(ukraine, 'deeper-strikes'));
  });

  it('move the meters on the paths where they happen', () => {
    const counter = paths.filter((p) => chose(p, 'counteroffensive-kursk'));
    expect(counter.length).toBeGreaterThan(0);
    for (const p of counter) {
      const i = p.options.indexOf('counteroffensive-kursk');
      const step = p.final.path[i]!;
      expect(step.changes.map((c) => c.id)).toEqual(expect.arrayContaining(['widening', 'ukraine-position']));
    }
  });

  it('the escalation meter counts what was done, and says so', () => {
    const meter = scenario.variables.find((v) => v.id === 'widening')!;
    expect(meter.description).toMatch(/counts what was done/);
    expect(meter.description).toMatch(/Russian or North Korean step counts as much/);
  });
});

describe('honest labels', () => {
  const citations = everyCitation();

  it('labels the red lines argument as the article’s analysis, never as reported', () => {
    const red = citations.filter((c) => q(c.quote).includes(q('have been crossed before')));
    expect(red.length).toBeGreaterThan(0);
    expect(red.filter((c) => c.evidence !== 'analysis')).toEqual([]);
  });

  it('labels "remains unclear" as the article’s analysis', () => {
    const unclear = citations.filter((c) => q(c.quote).includes(UNCLEAR));
    expect(unclear.length).toBeGreaterThan(0);
    expect(unclear.filter((c) => c.evidence !== 'analysis')).toEqual([]);
  });

  it('never cuts the BBC sentence down to its first half', () => {
    const bbc = citations.filter((c) => q(c.quote).includes(BBC_FIRST_HALF));
    expect(bbc.filter((c) => !q(c.quote).includes(BBC_SECOND_HALF))).toEqual([]);
  });

  it('quotes Donald Trump Jr. only with the word "claimed", in a text that says he claimed it', () => {
    const jr = citations.filter((c) => q(c.quote).includes(q('military-industrial complex')));
    expect(jr.length).toBeGreaterThan(0);
    expect(jr.filter((c) => !q(c.quote).includes(TRUMP_JR))).toEqual([]);
    for (const [key, v] of allVariants)
      if ((v.citations ?? []).some((c) => q(c.quote).includes(TRUMP_JR)))
        expect(v.text, key).toMatch(/Trump Jr\., who claimed|Trump Jr\. claimed/);
  });

  it('labels as reported only the option the article reports as done', () => {
    const reported = raw.decisions.flatMap((d) =>
      d.options.filter((o) => o.evidence === 'reported' || variantsEvidence(o).includes('reported')).map((o) => o.id),
    );
    expect(reported).toEqual(['allow-limited']);
  });

  it('uses one word for both occupations', () => {
    const texts = [...allVariants.values()].map((v) => v.text.replace(/\s+/g, ' '));
    expect(
      texts.filter((t) => /\b(held|holds|controls|seized) (land|territory|over \d|the area)|\bheld by\b/i.test(t)),
    ).toEqual([]);
    expect(texts.some((t) => /Ukraine (is|has been) occupying/.test(t))).toBe(true);
    expect(texts.some((t) => /occupied Ukrainian territory/.test(t))).toBe(true);
  });
});

describe('the briefing says what the model assumes', () => {
  it('names its assumptions in plain words and invites criticism', () => {
    expect(raw.educatorNotes).toMatch(/What the model assumes/);
    expect(raw.educatorNotes).toMatch(/criticise/);
    const debrief = (raw.teacher?.debrief ?? []) as string[];
    expect(debrief.some((d) => /fair|assum/i.test(d))).toBe(true);
  });

  it('gives one role brief per actor and the teacher material the issue lists', () => {
    const teacher = raw.teacher as Record<string, unknown>;
    expect(teacher.ageBand).toBe('14+');
    const briefs = (teacher.roleBriefs as Array<{ actor: string }>).map((b) => b.actor).sort();
    expect(briefs).toEqual(raw.actors.map((a) => a.id).sort());
    const plans = (teacher.lessonPlans as Array<{ minutes: number; steps: Array<{ minutes: number }> }>).map((p) => ({
      minutes: p.minutes,
      sum: p.steps.reduce((n, s) => n + s.minutes, 0),
    }));
    expect(plans).toEqual([
      { minutes: 30, sum: 30 },
      { minutes: 45, sum: 45 },
    ]);
    for (const key of ['objectives', 'background', 'glossary', 'sensitivity', 'debrief', 'exitTicket', 'notes'])
      expect(teacher[key], key).toBeTruthy();
    const background = JSON.stringify(teacher.background);
    for (const topic of ['2022', 'ATACMS', 'NATO']) expect(background).toContain(topic);
    const sensitivity = (teacher.sensitivity as string[]).join(' ');
    for (const topic of [/family/, /Kremlin/, /part(y|ies)/]) expect(sensitivity).toMatch(topic);
  });
});

function variantsEvidence(option: { outcome: unknown }): string[] {
  return Array.isArray(option.outcome)
    ? (option.outcome as Array<{ evidence?: string }>).flatMap((v) => (v.evidence ? [v.evidence] : []))
    : [];
}
