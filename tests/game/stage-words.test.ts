import { describe, expect, it } from 'vitest';
import { arcPoint } from '../../src/game/arc.ts';
import { describePicture, describeTarget, legendEntries, pictureKey } from '../../src/engine/stage-words.ts';
import { emptyPicture, type StageFrame } from '../../src/engine/stage.ts';
import type { Actor, MapLayers } from '../../src/scenario/schema.ts';

const map = {
  places: [
    { id: 'sumy', name: 'Sumy region', lat: 50.9, lon: 34.8 },
    { id: 'kursk', name: 'Kursk', lat: 51.7, lon: 36.2 },
  ],
  ranges: [{ id: 'r', label: 'ATACMS range (300 km)', center: 'kursk', km: 300 }],
} as unknown as MapLayers;
const actors = [{ id: 'ua', name: "Ukraine's leadership (President Zelensky)" }] as unknown as Actor[];

describe('describePicture', () => {
  it('says that nothing has happened at the start', () => {
    const words = describePicture({ picture: emptyPicture(), directions: [] }, map, actors);
    expect(words).toEqual(['Only the places the sources name; nothing has happened on the map yet.']);
  });

  it('names strikes, areas, ranges, stances and highlights with the map’s own names, the last choice first', () => {
    const frame: StageFrame = {
      picture: {
        strikes: [{ from: 'sumy', to: 'kursk', within: 'r', step: 1 }],
        areas: [{ place: 'kursk', km: 20, label: 'Held by Ukraine', kind: 'held', step: 0 }],
        ranges: ['r'],
        stances: [{ actor: 'ua', is: 'escalate', step: 1 }],
        highlights: ['kursk'],
      },
      directions: [{ strike: { from: 'sumy', to: 'kursk', within: 'r' } }],
    };
    const words = describePicture(frame, map, actors);
    expect(words[0]).toBe('Strike from Sumy region to Kursk, within ATACMS range (300 km).');
    expect(words).toContain("Ukraine's leadership escalates.");
    expect(words).toContain('Kursk marked as held: Held by Ukraine.');
    expect(words).toContain('Shown: ATACMS range (300 km).');
    expect(words).toContain('Highlighted: Kursk.');
    // The older area comes after what the last choice did.
    expect(words.indexOf('Kursk marked as held: Held by Ukraine.')).toBeGreaterThan(1);
  });

  it('falls back to ids for places the map does not name', () => {
    const frame: StageFrame = {
      picture: { ...emptyPicture(), highlights: ['nowhere'] },
      directions: [{ highlight: 'nowhere' }],
    };
    expect(describePicture(frame, map, actors)).toEqual(['Highlighted: nowhere.']);
  });
});

describe('pictureKey and the legend', () => {
  it('changes with anything drawn', () => {
    const a = emptyPicture();
    const b = { ...emptyPicture(), ranges: ['r'] };
    expect(pictureKey(a)).not.toBe(pictureKey(b));
    expect(pictureKey(a)).toBe(pictureKey(emptyPicture()));
  });

  it('explains every range by its own label', () => {
    expect(legendEntries(map).map((e) => e.meaning)).toContain('ATACMS range (300 km)');
  });
});

describe('arcPoint', () => {
  it('starts at the launch place, ends at the target and bows off the straight line', () => {
    const a: [number, number] = [0, 0];
    const b: [number, number] = [100, 0];
    expect(arcPoint(a, b, 0)).toEqual([0, 0]);
    expect(arcPoint(a, b, 1)).toEqual([100, 0]);
    const mid = arcPoint(a, b, 0.5);
    expect(mid[0]).toBeCloseTo(50);
    expect(Math.abs(mid[1])).toBeGreaterThan(5);
  });
});

describe('compactName', () => {
  it('drops parentheticals, a leading "The" and a trailing generic word', async () => {
    const { compactName } = await import('../../src/game/labels.ts');
    expect(compactName('Outgoing US administration (President Joe Biden)')).toBe('Outgoing US');
    expect(compactName("Ukraine's leadership (President Volodymyr Zelensky)")).toBe('Ukraine');
    expect(compactName("The Kremlin (Russia's leadership, President Putin)")).toBe('Kremlin');
    expect(compactName('Leadership')).toBe('Leadership');
  });
});

describe('describeTarget', () => {
  const withQuotes = {
    ...map,
    places: map.places.map((p) =>
      p.id === 'kursk'
        ? {
            ...p,
            citations: [{ source: 'a', quote: 'the Kursk border region', evidence: 'reported', note: 'At the city.' }],
          }
        : { ...p, citations: [] },
    ),
  } as unknown as MapLayers;
  const scenario = {
    map: withQuotes,
    actors: [{ ...actors[0]!, description: 'Decides where the missiles go.' }] as Actor[],
    sources: [{ id: 'a', title: 'The article' }],
  };
  const frame: StageFrame = {
    picture: {
      strikes: [{ from: 'sumy', to: 'kursk', step: 0 }],
      areas: [],
      ranges: ['r'],
      stances: [{ actor: 'ua', is: 'escalate', step: 0 }],
      highlights: [],
    },
    directions: [],
  };

  it('says what the map shows of a place now, and quotes its sources', () => {
    const words = describeTarget({ kind: 'place', id: 'kursk' }, scenario, frame)!;
    expect(words.title).toBe('Kursk');
    expect(words.lines).toEqual([
      'A strike from Sumy region reached it.',
      'The circle around it shows ATACMS range (300 km).',
    ]);
    expect(words.quotes).toEqual([
      { quote: 'the Kursk border region', source: 'The article', evidence: 'reported', note: 'At the city.' },
    ]);
    const sumy = describeTarget({ kind: 'place', id: 'sumy' }, scenario, { picture: emptyPicture(), directions: [] })!;
    expect(sumy.lines).toEqual(['Nothing has happened here on this path yet.']);
  });

  it('gives an actor its role and its stance on this path, and nothing for an unknown id', () => {
    const words = describeTarget({ kind: 'actor', id: 'ua' }, scenario, frame)!;
    expect(words.lines).toEqual([
      'Decides where the missiles go.',
      "On this path so far, Ukraine's leadership escalates.",
    ]);
    expect(describeTarget({ kind: 'place', id: 'nowhere' }, scenario, frame)).toBeUndefined();
  });
});
