/**
 * `npm run bench:web`: the page's costs in headless Chromium against the production build served
 * by `vite preview` on 127.0.0.1, beside a bare Phaser 4 page (bench/bare-phaser/: one scene, one
 * text) built with the same Vite config and measured in the same run, alternating, so the figures
 * read as ratios. Medians of 5 runs (`npm run bench:web -- 3` for another count). Prints a table,
 * then one line of JSON with every figure and ratio.
 *
 * - First decision interactive: performance.mark('branchpoint:first-decision') (set in the frame
 *   after the first decision's options are on screen), from navigation start, navigating straight
 *   to #/s/atacms-2024/play with empty storage; the bare page marks its scene's first POST_RENDER.
 * - JavaScript transferred: the sum of Resource Timing `encodedBodySize` of every .js response
 *   (body bytes as sent; vite preview gzips, which the bench checks), before the mark and in all
 *   (after the stage reports ready and the network is idle). "Our own code" is all the app's JS
 *   minus the bare page's JS (which is Phaser and a few lines: Phaser is inside the app's stage
 *   chunk, so it cannot be subtracted by file), minus the world-atlas map geometry (data, shown apart).
 * - Frames per second: requestAnimationFrame callbacks in the 1 s after a choice (key "1" on the
 *   first decision), with the stage drawing; Phaser's own frame count over the same second beside it.
 * - Longest main-thread task on a choice: PerformanceObserver 'longtask' (which reports tasks over
 *   50 ms) over that same second; beside it the choice's own keydown handler (timed by listeners
 *   on window before and after the page's), the time to the next animation frame, and the task that
 *   draws the new screen after the transition's first frame (the page's `branchpoint:draw` measure;
 *   a build without it draws the screen inside the handler).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { preview, repoRoot, viteBuild, type Served } from '../tests/e2e/server.ts';
import { ms, table, times, type Row } from './report.ts';

const RUNS = Number(process.argv[2] ?? 5);
const SCENARIO = 'atacms-2024';
const VIEWPORT = { width: 1280, height: 800 };
const GOALS = { firstDecisionVsBareFirstFrame: 1, ownCodeKB: 100, fps: 60, longestTaskMs: 50 };
const KB = 1024;

interface JsEntry {
  name: string;
  encodedBodySize: number;
  decodedBodySize: number;
  responseEnd: number;
}

interface AppRun {
  firstDecisionMs: number;
  jsBeforeBytes: number;
  jsAllBytes: number;
  atlasBytes: number;
  stageReadyMs: number;
  rafFps: number;
  phaserFps: number;
  longestTaskMs: number;
  longTasks: number;
  choiceHandlerMs: number;
  /** The task that drew the new screen after the key (-1: drawn inside the handler). */
  screenDrawMs: number;
  /** From the key to the new screen in the page (-1: drawn inside the handler). */
  choiceToScreenMs: number;
  choiceToFrameMs: number;
  choiceToPaintMs: number;
  files: JsEntry[];
  firstDecisionFiles: string[];
}

interface BareRun {
  firstFrameMs: number;
  jsBytes: number;
  rafFps: number;
}

const log = (line = '') => console.log(line);

/** tsx keeps function names with a `__name` helper that the page does not have; give it one. */
async function benchContext(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return context;
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const base = (url: string) => url.split('/').pop()!.replace(/\?.*$/, '');
/** A figure of the deferred screen drawing; -1 when the build drew the screen inside the handler. */
const drawn = (value: number) => (value >= 0 ? ms(value) : 'in the handler');
const isAtlas = (name: string) => /\/countries-(?:50m|110m)-[^/]*\.js$/.test(name);

/** Every .js response the page has received, from Resource Timing. */
function scripts(page: Page): Promise<JsEntry[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => new URL(e.name).pathname.endsWith('.js'))
      .map((e) => ({
        name: e.name,
        encodedBodySize: e.encodedBodySize,
        decodedBodySize: e.decodedBodySize,
        responseEnd: e.responseEnd,
      })),
  );
}

