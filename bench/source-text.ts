/**
 * A generated source document for the bench scenario, and exact quotes taken from it. The text
 * uses typographic quotes and dashes and the quotes use plain ones, as authors type them, so
 * citation matching does its real work of folding styles.
 */
import type { Random } from './random.ts';

const SUBJECTS = [
  'The ministry',
  'The council',
  'A spokesperson',
  'The committee',
  'Local officials',
  'The envoy',
  'Analysts',
  'The agency',
  'Negotiators',
  'The governor',
  'Observers',
  'The delegation',
];
const VERBS = [
  'said',
  'warned',
  'reported',
  'confirmed',
  'argued',
  'denied',
  'announced',
  'suggested',
  'noted',
  'insisted',
];
const CLAIMS = [
  'the talks would resume after the harvest',
  'supplies were running low in the northern districts',
  'the border crossing had reopened for civilian traffic',
  'a second convoy was expected within days',
  'the agreement did not cover the disputed valley',
  'funding for the repairs had been approved in principle',
  'the ceasefire held for a third consecutive night',
  'the vote had been postponed until further notice',
  'several villages still had no electricity',
  'the inspectors were refused access to the site',
  'a compromise on the river rights was within reach',
  'the new route would cut travel time by half',
];
const QUALIFIERS = [
  'on Monday',
  'late on Tuesday',
  'in a written statement',
  'according to two officials',
  'without giving details',
  'at a press conference',
  'in an interview',
  'after a closed meeting',
];
const ASIDES = [
  'a “serious setback”',
  'a “first step”',
  'the “only realistic option”',
  'a “matter of weeks”',
  'an “open question”',
];

export interface SourceText {
  text: string;
  /** The words of each sentence, as plain-typed quotes can be cut from them. */
  sentences: string[][];
}

export function generateSourceText(random: Random, sentenceCount: number): SourceText {
  const sentences: string[][] = [];
  const paragraphs: string[] = [];
  let paragraph: string[] = [];
  for (let i = 0; i < sentenceCount; i++) {
    const aside = random.chance(0.3) ? ` \u2014 calling it ${random.pick(ASIDES)} \u2014` : '';
    const sentence = `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(QUALIFIERS)}${aside} that ${random.pick(CLAIMS)} (item ${i + 1}).`;
    sentences.push(sentence.split(' '));
    paragraph.push(sentence);
    if (paragraph.length === 5) {
      paragraphs.push(wrap(paragraph.join(' ')));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(wrap(paragraph.join(' ')));
  return { text: `${paragraphs.join('\n\n')}\n`, sentences };
}

/** A few consecutive words of one sentence, typed with plain quotes and dashes. */
export function quoteFrom(source: SourceText, random: Random): string {
  const words = random.pick(source.sentences);
  const length = random.int(5, Math.min(12, words.length));
  const start = random.int(0, words.length - length);
  return words
    .slice(start, start + length)
    .join(' ')
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\u2014/g, '-');
}

/** Source lines wrapped like a saved article, so quotes must match across line breaks. */
function wrap(paragraph: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line.length + word.length + 1 > 96 && line !== '') {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
