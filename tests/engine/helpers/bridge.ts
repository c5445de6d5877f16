/**
 * A small hand-written scenario for unit tests, kept beside them so every expected value can be
 * read off the data: two decisions, two variables (one starting at its maximum, to show clamping),
 * conditional options, two sources with typographic quotes and odd white space.
 */
import type { GeneratedScenario } from '../arbitraries.ts';

export const NOTE =
  'The council met on Monday to discuss the bridge.\nSome members argued that repairs should   wait until spring.\nThe engineer’s report said the bridge was “safe for light traffic only”.\n';
export const MEMO = 'Budget memo: the repair fund holds\n   ten million — no more.\n';

export function bridgeScenario(): GeneratedScenario {
  return {
    sources: { 'sources/note.txt': NOTE, 'sources/memo.txt': MEMO },
    document: {
      format: 2,
      id: 'bridge',
      title: 'The bridge',
      summary: 'A council decides what to do about an old bridge.',
      language: 'en',
      authors: ['Test'],
      licence: 'CC0-1.0',
      start: 'council',
      sources: [
        { id: 'note', title: 'Council note', file: 'sources/note.txt' },
        { id: 'memo', title: 'Budget memo', file: 'sources/memo.txt' },
      ],
      actors: [
        { id: 'council', name: 'The town council', description: 'Seven elected members.' },
        { id: 'engineer', name: 'The engineer' },
      ],
      variables: [
        { id: 'cost', label: 'Cost', description: 'Money spent, in millions.', min: 0, max: 10, initial: 2 },
        { id: 'trust', label: 'Trust', min: 0, max: 3, initial: 3 },
      ],
      decisions: [
        {
          id: 'council',
          actor: 'council',
          title: 'Repair now or later?',
          situation: 'The bridge is old.',
          citations: [{ source: 'note', quote: 'The council met on Monday' }],
          options: [
            {
              id: 'repair',
              label: 'Repair now',
              outcome: 'Repairs begin.',
              evidence: 'hypothetical',
              effects: [
                { variable: 'cost', add: 5 },
                { variable: 'trust', add: 1 },
              ],
              citations: [{ source: 'note', quote: 'the bridge was "safe for light traffic only"' }],
              next: 'traffic',
            },
            {
              id: 'wait',
              label: 'Wait until spring',
              outcome: 'Repairs wait.',
              evidence: 'stated-position',
              effects: [{ variable: 'trust', add: -2 }],
              citations: [
                { source: 'note', quote: 'repairs should wait until spring', note: 'Some members, not all.' },
              ],
              next: 'traffic',
            },
          ],
        },
        {
          id: 'traffic',
          actor: 'engineer',
          title: 'Limit traffic?',
          situation: 'Heavy lorries still cross.',
          options: [
            {
              id: 'limit',
              label: 'Limit to light traffic',
              outcome: 'Only light traffic crosses.',
              evidence: 'reported',
              citations: [{ source: 'note', quote: 'safe for light traffic only' }],
              next: 'safe',
            },
            {
              id: 'spend',
              label: 'Spend what is left',
              outcome: 'The council spends the fund.',
              evidence: 'analysis',
              when: [{ variable: 'cost', atMost: 5 }],
              effects: [{ variable: 'cost', set: 9 }],
              citations: [{ source: 'memo', quote: 'the repair fund holds ten million - no more' }],
              next: 'costly',
            },
            {
              id: 'overspend',
              label: 'Spend even more',
              outcome: 'The council borrows.',
              evidence: 'hypothetical',
              when: [
                { variable: 'cost', atLeast: 6 },
                { variable: 'trust', atLeast: 2 },
              ],
              effects: [{ variable: 'cost', add: 8 }],
              citations: [{ source: 'memo', quote: 'no more', evidence: 'stated-position' }],
              next: 'costly',
            },
          ],
        },
      ],
      endings: [
        {
          id: 'safe',
          title: 'Light traffic',
          text: 'The bridge carries light traffic.',
          evidence: 'reported',
          citations: [{ source: 'note', quote: 'safe for light traffic only' }],
          questions: ['Was it right to wait?'],
        },
        {
          id: 'costly',
          title: 'Costly',
          text: 'The council spent a lot.',
          citations: [{ source: 'memo', quote: 'ten million' }],
          questions: ['What else could the money have done?', 'Who decided?'],
        },
      ],
    },
  };
}
