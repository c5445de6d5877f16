// @vitest-environment happy-dom
/**
 * The single-player screens as pure functions from a view to DOM, in happy-dom: what each shows,
 * that its buttons call the right action, and that axe finds nothing wrong in it. The views come
 * from the real engine on a tiny scenario (./fakes.ts); Chromium end-to-end tests cover layout.
 */
import { stringify } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { branchLayout } from '../../../src/engine/branch-map-layout.ts';
import { checkScenario } from '../../../src/engine/check.ts';
import { branchMapScreen } from '../../../src/ui/screens/branch-map.ts';
import { briefingScreen } from '../../../src/ui/screens/briefing.ts';
import { compareScreen } from '../../../src/ui/screens/compare.ts';
import { debriefScreen } from '../../../src/ui/screens/debrief.ts';
import { decisionScreen } from '../../../src/ui/screens/decision.ts';
import { outcomeScreen } from '../../../src/ui/screens/outcome.ts';
import { titleScreen } from '../../../src/ui/screens/title.ts';
import { SourcePanel } from '../../../src/ui/source-panel.ts';
import { axeViolations, axeViolationsIn, mount, textOf } from './axe.ts';
import { decisionAfter, endingAfter, tinyBundle, tinyCatalog, tinyIndex, tinyScenario } from './fakes.ts';

const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map(textOf);
const button = (root: Element, name: string) => {
  const found = [...root.querySelectorAll('button')].find((b) => textOf(b) === name);
  if (!found) throw new Error(`no button "${name}" among: ${texts(root, 'button').join(' | ')}`);
  return found;
};
const pathActions = () => ({ rewindTo: vi.fn(), tryInstead: vi.fn() });

describe('the fake scenario', () => {
  it('is one the checker accepts, citations and all', () => {
    const checked = checkScenario('scenario.yaml', stringify(tinyScenario), (path) =>
      path === 'sources/memo.txt' ? tinyBundle.sources.memo : undefined,
    );
    expect(checked.diagnostics).toEqual([]);
  });
});

describe('title screen', () => {
  it('lists each scenario with its counts and sources, and starts or continues it', async () => {
    const actions = { open: vi.fn(), resume: vi.fn(), hasSave: () => true, workshopHref: 'workshop.html' };
    const screen = titleScreen(tinyCatalog, actions);
    expect(texts(screen, '.scenario-card h3')).toEqual(['The school bus']);
    // Scenario text is text, never markup.
    expect(texts(screen, '.scenario-card p')[0]).toBe('A school board decides on a bus route <and> its drivers.');
    expect(screen.querySelector('and')).toBeNull();
    expect(textOf(screen.querySelector('.fine-print')!)).toBe(
      '2 decision points · 2 endings · Source: Transport memo (2026-01)',
    );
    button(screen, 'Continue The school bus').click();
    expect(actions.resume).toHaveBeenCalledWith('school-bus');
    button(screen, 'Start again The school bus').click();
    expect(actions.open).toHaveBeenCalledWith('school-bus');
    expect(screen.querySelector('a[href="workshop.html"]')).not.toBeNull();
    expect(await axeViolations(screen)).toEqual([]);
  });

  it('says so when there is no scenario, and offers Start without a save', async () => {
    const empty = titleScreen([], { open: vi.fn(), resume: vi.fn(), hasSave: () => false });
    expect(textOf(empty)).toContain('No scenarios were found');
    const fresh = titleScreen(tinyCatalog, { open: vi.fn(), resume: vi.fn(), hasSave: () => false });
    expect(texts(fresh, 'button')).toEqual(['Start The school bus']);
    expect(await axeViolations(fresh)).toEqual([]);
  });
});

