/**
 * Writing a scenario into the single-file player and reading it back: nothing a scenario says can
 * break out of its <script> element, and a damaged file gets a sentence, not a crash.
 */
import { describe, expect, it } from 'vitest';
import { injectBundle, readEmbeddedBundle } from '../../src/authoring/standalone-bundle.ts';
import type { ScenarioBundle } from '../../src/scenario/validate.ts';
import { loadBundle, repoRoot } from '../engine/helpers/load.ts';
import { studentBundle } from '../../src/scenario/student-bundle.ts';

const flagship = loadBundle(`${repoRoot}scenarios/atacms-2024`);

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head><title>Branchpoint</title><script type="module">const id = "branchpoint-scenario";</script></head>
  <body><main id="content"></main><script type="application/json" id="branchpoint-scenario"></script></body>
</html>`;

const slotOf = (html: string) =>
  html.match(/<script type="application\/json" id="branchpoint-scenario">([\s\S]*?)<\/script>/)![1]!;

describe('injectBundle and readEmbeddedBundle', () => {
  it('round-trips a bundle, and sets the page’s title and language', () => {
    const html = injectBundle(TEMPLATE, flagship);
    // What a student's file holds: the flagship without its teacher-only notes.
    expect(readEmbeddedBundle(slotOf(html))).toEqual({ ok: true, value: studentBundle(flagship) });
    expect(html).not.toContain('For the teacher only');
    expect(html).toContain(`<title>${flagship.scenario.title} · Branchpoint</title>`);
    expect(html).toContain(`<html lang="${flagship.scenario.language}"`);
  });

  it('keeps text that looks like markup inside the JSON element', () => {
    const hostile: ScenarioBundle = {
      ...flagship,
      scenario: { ...flagship.scenario, title: 'A </script><script>alert(1)</script> & "quotes"', language: 'en' },
      sources: { ...flagship.sources, extra: '<!-- </script> $& $1 $` -->' },
    };
    const html = injectBundle(TEMPLATE, hostile);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain(
      '<title>A &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; · Branchpoint</title>',
    );
    expect(readEmbeddedBundle(slotOf(html))).toEqual({ ok: true, value: studentBundle(hostile) });
  });

  it('replaces the scenario of a file that already holds one', () => {
    const once = injectBundle(TEMPLATE, flagship);
    const other = { ...flagship, scenario: { ...flagship.scenario, id: 'other' } };
    const twice = injectBundle(once, other);
    expect(readEmbeddedBundle(slotOf(twice))).toEqual({ ok: true, value: studentBundle(other) });
  });

  it('refuses a page that is not a player template', () => {
    expect(() => injectBundle('<html><body>Hello</body></html>', flagship)).toThrow(
      /not a Branchpoint player template/,
    );
  });

  it('says why a damaged or empty file cannot be played', () => {
    expect(readEmbeddedBundle('')).toEqual({ ok: false, error: expect.stringMatching(/holds no scenario/) });
    expect(readEmbeddedBundle(null)).toEqual({ ok: false, error: expect.stringMatching(/holds no scenario/) });
    expect(readEmbeddedBundle('{"scenario": {')).toEqual({
      ok: false,
      error: expect.stringMatching(/damaged \(it is not valid JSON\)/),
    });
    expect(readEmbeddedBundle('{"scenario": {"id": "x"}, "sources": {}}')).toEqual({
      ok: false,
      error: expect.stringMatching(/incomplete or damaged/),
    });
    expect(readEmbeddedBundle('[1, 2]')).toEqual({ ok: false, error: expect.stringMatching(/incomplete or damaged/) });
  });
});