/** Counts animation frames, long tasks and the keydown's timing over `windowMs` after pressing `key`. */
async function measureChoice(page: Page, key: string, windowMs = 1000) {
  await page.evaluate(() => {
    const bench = {
      frames: [] as number[],
      longTasks: [] as Array<{ start: number; duration: number }>,
      events: [] as Array<{ name: string; start: number; duration: number; processing: number }>,
      draws: [] as Array<{ start: number; duration: number }>,
      choiceAt: -1,
      phaserAtChoice: -1,
      handlerEnd: -1,
      nextFrameAt: -1,
    };
    (window as unknown as { __bench: typeof bench }).__bench = bench;
    const tick = (t: number) => {
      bench.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => bench.longTasks.push({ start: e.startTime, duration: e.duration })),
    ).observe({ type: 'longtask' });
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        const timing = e as PerformanceEventTiming;
        bench.events.push({
          name: timing.name,
          start: timing.startTime,
          duration: timing.duration,
          processing: timing.processingEnd - timing.processingStart,
        });
      }),
    ).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    new PerformanceObserver((list) =>
      list
        .getEntriesByName('branchpoint:draw')
        .forEach((e) => bench.draws.push({ start: e.startTime, duration: e.duration })),
    ).observe({ type: 'measure' });
    // In the capture phase on window: before the page's own handler (on document) sees the key;
    // in the bubbling phase on window: after it has rebuilt the screen and told the stage.
    window.addEventListener(
      'keydown',
      () => {
        bench.choiceAt = performance.now();
        bench.phaserAtChoice = window.__branchpointStage?.frames() ?? -1;
      },
      { capture: true, once: true },
    );
    window.addEventListener(
      'keydown',
      () => {
        bench.handlerEnd = performance.now();
        requestAnimationFrame(() => (bench.nextFrameAt = performance.now()));
      },
      { once: true },
    );
  });
  // Let the observers and the frame counter settle before the choice.
  await page.waitForTimeout(300);
  await page.keyboard.press(key);
  await page.waitForFunction(
    (w) => {
      const bench = (window as unknown as { __bench: { choiceAt: number; phaserAfter?: number } }).__bench;
      if (bench.choiceAt < 0 || performance.now() < bench.choiceAt + w) return false;
      bench.phaserAfter ??= window.__branchpointStage?.frames() ?? -1;
      return true;
    },
    windowMs,
    { polling: 'raf', timeout: 30_000 },
  );
  // Long tasks are reported after they end; give the last ones a moment to arrive.
  await page.waitForTimeout(200);
  return page.evaluate((w) => {
    const bench = (
      window as unknown as {
        __bench: {
          frames: number[];
          longTasks: Array<{ start: number; duration: number }>;
          events: Array<{ name: string; start: number; duration: number; processing: number }>;
          draws: Array<{ start: number; duration: number }>;
          choiceAt: number;
          phaserAtChoice: number;
          phaserAfter?: number;
          handlerEnd: number;
          nextFrameAt: number;
        };
      }
    ).__bench;
    const from = bench.choiceAt;
    const to = from + w;
    const frames = bench.frames.filter((t) => t >= from && t < to).length;
    const tasks = bench.longTasks.filter((t) => t.start + t.duration > from && t.start < to);
    // The only key pressed since the observer started; its start can precede the handler by a busy task.
    const keydown = bench.events.filter((e) => e.name === 'keydown');
    // A draw that starts after the handler has ended is the new screen drawn in a task of its own.
    const draw = bench.draws.find((d) => d.start >= bench.handlerEnd && d.start < to);
    return {
      rafFps: (frames * 1000) / w,
      phaserFps:
        bench.phaserAtChoice >= 0 && bench.phaserAfter !== undefined && bench.phaserAfter >= 0
          ? ((bench.phaserAfter - bench.phaserAtChoice) * 1000) / w
          : -1,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
      choiceHandlerMs: bench.handlerEnd - from,
      screenDrawMs: draw ? draw.duration : -1,
      choiceToScreenMs: draw ? draw.start + draw.duration - from : -1,
      choiceToFrameMs: bench.nextFrameAt - from,
      // Event Timing reports only events over 16 ms: 0 means the key was answered within 16 ms.
      choiceToPaintMs: Math.max(0, ...keydown.map((e) => e.duration)),
    };
  }, windowMs);
}

