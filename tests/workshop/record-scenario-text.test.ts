/**
 * Scenario text is written by whoever made the scenario file, which teachers share: in the
 * Markdown record it must read as text, like participants' text. Raw, HTML runs in some viewers,
 * a `javascript:` link is one click away and a remote image reports who opened the record.
 */
import { describe, expect, it } from 'vitest';
import { recordFile } from '../../src/workshop/record.ts';
import { markdownUrl } from '../../src/workshop/record-markdown.ts';
import { TestRoom } from './helpers.ts';
import { starterRoomScenario } from './starter-scenario.ts';

const HOSTILE: Array<[string, string]> = [
  ['Break time in the park? (replace with your title)', '<script>alert(1)</script> Park'],
  ['title: Where do pupils play?', 'title: "<b onclick=alert(1)>Where</b> do pupils play?"'],
  ['their break.', 'their break. <img src="https://evil.example/track.png">'],
  ['label: Take pupils to the park', 'label: "[Park](javascript:alert(1))"'],
  ['Classes cross the road to the park at break time.', '"![t](https://evil.example/outcome.png) Classes go."'],
  [
    'text: The playground reopens. All spring, classes crossed the road to the park at break.',
    'text: "<iframe src=//evil.example></iframe>"',
  ],
  ['reason: classes cross the road to the park and back', 'reason: "<img src=https://evil.example/reason.png>"'],
  [
    'What did pupils gain, and what did they give up, while the playground was closed?',
    '"[Discuss](javascript:fetch(1)) ![q](http://evil.example/q.png)"',
  ],
  ['    file: sources/source.txt', '    file: sources/source.txt\n    url: "javascript:alert(document.domain)"'],
];

/** Markdown constructs that would become HTML, a link or an image, when not escaped with a backslash. */
const ACTIVE = [/(?<!\\)</, /(?<!\\)\]\(/, /(?<!\\)!\[/, /(?<!\\)\[[^\]]*(?<!\\)\]/];

describe('scenario text in the Markdown record', () => {
  it('escapes HTML, links and images from every scenario field', () => {
    const room = new TestRoom(starterRoomScenario(HOSTILE));
    room.join('a');
    room.voteAndReveal([['a', 'use-the-park']]).do({ type: 'advance' });
    expect(room.state.game.kind).toBe('ending');
    const markdown = recordFile(room.scenario, room.state, 'markdown').content;
    for (const pattern of ACTIVE) expect(markdown, `${pattern}`).not.toMatch(pattern);
    // Still there, as text.
    expect(markdown).toContain('\\<script\\>alert\\(1\\)\\</script\\> Park');
    expect(markdown).toContain('javascript:alert\\(document\\.domain\\)');
    expect(markdown).toContain('\\!\\[t\\]\\(https://evil\\.example/outcome\\.png\\) Classes go\\.');
  });

  it('keeps an ordinary web address of a source as a link', () => {
    expect(markdownUrl('https://www.bbc.com/news/articles/c0k7')).toBe('<https://www.bbc.com/news/articles/c0k7>');
    expect(markdownUrl('javascript:alert(1)')).toBe('javascript:alert\\(1\\)');
    expect(markdownUrl('https://x.example/"><img src=x>')).not.toMatch(/(?<!\\)</);
  });
});