describe('briefing screen', () => {
  it('shows the actors, the starting meters and the sources, and begins', async () => {
    const actions = { begin: vi.fn(), readSource: vi.fn(), showSource: vi.fn() };
    const screen = briefingScreen(tinyIndex, actions);
    expect(textOf(screen.querySelector('h2')!)).toBe('The school bus');
    expect(texts(screen, '.actor-list li')).toEqual(['The school board — Runs the buses.']);
    expect(screen.querySelector('meter')!.getAttribute('aria-label')).toBe('Cost: 1 of 5');
    expect(texts(screen, '.source-list li strong')).toEqual(['Transport memo']);
    expect(textOf(screen.querySelector('.source-list li')!)).toContain('(The school board, 2026-01)');
    const read = button(screen, 'Read the source');
    read.click();
    expect(actions.readSource).toHaveBeenCalledWith('memo', read);
    button(screen, 'Begin').click();
    expect(actions.begin).toHaveBeenCalledOnce();
    expect(textOf(screen.querySelector('.educator-notes')!)).toContain('Invented for the screen tests.');
    expect(await axeViolations(screen)).toEqual([]);
  });
});

describe('decision screen', () => {
  it('offers the options the world allows, numbered, each with its evidence and sources', async () => {
    const actions = { choose: vi.fn(), showSource: vi.fn(), ...pathActions() };
    const screen = decisionScreen(decisionAfter('shorten'), actions);
    expect(textOf(screen.querySelector('h2')!)).toBe('The drivers');
    expect(textOf(screen.querySelector('.eyebrow')!)).toBe('Decision 2 · The school board decides');
    // Shortening raised the cost to 3, so hiring (cost at most 1) is not offered.
    expect(texts(screen, '.option-button .option-label')).toEqual(['Talk to the drivers', 'Wait and see']);
    expect(texts(screen, '.option-number')).toEqual(['1', '2']);
    for (const option of screen.querySelectorAll('.option-button')) {
      const basis = screen.querySelector(`#${option.getAttribute('aria-describedby')}`);
      expect(basis?.textContent).toMatch(/Source: “.+”/);
    }
    expect(textOf(screen.querySelector('.key-hint')!)).toBe('Press 1–2 or choose below.');
    (screen.querySelector('[data-option="wait"]') as HTMLButtonElement).click();
    expect(actions.choose).toHaveBeenCalledWith('wait');
    button(screen, 'Go back to “Shorten the route?”').click();
    expect(actions.rewindTo).toHaveBeenCalledWith(0);
    expect(await axeViolations(screen)).toEqual([]);
  });

  it('offers the conditional option when its condition holds, and links the situation to its source', async () => {
    const actions = { choose: vi.fn(), showSource: vi.fn(), ...pathActions() };
    const first = decisionScreen(decisionAfter(), actions);
    expect(textOf(first.querySelector('.situation-sources summary')!)).toBe('Check the situation in the source (1)');
    const show = first.querySelector<HTMLButtonElement>('.situation-sources .citation button')!;
    show.click();
    expect(actions.showSource).toHaveBeenCalledWith(
      expect.objectContaining({ sourceId: 'memo', quote: 'shorten the bus route through the hills' }),
      show,
    );
    const second = decisionScreen(decisionAfter('keep'), actions);
    expect(texts(second, '.option-label')).toEqual(['Hire new drivers', 'Talk to the drivers', 'Wait and see']);
    expect(await axeViolations(first)).toEqual([]);
  });
});

describe('outcome screen', () => {
  it('says what the choice led to, what changed, and on what source it rests', async () => {
    const view = decisionAfter('shorten');
    const actions = { next: vi.fn(), showSource: vi.fn() };
    const screen = outcomeScreen(view.path[0]!, view.meters, 'Continue', actions);
    expect(textOf(screen.querySelector('h2')!)).toBe('Shorten the route');
    expect(textOf(screen.querySelector('.eyebrow')!)).toBe('The school board chose');
    expect(textOf(screen.querySelector('.outcome-text')!)).toBe('The bus takes the valley road.');
    // The meters are the one place changes show, each with its reason.
    expect(screen.querySelectorAll('.meters')).toHaveLength(1);
    expect(texts(screen, '.meter-reason')).toEqual(['+2: the valley road needs more fuel']);
    expect(texts(screen, '.citation blockquote')).toEqual(['A shorter route saves twenty minutes each morning.']);
    expect(textOf(screen.querySelector('.meter-value')!)).toBe('3/5 (+2)');
    button(screen, 'Continue').click();
    expect(actions.next).toHaveBeenCalledOnce();
    expect(await axeViolations(screen)).toEqual([]);
  });
});