async function measureApp(browser: Browser, app: Served): Promise<AppRun> {
  const context = await benchContext(browser);
  const page = await context.newPage();
  try {
    await page.goto(`${app.url}#/s/${SCENARIO}/play`);
    const firstDecisionMs = await page.evaluate(async () => {
      for (;;) {
        const mark = performance.getEntriesByName('branchpoint:first-decision')[0];
        if (mark) return mark.startTime;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    // "In all": once the stage has drawn everything it will (map included) and the network is quiet.
    await page.waitForFunction(() => window.__branchpointStage?.ready === true, null, { timeout: 60_000, polling: 50 });
    const stageReadyMs = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle');
    const files = await scripts(page);
    const before = files.filter((f) => f.responseEnd <= firstDecisionMs);
    const choice = await measureChoice(page, '1');
    return {
      firstDecisionMs,
      jsBeforeBytes: before.reduce((sum, f) => sum + f.encodedBodySize, 0),
      jsAllBytes: files.reduce((sum, f) => sum + f.encodedBodySize, 0),
      atlasBytes: files.filter((f) => isAtlas(f.name)).reduce((sum, f) => sum + f.encodedBodySize, 0),
      stageReadyMs,
      ...choice,
      files,
      firstDecisionFiles: before.map((f) => base(f.name)),
    };
  } finally {
    await context.close();
  }
}

async function measureBare(browser: Browser, bare: Served): Promise<BareRun> {
  const context = await benchContext(browser);
  const page = await context.newPage();
  try {
    await page.goto(bare.url);
    const firstFrameMs = await page.evaluate(async () => {
      for (;;) {
        const mark = performance.getEntriesByName('bare-phaser:first-frame')[0];
        if (mark) return mark.startTime;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    await page.waitForLoadState('networkidle');
    const files = await scripts(page);
    const rafFps = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let frames = 0;
          const start = performance.now();
          const tick = (t: number) => {
            if (t - start >= 1000) return resolve(frames);
            frames++;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
    );
    return { firstFrameMs, jsBytes: files.reduce((sum, f) => sum + f.encodedBodySize, 0), rafFps };
  } finally {
    await context.close();
  }
}

/** Checks that the preview server gzips JavaScript, so encodedBodySize is the gzipped size. */
async function servedEncoding(served: Served, outDir: string): Promise<string> {
  const file = readdirSync(join(outDir, 'assets')).find((f) => f.endsWith('.js'));
  const response = await fetch(`${served.url}assets/${file}`, { headers: { 'accept-encoding': 'gzip' } });
  await response.arrayBuffer();
  return response.headers.get('content-encoding') ?? 'none';
}

/** gzip -6 (what the preview server uses) of each built .js file, by name, as a cross-check. */
function gzippedFiles(outDir: string): Map<string, number> {
  const folder = join(outDir, 'assets');
  return new Map(
    readdirSync(folder)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, gzipSync(readFileSync(join(folder, f)), { level: 6 }).length]),
  );
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  log(
    `Branchpoint web bench: ${RUNS} runs, headless Chromium (/usr/bin/chromium), vite preview on 127.0.0.1, viewport ${VIEWPORT.width}x${VIEWPORT.height}`,
  );
  log(
    `${new Date().toISOString()}  node ${process.version}  ${cpus().length} cores  load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const appDir = mkdtempSync(join(tmpdir(), 'branchpoint-bench-app-'));
  const bareDir = mkdtempSync(join(tmpdir(), 'branchpoint-bench-bare-'));
  const servers: Served[] = [];
  let browser: Browser | undefined;
  try {
    await viteBuild(appDir);
    await viteBuild(bareDir, join(repoRoot, 'bench/bare-phaser/vite.config.ts'));
    const app = await preview(appDir);
    servers.push(app);
    const bare = await preview(bareDir);
    servers.push(bare);
    const encoding = await servedEncoding(app, appDir);
    browser = await launchBrowser();

    const appRuns: AppRun[] = [];
    const bareRuns: BareRun[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternate which page goes first, so neither always meets a warmer (or busier) machine.
      if (run % 2 === 0) {
        appRuns.push(await measureApp(browser, app));
        bareRuns.push(await measureBare(browser, bare));
      } else {
        bareRuns.push(await measureBare(browser, bare));
        appRuns.push(await measureApp(browser, app));
      }
      const a = appRuns.at(-1)!;
      const b = bareRuns.at(-1)!;
      log(
        `  run ${run + 1}: first decision ${ms(a.firstDecisionMs)} (bare first frame ${ms(b.firstFrameMs)}), JS ${kb(a.jsBeforeBytes)} before / ${kb(a.jsAllBytes)} all, ` +
          `${a.rafFps.toFixed(0)} fps (Phaser ${a.phaserFps.toFixed(0)}), longest task ${ms(a.longestTaskMs)} (${a.longTasks} over 50 ms), choice handler ${ms(a.choiceHandlerMs)}, screen drawn ${drawn(a.screenDrawMs)}, next frame ${ms(a.choiceToFrameMs)}`,
      );
    }

    const m = {
      firstDecisionMs: median(appRuns.map((r) => r.firstDecisionMs)),
      bareFirstFrameMs: median(bareRuns.map((r) => r.firstFrameMs)),
      stageReadyMs: median(appRuns.map((r) => r.stageReadyMs)),
      jsBeforeBytes: median(appRuns.map((r) => r.jsBeforeBytes)),
      jsAllBytes: median(appRuns.map((r) => r.jsAllBytes)),
      atlasBytes: median(appRuns.map((r) => r.atlasBytes)),
      bareJsBytes: median(bareRuns.map((r) => r.jsBytes)),
      rafFps: median(appRuns.map((r) => r.rafFps)),
      phaserFps: median(appRuns.map((r) => r.phaserFps)),
      bareFps: median(bareRuns.map((r) => r.rafFps)),
      longestTaskMs: median(appRuns.map((r) => r.longestTaskMs)),
      longTasks: median(appRuns.map((r) => r.longTasks)),
      choiceHandlerMs: median(appRuns.map((r) => r.choiceHandlerMs)),
      screenDrawMs: median(appRuns.map((r) => r.screenDrawMs)),
      choiceToScreenMs: median(appRuns.map((r) => r.choiceToScreenMs)),
      choiceToFrameMs: median(appRuns.map((r) => r.choiceToFrameMs)),
      choiceToPaintMs: median(appRuns.map((r) => r.choiceToPaintMs)),
    };
    const ownCodeBytes = m.jsAllBytes - m.bareJsBytes - m.atlasBytes;
    const ratios = {
      firstDecisionVsBareFirstFrame: m.firstDecisionMs / m.bareFirstFrameMs,
      jsBeforeFirstDecisionVsBare: m.jsBeforeBytes / m.bareJsBytes,
      jsAllVsBare: m.jsAllBytes / m.bareJsBytes,
      ownCodeVsPhaser: ownCodeBytes / m.bareJsBytes,
      fpsVsGoal: m.rafFps / GOALS.fps,
      fpsVsBare: m.rafFps / m.bareFps,
      longestTaskVsGoal: m.longestTaskMs / GOALS.longestTaskMs,
    };
    const pass = {
      firstDecision: m.firstDecisionMs <= m.bareFirstFrameMs * GOALS.firstDecisionVsBareFirstFrame,
      ownCode: ownCodeBytes / KB < GOALS.ownCodeKB,
      fps: m.rafFps >= GOALS.fps - 2,
      longestTask: m.longestTaskMs <= GOALS.longestTaskMs,
    };

    const rows: Row[] = [
      {
        figure: 'first decision interactive (from navigation)',
        ours: ms(m.firstDecisionMs),
        baseline: `${ms(m.bareFirstFrameMs)} bare Phaser first frame`,
        ratio: times(ratios.firstDecisionVsBareFirstFrame),
        goal: '<= 1.00x',
        pass: pass.firstDecision,
      },
      {
        figure: 'JS transferred before the first decision',
        ours: kb(m.jsBeforeBytes),
        baseline: `${kb(m.bareJsBytes)} bare Phaser page`,
        ratio: times(ratios.jsBeforeFirstDecisionVsBare),
        goal: '',
      },
      {
        figure: 'JS transferred in all (stage ready)',
        ours: kb(m.jsAllBytes),
        baseline: `${kb(m.bareJsBytes)} bare Phaser page`,
        ratio: times(ratios.jsAllVsBare),
        goal: '',
      },
      {
        figure: '  of which map geometry (world-atlas data)',
        ours: kb(m.atlasBytes),
        baseline: '',
        ratio: '',
        goal: '',
      },
      {
        figure: 'our own code on top of Phaser',
        ours: kb(ownCodeBytes),
        baseline: `${kb(m.bareJsBytes)} Phaser`,
        ratio: times(ratios.ownCodeVsPhaser),
        goal: `< ${GOALS.ownCodeKB} KB`,
        pass: pass.ownCode,
      },
      {
        figure: 'frames/s in the 1 s after a choice (rAF)',
        ours: m.rafFps.toFixed(0),
        baseline: `${m.bareFps.toFixed(0)} bare Phaser page`,
        ratio: times(ratios.fpsVsBare),
        goal: `${GOALS.fps}`,
        pass: pass.fps,
      },
      {
        figure: '  Phaser frames drawn in that second',
        ours: m.phaserFps.toFixed(0),
        baseline: '',
        ratio: '',
        goal: '',
      },
      {
        figure: 'longest main-thread task on a choice (1 s)',
        ours: m.longestTaskMs > 0 ? ms(m.longestTaskMs) : 'none over 50 ms',
        baseline: `${GOALS.longestTaskMs} ms`,
        ratio: times(ratios.longestTaskVsGoal),
        goal: `<= ${GOALS.longestTaskMs} ms`,
        pass: pass.longestTask,
      },
      { figure: '  tasks over 50 ms in that second', ours: String(m.longTasks), baseline: '', ratio: '', goal: '' },
      {
        figure: '  the choice itself (keydown handler: game moved, stage told)',
        ours: ms(m.choiceHandlerMs),
        baseline: '',
        ratio: '',
        goal: '',
      },
      {
        figure: '  the new screen, drawn in a task after the transition starts',
        ours: drawn(m.screenDrawMs),
        baseline: '',
        ratio: '',
        goal: '',
      },
      {
        figure: '  keydown to the new screen in the page',
        ours: drawn(m.choiceToScreenMs),
        baseline: '',
        ratio: '',
        goal: '',
      },
      {
        figure: '  keydown to the next animation frame',
        ours: ms(m.choiceToFrameMs),
        baseline: '',
        ratio: '',
        goal: '',
      },
      {
        figure: '  keydown to next paint (Event Timing)',
        ours: m.choiceToPaintMs > 0 ? ms(m.choiceToPaintMs) : 'under 16 ms',
        baseline: '',
        ratio: '',
        goal: '',
      },
      {
        figure: 'stage ready (map drawn, from navigation)',
        ours: ms(m.stageReadyMs),
        baseline: '',
        ratio: '',
        goal: '',
      },
    ];
    log();
    log(table(rows));

    // The files behind the figures: transferred (median run) and gzip -6 of the built file.
    const sample = appRuns[appRuns.length >> 1]!;
    const gz = gzippedFiles(appDir);
    const bareGz = [...gzippedFiles(bareDir).values()].reduce((a, b) => a + b, 0);
    log();
    log(`JavaScript files (transferred with content-encoding: ${encoding}; gzip -6 of the built file beside it):`);
    for (const f of [...sample.files].sort((a, b) => b.encodedBodySize - a.encodedBodySize)) {
      const name = base(f.name);
      log(
        `  ${name.padEnd(34)} ${kb(f.encodedBodySize).padStart(9)} sent  ${kb(gz.get(name) ?? 0).padStart(9)} gzip  ${kb(f.decodedBodySize).padStart(9)} raw${sample.firstDecisionFiles.includes(name) ? '  (before the first decision)' : ''}`,
      );
    }
    log(`  bare Phaser page                   ${kb(m.bareJsBytes).padStart(9)} sent  ${kb(bareGz).padStart(9)} gzip`);

    const missed = [
      !pass.firstDecision &&
        `first decision ${ratios.firstDecisionVsBareFirstFrame.toFixed(2)}x the bare page's first frame`,
      !pass.ownCode && `own code ${kb(ownCodeBytes)} (goal < ${GOALS.ownCodeKB} KB)`,
      !pass.fps && `${m.rafFps.toFixed(0)} fps after a choice (goal ${GOALS.fps})`,
      !pass.longestTask && `longest task ${ms(m.longestTaskMs)} on a choice (goal <= ${GOALS.longestTaskMs} ms)`,
    ].filter(Boolean);
    log();
    log(missed.length === 0 ? 'All goals met.' : `Goals missed: ${missed.join('; ')}.`);

    const loadAfter = loadavg();
    console.log(
      JSON.stringify({
        bench: 'web',
        date: new Date().toISOString(),
        runs: RUNS,
        viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
        cores: cpus().length,
        loadAverage: { before: loadBefore.map((l) => round(l, 2)), after: loadAfter.map((l) => round(l, 2)) },
        contentEncoding: encoding,
        firstDecisionMs: round(m.firstDecisionMs),
        bareFirstFrameMs: round(m.bareFirstFrameMs),
        stageReadyMs: round(m.stageReadyMs),
        jsBeforeFirstDecisionKB: round(m.jsBeforeBytes / KB),
        jsAllKB: round(m.jsAllBytes / KB),
        mapGeometryKB: round(m.atlasBytes / KB),
        bareJsKB: round(m.bareJsBytes / KB),
        ownCodeKB: round(ownCodeBytes / KB),
        fps: round(m.rafFps),
        phaserFps: round(m.phaserFps),
        bareFps: round(m.bareFps),
        longestTaskMs: round(m.longestTaskMs),
        longTasksOver50ms: m.longTasks,
        choiceHandlerMs: round(m.choiceHandlerMs),
        screenDrawMs: round(m.screenDrawMs),
        choiceToScreenMs: round(m.choiceToScreenMs),
        choiceToFrameMs: round(m.choiceToFrameMs),
        choiceToPaintMs: round(m.choiceToPaintMs),
        ratios: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, round(v, 3)])),
        goals: GOALS,
        pass,
        firstDecisionFiles: sample.firstDecisionFiles,
      }),
    );
  } finally {
    await browser?.close();
    for (const served of servers) await served.stop();
    rmSync(appDir, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
  }
}

await main();
