/**
 * The SCORM packages in a learning platform: `export --scorm 1.2|2004` is unzipped and framed by a
 * host page where scorm-again plays the platform's part, as Moodle would. The scenario is played to
 * an ending by keyboard, choosing the first option each time; the platform must then hold the
 * completed status, one interaction per choice, the place in suspend_data, and a session time, and
 * a second launch with the data it kept must put the learner back where they were. The same
 * package launched by a cmi5 platform sends its xAPI statements to the store.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import { replay } from '../../src/engine/game-actor.ts';
import { ScenarioIndex, viewOf, type GameView } from '../../src/engine/view.ts';
import { decodeSuspendData } from '../../src/lms/suspend-data.ts';
import { validateStatement } from '../../src/lms/xapi/validate.ts';
import { readBeside, readBytes } from '../../src/node/scenario-files.ts';
import { cli, type Run } from '../cli/helpers/run-cli.ts';
import { launchBrowser, openPage } from './browser.ts';
import { SESSION_ID, startLmsHost, TOKEN, type LmsHost } from './lms-host.ts';
import { repoRoot } from './server.ts';

// A small scenario of the test suite's own, so the test does not follow the flagship as it is rewritten.
const SCENARIO = 'tests/fixtures/valid/two-decisions';
const scenarioFile = join(repoRoot, SCENARIO, 'scenario.yaml');
const checked = checkScenario(scenarioFile, readBytes(scenarioFile), readBeside(scenarioFile));
const bundle = checked.bundle!;
const index = new ScenarioIndex(bundle);
const machine = compileScenario(bundle.scenario);

function viewAfter(options: string[]): GameView {
  const result = replay(machine, options);
  if (!result.ok) throw new Error(`the engine refuses ${options.join('.')}`);
  const view = viewOf(index, result.value.getSnapshot());
  result.value.stop();
  return view;
}

/** The path that takes the first option at every decision, with the view before each choice. */
const firstOptionPath: Array<{ view: Extract<GameView, { kind: 'decision' }>; option: string }> = [];
for (let view = viewAfter([]); view.kind === 'decision';) {
  const option = view.options[0]!.id;
  firstOptionPath.push({ view, option });
  view = viewAfter(firstOptionPath.map((step) => step.option));
}
const chosen = firstOptionPath.map((step) => step.option);
const ending = viewAfter(chosen);
if (ending.kind !== 'ending') throw new Error('the first-option path does not end');

const VERSIONS = ['1.2', '2004'] as const;
const work = mkdtempSync(join(tmpdir(), 'branchpoint-scorm-'));
const runs: Partial<Record<(typeof VERSIONS)[number], Run>> = {};
let cmi5Run: Run;
const manifests: Record<string, string> = {};
let host: LmsHost;
let browser: Browser;