describe('debrief screen', () => {
  it('shows the ending, its questions, the path with the options not taken, and the ways on', async () => {
    const actions = {
      ...pathActions(),
      showSource: vi.fn(),
      download: vi.fn(),
      print: vi.fn(),
      openMap: vi.fn(),
      openCompare: vi.fn(),
      playAgain: vi.fn(),
    };
    const view = endingAfter('keep', 'talk');
    const screen = debriefScreen(view, { endings: 1, total: 2, playthroughs: 1 }, actions);
    expect(textOf(screen.querySelector('h2')!)).toBe('Strike');
    expect(textOf(screen.querySelector('.discovered')!)).toBe('1 of 2 endings discovered');
    expect(texts(screen, '.questions li')).toEqual(['Could the board have avoided the strike?', 'Who was hurt most?']);
    expect(texts(screen, '.path-choice')).toEqual([
      'Chose: Keep the route Hypothetical',
      'Chose: Talk to the drivers Stated position',
    ]);
    button(screen, 'Try instead: Hire new drivers').click();
    expect(actions.tryInstead).toHaveBeenCalledWith(1, 'hire');
    // Comparing needs two finished playthroughs.
    expect(texts(screen, '.actions button')).not.toContain('Compare paths');
    const twice = debriefScreen(view, { endings: 2, total: 2, playthroughs: 2 }, actions);
    button(twice, 'Compare paths').click();
    expect(actions.openCompare).toHaveBeenCalledOnce();
    expect(await axeViolations(screen)).toEqual([]);
  });
});

