/**
 * The printable teacher's guide or student handout of a scenario (#/s/<id>/guide, /handout). The
 * document comes from the pure renderer (every text escaped) and sits in a frame of its own, so
 * printing prints the guide alone and nothing here sets innerHTML.
 */
import { guideDocument, type GuideAudience } from '../../authoring/guide.ts';
import type { ScenarioBundle } from '../../scenario/validate.ts';
import { h } from '../dom.ts';

export interface GuideLinks {
  /** The address of the other document (the handout from the guide, and back). */
  other: string;
  briefing: string;
}

export function guideScreen(bundle: ScenarioBundle, audience: GuideAudience, links: GuideLinks): HTMLElement {
  const name = audience === 'teacher' ? "Teacher's guide" : 'Student handout';
  const frame = h('iframe', {
    class: 'guide-frame',
    title: `${name}: ${bundle.scenario.title}`,
    // No scripts run inside; same origin only so that the page can size and print the frame.
    sandbox: 'allow-same-origin allow-modals',
  });
  frame.srcdoc = guideDocument(bundle, audience);
  frame.addEventListener('load', () => {
    const height = frame.contentDocument?.documentElement.scrollHeight;
    if (height) frame.style.height = `${height + 24}px`;
  });
  const print = h('button', { type: 'button', class: 'primary-button', id: 'print-button' }, 'Print');
  print.addEventListener('click', () => frame.contentWindow?.print());
  return h(
    'article',
    { class: 'screen guide-screen', 'aria-labelledby': 'screen-title' },
    h('p', { class: 'eyebrow' }, name),
    h('h2', { id: 'screen-title' }, bundle.scenario.title),
    h(
      'div',
      { class: 'actions' },
      print,
      h('a', { href: links.other }, audience === 'teacher' ? 'Student handout' : "Teacher's guide"),
      h('a', { href: links.briefing }, 'Back to the briefing'),
    ),
    h('p', { class: 'guide-hint' }, 'Print prints the document below alone, on A4 or Letter paper.'),
    frame,
  );
}
