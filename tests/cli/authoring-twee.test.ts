/**
 * Twee 3 import: the parser on each piece of the notation, and the round trip of a small story
 * written for this test (tests/fixtures/twee/harbour-ferry.twee) into a scenario skeleton whose
 * only errors are the citations still to write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { linkPieces, parseTwee, readLink } from '../../src/authoring/twee.ts';
import { decodeEntities, isTwineHtml, parseTwineHtml } from '../../src/authoring/twine-html.ts';
import {
  PLACEHOLDER_QUOTE,
  PLACEHOLDER_SOURCE_FILE,
  proseOf,
  slugify,
  tweeToScenario,
} from '../../src/authoring/twee-to-scenario.ts';

const fixture = readFileSync(join(import.meta.dirname, '../fixtures/twee/harbour-ferry.twee'), 'utf8');
const options = { fallbackTitle: 'untitled', schemaPath: '../scenario.schema.json' };

function imported(twee: string) {
  const { story, problems } = parseTwee(twee);
  const result = tweeToScenario(story, options);
  const readFile = (path: string) => (path === PLACEHOLDER_SOURCE_FILE ? result.sourceText : undefined);
  const checked = checkScenario('scenario.yaml', result.yaml, readFile);
  return { story, problems, result, checked, scenario: parse(result.yaml) as Scenario };
}

describe('reading Twee 3', () => {
  it('reads links the way Twine 2 does: arrows, back arrows, pipes, setters', () => {
    expect(readLink('Target')).toEqual({ text: 'Target', target: 'Target' });
    expect(readLink('Go north->North')).toEqual({ text: 'Go north', target: 'North' });
    expect(readLink('a->b->C')).toEqual({ text: 'a->b', target: 'C' }); // the rightmost arrow divides
    expect(readLink('North<-Go north')).toEqual({ text: 'Go north', target: 'North' });
    expect(readLink('A<-b<-c')).toEqual({ text: 'b<-c', target: 'A' }); // the leftmost back arrow divides
    expect(readLink('Go north|North')).toEqual({ text: 'Go north', target: 'North' });
    expect(readLink('Go north|North][$x to 1')).toEqual({ text: 'Go north', target: 'North' });
    expect(readLink('Read more->https://example.org/')).toBeUndefined();
    expect(readLink('text->')).toBeUndefined();
  });

  it('reads headers with tags, metadata and escaped metacharacters', () => {
    const { story, problems } = parseTwee(
      ':: A \\[draft\\] passage [tag-one  tag-two] {"position":"1,2"}\nHello\n\n\n:: Next\\\\One\nBye\n',
    );
    expect(problems).toEqual([]);
    expect(story.passages.map((p) => [p.name, p.tags, p.text, p.line])).toEqual([
      ['A [draft] passage', ['tag-one', 'tag-two'], 'Hello', 1],
      ['Next\\One', [], 'Bye', 5],
    ]);
  });

  it('takes the title and start from StoryTitle and StoryData, and leaves code passages out', () => {
    const { story, problems } = parseTwee(fixture);
    expect(problems).toEqual([]);
    expect(story.title).toBe('The Harbour Ferry');
    expect(story.start).toBe('The Council Meets');
    expect(story.format).toBe('Harlowe');
    expect(story.skipped).toEqual(['StoryTitle', 'StoryData', 'Story JavaScript', 'Story Stylesheet']);
    expect(story.passages.map((p) => p.name)).toEqual([
      'The Council Meets',
      'Repair',
      'Buy New',
      'Stop the service',
      'Hire a water taxi',
      'Islanders Wait',
      'Loan',
      'Regional Grant',
      'Café [closed]',
    ]);
    const council = story.passages[0]!;
    expect(council.links).toEqual([
      { text: 'repair the old boat', target: 'Repair', line: 25 },
      { text: 'buy a new one', target: 'Buy New', line: 25 },
      { text: 'Stop the service for now', target: 'Stop the service', line: 27 },
    ]);
  });

  it('reports what it cannot use with its line, and goes on', () => {
    const { story, problems } = parseTwee(
      'stray words\n:: StoryData\n{not json\n:: Twice\na\n:: Twice\nb\n:: Bad meta {oops\nc\n::\nd\n',
    );
    expect(problems).toEqual([
      { line: 1, message: expect.stringContaining('before the first passage header') },
      { line: 2, message: expect.stringContaining('StoryData is not valid JSON') },
      { line: 6, message: expect.stringContaining('a second passage named "Twice"') },
      { line: 8, message: expect.stringContaining('not valid JSON') },
      { line: 10, message: expect.stringContaining('no name') },
    ]);
    expect(story.passages.map((p) => [p.name, p.text])).toEqual([
      ['Twice', 'a'],
      ['Bad meta', 'c'],
    ]);
  });

  it('stays linear on text made to make a link finder backtrack', () => {
    const hostile = `:: A\n${'[['.repeat(200_000)}${'->'.repeat(100_000)}\n`;
    const started = performance.now();
    parseTwee(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('Twee to scenario', () => {
  it('makes ids of lowercase letters, digits and dashes, at most 64 characters', () => {
    expect(slugify('The Council Meets')).toBe('the-council-meets');
    expect(slugify('Café [closed]')).toBe('cafe-closed');
    expect(slugify('¿¡!')).toBe('');
    expect(slugify('word '.repeat(30)).length).toBeLessThanOrEqual(64);
    expect(slugify('word '.repeat(30))).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('keeps a passage’s words: lines of links go, links inside a sentence keep their text', () => {
    expect(proseOf('You stand here.\n[[Go north->North]]\n[[Go south]] | [[Wait]]\nYou could [[run->Run]] away.')).toBe(
      'You stand here.\nYou could run away.',
    );
  });

  it('round-trips the fixture: every passage and link is there, with its name and words', () => {
    const { story, result, scenario } = imported(fixture);
    expect(scenario.title).toBe('The Harbour Ferry');
    expect(scenario.id).toBe('the-harbour-ferry');
    expect(scenario.start).toBe(result.ids.get('The Council Meets'));
    const points = new Map([...scenario.decisions, ...scenario.endings].map((p) => [p.id, p]));
    expect(points.size).toBe(story.passages.length);
    for (const passage of story.passages) {
      const id = result.ids.get(passage.name)!;
      const point = points.get(id)!;
      expect(point.title).toBe(passage.name);
      if (passage.links.length === 0) {
        expect(scenario.endings.map((e) => e.id)).toContain(id);
        expect(scenario.endings.find((e) => e.id === id)!.text).toBe(proseOf(passage.text));
        continue;
      }
      const decision = scenario.decisions.find((d) => d.id === id)!;
      expect(decision.situation).toBe(proseOf(passage.text));
      expect(decision.options.map((o) => [o.label, o.next])).toEqual(
        passage.links.map((l) => [l.text, result.ids.get(l.target)]),
      );
    }
    expect(scenario.decisions.find((d) => d.title === 'Repair')!.situation).toBe(
      'The repairs will take a month. Meanwhile, islanders ask how they will reach the mainland.\n\n(set: $cost to it + 1)',
    );
  });

  it('writes a file that parses, starts with the schema line, and whose only errors are the citations to write', () => {
    const { result, checked, scenario } = imported(fixture);
    expect(result.yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../scenario.schema.json');
    expect(parseScenarioText(result.yaml, 'scenario.yaml').ok).toBe(true);
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    const citations = scenario.decisions.reduce((n, d) => n + d.options.length, 0) + scenario.endings.length;
    expect(errors).toHaveLength(citations);
    for (const error of errors) {
      expect(error.path).toMatch(/^(decisions\.\d+\.options\.\d+|endings\.\d+)\.citations\.0\.quote$/);
      expect(result.yaml.split('\n')[error.line - 1]).toContain(PLACEHOLDER_QUOTE);
    }
    expect(result.notes).toEqual([]);
  });

  it('plays once the placeholders are quotes of the source', () => {
    const { result } = imported(fixture);
    const filled = result.yaml.replaceAll(PLACEHOLDER_QUOTE, 'Paste the text of your source here');
    const checked = checkScenario('scenario.yaml', filled, (path) =>
      path === PLACEHOLDER_SOURCE_FILE ? result.sourceText : undefined,
    );
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.bundle?.scenario.decisions).toHaveLength(3);
  });

  it('points at a passage with one link or a missing target, in the file and in its notes', () => {
    const { result, checked } = imported(
      ':: Start\nGo on.\n[[On]]\n\n:: On\nChoose.\n[[Left]]\n[[Nowhere]]\n\n:: Left\nThe end.\n',
    );
    expect(result.notes).toEqual([
      expect.stringContaining('passage "Start" (line 1) has 1 link, and a decision point offers 2 to 4 options'),
      expect.stringContaining('passage "On" links to "Nowhere" (line 8), a passage that does not exist'),
    ]);
    expect(result.yaml).toContain('# This passage has 1 link');
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.path)).toContain('decisions.0.options');
  });
});

const twee = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/twee', name), 'utf8');

describe('link macros of the story formats', () => {
  it('reads Harlowe’s (link-goto:) and (link:)[(goto:)], whatever their case, dashes or quotes', () => {
    const { story, problems } = parseTwee(twee('harlowe-links.twee'));
    expect(problems).toEqual([]);
    expect(story.passages[0]!.links).toEqual([
      { text: 'Light the lamp early', target: 'Lamp', line: 11 },
      { text: 'Send the boats home', target: 'Boats', line: 12 },
      { text: 'Wait', target: 'Wait', line: 13 },
    ]);
    expect(linkPieces(`(link-goto: 'It\\'s late', "Wait") and (link-reveal: "Go")[(go-to: 'Lamp')]`)).toEqual([
      { start: 0, end: 33, link: { text: "It's late", target: 'Wait' }, shown: "It's late" },
      { start: 38, end: 74, link: { text: 'Go', target: 'Lamp' }, shown: 'Go' },
    ]);
  });

  it('reads SugarCube’s <<link>> and <<button>>: two strings, a [[link]] inside, or a <<goto>> inside', () => {
    const { story, problems } = parseTwee(twee('sugarcube-links.twee'));
    expect(problems).toEqual([]);
    expect(story.passages[0]!.links.map(({ text, target }) => [text, target])).toEqual([
      ['Light the lamp early', 'Lamp'],
      ['Send the boats home', 'Boats'],
      ['Wait', 'Wait'],
      ['Ring the bell', 'Bell'],
    ]);
  });

  it('leaves a link macro to a web address, and a (goto:) or <<goto>> on its own, out of the options', () => {
    expect(linkPieces('(link-goto: "Read", "https://example.org/")')[0]!.link).toBeUndefined();
    expect(linkPieces('(goto: "Lamp") <<goto "Lamp">>')).toEqual([]);
  });

  it('turns the macros into options, leaves their lines out of the text, and keeps other code for the checker to flag', () => {
    for (const file of ['harlowe-links.twee', 'sugarcube-links.twee']) {
      const { result, checked, scenario } = imported(twee(file));
      expect(result.notes).toEqual([]);
      const storm = scenario.decisions[0]!;
      expect(storm.options.map((o) => o.next)).toEqual(
        file.startsWith('harlowe') ? ['lamp', 'boats', 'wait'] : ['lamp', 'boats', 'wait', 'bell'],
      );
      expect(storm.situation).toMatch(
        /^A storm is coming, and the keeper must choose before dark\.(\n\(set: \$storm to true\))?$/,
      );
      const errors = checked.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.every((d) => d.message.startsWith('this citation is still to write'))).toBe(true);
      expect(errors).toHaveLength(storm.options.length + scenario.endings.length);
    }
    const harlowe = imported(twee('harlowe-links.twee')).checked.diagnostics;
    expect(harlowe.filter((d) => d.message.startsWith('Twine code')).map((d) => d.place)).toEqual([
      'decision point “storm”, its “situation”',
    ]);
  });
});

describe('a story published by Twine 2 as HTML', () => {
  it('reads the title, the start passage, the passages with their lines, and unescapes their text', () => {
    const html = twee('lighthouse.html');
    expect(isTwineHtml(html)).toBe(true);
    expect(isTwineHtml(twee('harlowe-links.twee'))).toBe(false);
    const { story, problems } = parseTwineHtml(html);
    expect(problems).toEqual([]);
    expect(story.title).toBe('The Lighthouse & the Storm');
    expect(story.start).toBe('Storm');
    expect(story.format).toBe('Harlowe');
    expect(story.passages.map((p) => [p.name, p.line])).toEqual([
      ['Lamp', 6],
      ['Storm', 7],
      ['Boats', 10],
    ]);
    expect(story.passages[0]!.text).toBe('The lamp burns "all night".');
    expect(story.passages[1]!.links).toEqual([
      { text: 'Light the lamp early', target: 'Lamp', line: 8 },
      { text: 'Send the boats home', target: 'Boats', line: 9 },
    ]);
    expect(story.passages[2]!.text).toBe('The boats reach the harbour <before> the wind.');
  });

  it('imports into a scenario whose only errors are the citations to write', () => {
    const { story } = parseTwineHtml(twee('lighthouse.html'));
    const result = tweeToScenario(story, options);
    const checked = checkScenario('scenario.yaml', result.yaml, (path) =>
      path === PLACEHOLDER_SOURCE_FILE ? result.sourceText : undefined,
    );
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.place)).toEqual([
      'decision point “storm”, option “light-the-lamp-early”, citation 1, its “quote”',
      'decision point “storm”, option “send-the-boats-home”, citation 1, its “quote”',
      'ending “lamp”, citation 1, its “quote”',
      'ending “boats”, citation 1, its “quote”',
    ]);
  });

  it('says what it cannot read, with its line, and never throws', () => {
    expect(parseTwineHtml('<html><body>no story</body></html>').problems).toEqual([
      { line: 1, message: expect.stringContaining('no <tw-storydata> element') },
    ]);
    const open = parseTwineHtml('<tw-storydata startnode="9">\n<tw-passagedata pid="1" name="A">text');
    expect(open.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(decodeEntities('&#x1F600; &#55296; &bogus; &#39;')).toBe("😀 &#55296; &bogus; '");
    const hostile = `<tw-storydata>${'<tw-passagedata name="x">'.repeat(50_000)}`;
    const started = performance.now();
    parseTwineHtml(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