describe('compare screen', () => {
  it('sets two playthroughs side by side, and switches the columns with the pickers', async () => {
    const playthroughs = [
      { ending: 'calm', options: ['keep', 'hire'], finishedAt: '2026-03-01T10:00:00Z' },
      { ending: 'strike', options: ['shorten', 'wait'], finishedAt: '2026-03-01T10:05:00Z' },
      { ending: 'strike', options: ['keep', 'talk'], finishedAt: '2026-03-01T10:09:00Z' },
    ];
    const back = vi.fn();
    const screen = compareScreen(tinyIndex, playthroughs, back);
    const left = screen.querySelector<HTMLSelectElement>('#compare-left')!;
    const right = screen.querySelector<HTMLSelectElement>('#compare-right')!;
    // The last two playthroughs are picked at first. (happy-dom 21 reads a select's value wrongly
    // when an option other than the first is marked selected, so this checks the markup; after
    // a pick below, the columns follow the pickers.)
    // Each path is named by its ending and its choices.
    expect(texts(left, 'option')).toEqual([
      '1. Buses run: Keep the route → Hire new drivers',
      '2. Strike: Shorten the route → Wait and see',
      '3. Strike: Keep the route → Talk to the drivers',
    ]);
    expect([left, right].map((select) => [...select.options].findIndex((o) => o.hasAttribute('selected')))).toEqual([
      1, 2,
    ]);
    const pick = (select: HTMLSelectElement, value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    pick(left, '0');
    pick(right, '2');
    expect(texts(screen, '.compare-column h3')).toEqual(['Buses run', 'Strike']);
    // The first choice is shared; the paths split at the second, marked in both columns.
    expect(texts(screen, '.compare-column li')).toEqual([
      'Shorten the route?Keep the route Hypothetical (the same on both paths)',
      'The paths split hereThe driversHire new drivers Hypothetical',
      'Shorten the route?Keep the route Hypothetical (the same on both paths)',
      'The paths split hereThe driversTalk to the drivers Stated position',
    ]);
    // Both paths' final meters side by side (neither changes the cost from its start of 1).
    expect(texts(screen, '.compare-meter-table tbody tr')).toEqual(['Cost1/51/5']);
    pick(left, '1');
    expect(texts(screen, '.compare-column li')[0]).toBe(
      'The paths split hereShorten the route?Shorten the route Reported',
    );
    expect(texts(screen, '.compare-meter-table tbody tr')).toEqual(['Cost3/51/5']);
    expect(screen.querySelector('.compare-meter-table .compare-differs')).not.toBeNull();
    button(screen, 'Back').click();
    expect(back).toHaveBeenCalledOnce();
    expect(await axeViolations(screen)).toEqual([]);
  });
});

describe('branch map screen', () => {
  it('marks the current and explored points, in the drawing and in the list, with ways to jump', async () => {
    const actions = { goTo: vi.fn(), back: vi.fn() };
    const screen = branchMapScreen(
      {
        layout: branchLayout(tinyScenario),
        current: 'drivers',
        explored: new Set(['route', 'drivers', 'strike']),
        reachable: new Map([['route', []]]),
      },
      actions,
    );
    expect(textOf(screen.querySelector('p')!)).toMatch(/^1 of 2 endings discovered/);
    expect(texts(screen, '.branch-item > span')).toEqual([
      'Decision: Shorten the route? — explored',
      'Decision: The drivers — current',
      'Ending: Buses run — unexplored',
      'Ending: Strike — explored',
    ]);
    expect(screen.querySelectorAll('svg .node')).toHaveLength(4);
    expect(screen.querySelector('svg .node.current text')!.textContent).toBe('The drivers');
    button(screen, 'Go to “Shorten the route?”').click();
    expect(actions.goTo).toHaveBeenCalledWith([]);
    // An unreached point says why it is locked, on request (a click, tap or key press).
    const locked = button(screen, 'Why is “Buses run” locked?');
    const why = screen.querySelector<HTMLElement>(`#${locked.getAttribute('aria-controls')}`)!;
    expect(why.hidden).toBe(true);
    locked.click();
    expect(locked.getAttribute('aria-expanded')).toBe('true');
    expect(why.hidden).toBe(false);
    expect(textOf(why)).toMatch(/^None of the choices you have made so far leads here/);
    // A box in the drawing does what its line does: the explored, unreached ending says why it is locked.
    screen.querySelectorAll('svg .node')[3]!.dispatchEvent(new Event('click'));
    expect(button(screen, 'Why is “Strike” locked?').getAttribute('aria-expanded')).toBe('true');
    // The current point offers nothing: the student is there.
    expect(screen.querySelector('.branch-item.current button')).toBeNull();
    expect(await axeViolations(screen)).toEqual([]);
  });
});

describe('source panel', () => {
  it('shows the whole source with the cited words marked, and gives focus back on close', async () => {
    const dialog = document.createElement('dialog');
    dialog.setAttribute('aria-labelledby', 'source-panel-title');
    const opener = document.createElement('button');
    opener.textContent = 'Show in source';
    const main = mount(opener);
    main.after(dialog);
    const panel = new SourcePanel(dialog);
    const citation = decisionAfter().options[0]!.citations[0]!;
    panel.open(tinyIndex, 'memo', opener, citation);
    expect(panel.isOpen).toBe(true);
    expect(textOf(dialog.querySelector('h2')!)).toBe('Transport memo');
    expect(textOf(dialog.querySelector('.source-meta')!)).toBe('The school board · 2026-01');
    expect(dialog.querySelector('mark')!.textContent).toBe('A shorter route saves twenty minutes each morning.');
    expect(dialog.querySelector('.source-text')!.textContent).toBe(tinyBundle.sources.memo);
    expect(document.activeElement).toBe(dialog.querySelector('mark'));
    expect(await axeViolationsIn(document.body)).toEqual([]);
    panel.close();
    expect(panel.isOpen).toBe(false);
    expect(document.activeElement).toBe(opener);
  });
});
