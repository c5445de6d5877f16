/** Word counts and the Flesch-Kincaid grade of a text, through the maintained `flesch-kincaid` and `syllable` packages. */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

export const wordCount = (text: string): number => words(text).length;

/** The U.S. school grade the text reads at; counted only for texts over a limit, since counting syllables is slow. */
export function readingGrade(text: string): number {
  const list = words(text);
  const sentences = Math.max(1, (text.match(/[.!?]+(?=\s|$)/g) ?? []).length);
  const syllables = list.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  return fleschKincaid({ sentence: sentences, word: list.length, syllable: syllables });
}