beforeAll(async () => {
  const [exports, launched] = await Promise.all([
    // One after the other: the first builds the player template, the second finds it cached.
    (async () => {
      for (const version of VERSIONS)
        runs[version] = await cli('export', SCENARIO, '--scorm', version, '-o', join(work, `scorm-${version}.zip`));
      cmi5Run = await cli('export', SCENARIO, '--cmi5', '-o', join(work, 'scorm-cmi5.zip'));
    })(),
    launchBrowser(),
  ]);
  void exports;
  browser = launched;
  const folders: Record<string, string> = {};
  for (const version of [...VERSIONS, 'cmi5']) {
    const folder = join(work, `unzipped-${version}`);
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(work, `scorm-${version}.zip`))))) {
      mkdirSync(dirname(join(folder, name)), { recursive: true });
      writeFileSync(join(folder, name), bytes);
    }
    manifests[version] = strFromU8(readFileSync(join(folder, version === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml')));
    folders[version] = folder;
  }
  host = await startLmsHost(folders);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The part of scorm-again's API object the test reads. */
interface Api {
  cmi: unknown;
  isTerminated(): boolean;
}

/** What the platform holds: scorm-again's data model as JSON (write-only elements included). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cmi = any;
const heldData = (page: Page): Promise<Cmi> =>
  page.evaluate(() => {
    const w = window as unknown as { API?: { cmi: unknown }; API_1484_11?: { cmi: unknown } };
    return JSON.parse(JSON.stringify((w.API ?? w.API_1484_11)!.cmi));
  });

async function waitForFrameHeading(page: Page, title: string): Promise<void> {
  await page
    .frameLocator('#course')
    .getByRole('main')
    .getByRole('heading', { level: 2, name: title, exact: true })
    .waitFor({ timeout: 60_000 });
}

/** Presses Tab (in the host page, as a keyboard user would) until the course frame focuses what `isTarget` picks. */
async function tabInFrame(page: Page, frame: Frame, isTarget: string, arg: unknown = null): Promise<void> {
  const test = `document.hasFocus() && Boolean((${isTarget})(document.activeElement, ${JSON.stringify(arg)}))`;
  for (let pressed = 0; pressed < 80; pressed++) {
    if (await frame.evaluate<boolean>(test)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`80 presses of Tab never reached ${isTarget} ${JSON.stringify(arg)} in the course frame`);
}

const courseFrame = (page: Page) => page.frames().find((f) => f.url().includes('/index.html'))!;

/** Opens the host page for a version, optionally with the CMI data an earlier session left. */
async function launch(version: string, savedCmi?: Cmi) {
  const opened = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  if (savedCmi)
    await opened.context.addInitScript((cmi) => {
      if (window === window.top) (window as unknown as { __savedCmi: unknown }).__savedCmi = cmi;
    }, savedCmi);
  await opened.page.goto(`${host.url}/host?v=${version}`);
  return opened;
}

describe.each(VERSIONS)('the SCORM %s package', (version) => {
  const v12 = version === '1.2';
  let midGame: Cmi;
  let finished: Cmi;

  it('is a zip with a well-formed manifest for its version at the root', async () => {
    const run = runs[version]!;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^Wrote .+scorm-${version}\\.zip \\(\\d\\.\\d\\d MB\\).+SCORM ${version} package`),
    );
    const manifest = manifests[version]!;
    expect(manifest).toContain(
      v12 ? '<schemaversion>1.2</schemaversion>' : '<schemaversion>2004 4th Edition</schemaversion>',
    );
    // Chromium's XML parser is strict: any well-formedness error gives a parsererror document.
    const { page, context } = await openPage(browser);
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return { errors: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.namespaceURI };
    }, manifest);
    expect(parsed).toEqual({
      errors: 0,
      root: v12 ? 'http://www.imsproject.org/xsd/imscp_rootv1p1p2' : 'http://www.imsglobal.org/xsd/imscp_v1p1',
    });
    await context.close();
  });

  it(
    'reports incomplete, each choice, the place and completion to the platform, played by keyboard',
    { timeout: 180_000 },
    async () => {
      const { context, page, errors } = await launch(version);
      await waitForFrameHeading(page, bundle.scenario.title);
      const frame = courseFrame(page);
      const status = (cmi: Cmi) => (v12 ? cmi.core.lesson_status : cmi.completion_status);
      expect(status(await heldData(page))).toBe('incomplete');

      await tabInFrame(page, frame, '(el) => el?.tagName === "BUTTON" && el.textContent.trim() === "Begin"');
      await page.keyboard.press('Enter');
      for (const [step, { view, option }] of firstOptionPath.entries()) {
        await waitForFrameHeading(page, view.title);
        if (step === 1) midGame = await heldData(page);
        await page.keyboard.press('1');
        await waitForFrameHeading(page, view.options.find((o) => o.id === option)!.label);
        await tabInFrame(page, frame, '(el) => el?.id === "continue-button"');
        await page.keyboard.press('Enter');
      }
      await waitForFrameHeading(page, ending.title);
      // The ending's commit is queued behind the redraw; give it the moment it needs.
      await page.waitForFunction((v12) => {
        const w = window as unknown as { API?: { cmi: unknown }; API_1484_11?: { cmi: unknown } };
        const cmi = JSON.parse(JSON.stringify((w.API ?? w.API_1484_11)!.cmi));
        return (v12 ? cmi.core.lesson_status : cmi.completion_status) === 'completed';
      }, v12);
      finished = await heldData(page);

      expect(status(finished)).toBe('completed');
      expect(v12 ? finished.core.exit : finished.exit).toBe('suspend');
      expect(decodeSuspendData(finished.suspend_data)).toEqual(chosen);
      expect(v12 ? finished.core.lesson_location : finished.location).toBe(ending.endingId);
      const sessionTime = v12 ? finished.core.session_time : finished.session_time;
      expect(sessionTime).toMatch(v12 ? /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/ : /^PT(\d+H)?(\d+M)?\d+(\.\d+)?S$/);
      // Time passed, however quickly a keyboard plays: a fast machine gets through in under a second.
      expect(sessionTime).not.toMatch(v12 ? /^0+:00:00(\.0+)?$/ : /^PT0(\.0+)?S$/);
      if (!v12) expect(finished.success_status).toBe('unknown');

      const interactions = Object.values(finished.interactions) as Cmi[];
      expect(interactions.map((i) => i.id)).toEqual(firstOptionPath.map((step) => step.view.decisionId));
      expect(interactions.map((i) => (v12 ? i.student_response : i.learner_response))).toEqual(chosen);
      for (const [n, interaction] of interactions.entries()) {
        const offered = firstOptionPath[n]!.view.options[0]!;
        expect(interaction.type).toBe(v12 ? 'performance' : 'choice');
        expect(interaction.result).toBe('neutral');
        expect(interaction.objectives['0'].id).toBe(`evidence-${offered.evidence}`);
        if (!v12) expect(interaction.description).toContain(`${offered.label} (evidence: ${offered.evidence})`);
      }
      expect(decodeSuspendData(midGame.suspend_data)).toEqual(chosen.slice(0, 1));

      // The same choices went to the host page as xAPI statements, each one valid.
      const statements = (await page.evaluate(
        () => (window as unknown as { __statements: unknown[] }).__statements,
      )) as Array<{
        verb: { id: string };
        result?: { response?: string };
      }>;
      for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
      expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual([
        'launched',
        'selected',
        'selected',
        'completed',
      ]);
      expect(statements.filter((s) => s.result?.response).map((s) => s.result!.response)).toEqual(chosen);

      // Leaving the course ends the session: the platform is told, with the learner's place kept.
      await frame.goto('about:blank');
      await page.waitForFunction(() => {
        const w = window as unknown as { API?: Api; API_1484_11?: Api };
        return (w.API ?? w.API_1484_11)!.isTerminated();
      });
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it(
    'puts a learner who comes back where they left off, from what the platform kept',
    { timeout: 120_000 },
    async () => {
      // A new browser profile: nothing saved in the browser, only what the platform kept.
      const again = await launch(version, midGame);
      await waitForFrameHeading(again.page, firstOptionPath[1]!.view.title);
      expect(again.errors).toEqual([]);
      await again.context.close();

      const done = await launch(version, finished);
      await waitForFrameHeading(done.page, ending.title);
      const held = await heldData(done.page);
      // Coming back neither undoes the completion nor records the replayed choices again.
      expect(v12 ? held.core.lesson_status : held.completion_status).toBe('completed');
      expect(Object.keys(held.interactions)).toHaveLength(chosen.length);
      expect(done.errors).toEqual([]);
      await done.context.close();
    },
  );
});

describe('the cmi5 package launched by a cmi5 platform', () => {
  it(
    'sends valid statements to the store with the session token and the launch context',
    { timeout: 180_000 },
    async () => {
      expect(cmi5Run.code).toBe(0);
      expect(cmi5Run.stdout).toMatch(/It is a cmi5 package/);
      // The platform launches the assignable unit cmi5.xml names, with the unit's id as activityId.
      const au = /<au id="([^"]+)"[^>]*>[\s\S]*<url>([^<]+)<\/url>/.exec(manifests.cmi5!)!;
      const [, activityId, url] = au;
      const registration = randomUUID();
      const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'learner-1' } };
      const params = new URLSearchParams({
        endpoint: `${host.url}/xapi/`,
        fetch: `${host.url}/token`,
        actor: JSON.stringify(actor),
        registration,
        activityId: activityId!,
      });
      const { context, page, errors } = await openPage(browser);
      await page.goto(`${host.url}/pkg-cmi5/${url}?${params}`);
      const heading = (title: string) =>
        page
          .getByRole('main')
          .getByRole('heading', { level: 2, name: title, exact: true })
          .waitFor({ timeout: 60_000 });
      await heading(bundle.scenario.title);
      await page.getByRole('button', { name: 'Begin', exact: true }).focus();
      await page.keyboard.press('Enter');
      for (const { view, option } of firstOptionPath) {
        await heading(view.title);
        await page.keyboard.press('1');
        await heading(view.options.find((o) => o.id === option)!.label);
        await page.locator('#continue-button').focus();
        await page.keyboard.press('Enter');
      }
      await heading(ending.title);
      // A student checks the ending against its source (the ending's sources are folded under its result).
      await page.getByRole('main').locator('details.citations > summary').first().click();
      await page.getByRole('main').getByRole('button', { name: 'Show in source' }).first().focus();
      await page.keyboard.press('Enter');
      await page.locator('dialog#source-panel[open]').waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => host.lrs.statements.length, { timeout: 15_000 }).toBe(chosen.length + 3);
      // Leaving the page ends the cmi5 session with "terminated".
      await page.goto('about:blank');
      await expect.poll(() => host.lrs.statements.length, { timeout: 15_000 }).toBe(chosen.length + 4);

      const statements = host.lrs.statements as Array<Record<string, Cmi>>;
      for (const statement of statements) expect(validateStatement(statement)).toEqual([]);
      expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual([
        'initialized',
        ...chosen.map(() => 'selected'),
        'completed',
        'viewed',
        'terminated',
      ]);
      for (const statement of statements) {
        expect(statement.actor).toEqual(actor);
        expect(statement.context.registration).toBe(registration);
        expect(statement.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(
          SESSION_ID,
        );
      }
      const completed = statements.at(-3)!;
      expect(completed.object.id).toBe(activityId);
      expect(completed.result.extensions['urn:branchpoint:xapi:extension:ending']).toBe(ending.endingId);
      const viewed = statements.at(-2)!;
      expect(viewed.object.id).toBe(`${activityId}/sources/${ending.citations[0]!.sourceId}`);
      expect(viewed.result.extensions['urn:branchpoint:xapi:extension:cited-passage']).toBe(ending.citations[0]!.quote);
      for (const sent of host.lrs.headers) expect(sent).toEqual({ authorization: `Basic ${TOKEN}`, version: '1.0.3' });
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
