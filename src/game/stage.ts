/**
 * The Phaser stage: mounts a small WebGL game into the page's stage element. It only draws the
 * map and the actors; every word a person needs is in the DOM (the meters too, with their
 * reasons), so the canvas is hidden from assistive technology and the game plays fully without
 * it. Loaded with a dynamic import after the first decision is readable, so it never delays text.
 */
import Phaser from 'phaser';
import type { GameView } from '../engine/view.ts';
import type { StagePicture } from '../engine/stage.ts';
import { loadAtlas, type Detail } from './atlas.ts';
import { StageScene } from './scenes/stage-scene.ts';
import type { MountStage, Stage, StageMoment, StageTarget } from './stage-contract.ts';
import type { MapView } from './map-view.ts';
import { attachStageInput } from './stage-input.ts';
import { limitPixelRatio, pixelRatio } from './display.ts';
import { Backdrop } from './backdrop.ts';
import { fontFamily } from './palette.ts';

/** What tests and benchmarks may read of the stage; nothing else reaches into the canvas. */
export interface StageProbe {
  /** True once the first frame with everything the stage will draw (map included) has rendered. */
  ready: boolean;
  /** Frames per second, as Phaser's loop measures them (a moving average). */
  fps(): number;
  /** Frames rendered so far. */
  frames(): number;
  /**
   * What the stage draws now: the map picture (strikes, areas, ranges, highlights; undefined
   * without a map or before the first view) and the stance tags on the actors.
   */
  drawn(): {
    picture: StagePicture | undefined;
    stances: Array<{ actor: string; word: string }>;
  };
  /** The student's view of the map: zoom (1: as first fitted) and offset in CSS px. */
  view(): MapView;
  /** The place or actor ringed on the stage, if any. */
  selected(): StageTarget | undefined;
  /** The countries whose names the map shows now, the scenario's own first (see country-labels.ts). */
  countries(): string[];
  /** Where a place or actor is now, in CSS px from the stage's top left (undefined if unknown). */
  pointOf(target: StageTarget): { x: number; y: number } | undefined;
}

declare global {
  interface Window {
    __branchpointStage?: StageProbe;
  }
}

/** Above this many km per pixel the 1:110m outlines are fine; below it the 1:50m ones look much better. */
const FINE_BELOW_KM_PER_PX = 2.5;

export const mountStage: MountStage = async (parent, index, options) => {
  const webgl = probeWebGL();
  if (!webgl) throw new Error('The stage needs WebGL, which this browser does not offer');
  // Software WebGL (SwiftShader and the like) pays for every pixel and every multisample on the
  // CPU: one device pixel per CSS pixel and no multisampling keep its transitions smooth.
  limitPixelRatio(webgl.software ? 1 : 2);
  await fontsLoaded(800);
  const scenario = index.scenario;

  let created!: (scene: StageScene) => void;
  const sceneCreated = new Promise<StageScene>((resolve) => (created = resolve));
  const scene = new StageScene({
    scenario,
    reducedMotion: options.reducedMotion,
    // Made with the canvas below; the scene asks for it only once the game has booted.
    backdrop: (): Backdrop => backdrop,
    onCreated: (s) => created(s),
    onCountries: (names) => options.onCountries?.(names),
  });

  // The canvas has the parent's size in CSS pixels and the screen's pixel density in device
  // pixels: Phaser's NONE scale mode with a zoom of 1/ratio, sized here whenever the parent or the
  // density changes. (RESIZE mode would fill the parent too, but only at one device pixel per CSS
  // pixel, which blurs every line and label on phones.)
  const ratio = pixelRatio();
  const size = deviceSize(parent, ratio);
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    transparent: true,
    banner: false,
    scale: { mode: Phaser.Scale.NONE, width: size.width, height: size.height, zoom: 1 / ratio, expandParent: false },
    // No clearing: the scene skips drawing while nothing moves, and the canvas must keep its picture.
    // One texture per batch: Phaser otherwise compiles a shader for each new count of textures in a
    // batch, which happened on the first choice (tens of ms under software WebGL); a few dozen
    // draw calls cost far less.
    render: {
      antialias: !webgl.software,
      antialiasGL: !webgl.software,
      roundPixels: false,
      powerPreference: 'low-power',
      clearBeforeRender: false,
      maxTextures: 1,
    },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    audio: { noAudio: true },
    disableContextMenu: false,
    scene: [scene],
  });
  const canvas = game.canvas;
  canvas.setAttribute('aria-hidden', 'true');
  canvas.setAttribute('tabindex', '-1');
  // The still picture, the consequences and the panel sit in elements of their own under the
  // canvas, the sweep over it: stacking them needs a positioned parent (the page's stage boxes
  // are). Out of the flow, the canvas's pixel size can never feed back into the parent's size.
  if (getComputedStyle(parent).position === 'static') parent.style.position = 'relative';
  const backdrop = new Backdrop(parent, canvas);
  const fillParent = () =>
    Object.assign(canvas.style, {
      display: 'block',
      width: '100%',
      height: '100%',
      position: 'absolute',
      left: '0',
      top: '0',
    });
  fillParent();
  game.scale.on(Phaser.Scale.Events.RESIZE, fillParent);

  const fit = () => {
    const r = pixelRatio();
    if (Math.abs(1 / game.scale.zoom - r) > 1e-6) game.scale.setZoom(1 / r);
    const next = deviceSize(parent, r);
    if (next.width !== game.scale.width || next.height !== game.scale.height)
      game.scale.resize(next.width, next.height);
    fillParent();
  };
  const resizes = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(fit);
  resizes?.observe(parent);
  const densityQuery = window.matchMedia?.(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
  densityQuery?.addEventListener('change', fit);
  window.addEventListener('resize', fit);

  const detach: Array<() => void> = [];
  const teardown = () => {
    for (const undo of detach) undo();
    resizes?.disconnect();
    densityQuery?.removeEventListener('change', fit);
    window.removeEventListener('resize', fit);
    // Phaser tears the game down at its next step; the canvas leaves the page now.
    game.destroy(true);
    canvas.remove();
    backdrop.destroy();
  };

  let destroyed = false;
  const probe: StageProbe = {
    ready: false,
    fps: () => game.loop.actualFps,
    frames: () => game.loop.frame,
    drawn: () => scene.drawn(),
    view: () => scene.mapView(),
    selected: () => scene.selection(),
    countries: () => scene.countriesNamed(),
    pointOf: (target) => scene.pointOf(target),
  };

  try {
    await withTimeout(sceneCreated, 15_000, 'The stage did not start within 15 s');
  } catch (error) {
    teardown();
    throw error;
  }

  // Country shapes load in the background; the first frame with them (or without, when the
  // scenario has no map or they fail to load) marks the stage ready.
  const settled = scenario.map ? loadMapAtlas(scene) : Promise.resolve();
  void settled.then(() => {
    if (destroyed) return;
    game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      probe.ready = true;
    });
  });
  window.__branchpointStage = probe;
  detach.push(
    attachStageInput(parent, scene, (target) => {
      scene.select(target);
      options.onPick?.(target);
    }),
  );

  // A choice's keydown task only tells the stage; the stage draws in a task of its own after that
  // frame, and the page draws its new screen after the next (src/ui/app.ts), so neither makes the
  // other's task long. Only the latest view is drawn.
  let shown: { view: GameView; moment: StageMoment } | undefined;
  const showLatest = () => {
    const next = shown;
    shown = undefined;
    if (next && !destroyed) scene.showView(next.view, next.moment);
  };
  const stage: Stage = {
    show(view: GameView, moment: StageMoment) {
      if (destroyed) return;
      const waiting = shown !== undefined;
      shown = { view, moment };
      if (!waiting) requestAnimationFrame(() => setTimeout(showLatest, 0));
    },
    zoom(factor: number) {
      if (!destroyed) scene.zoomBy(factor);
    },
    pan(dx: number, dy: number) {
      const area = scene.mapArea();
      if (!destroyed) scene.panBy(dx * area.width, dy * area.height);
    },
    resetView() {
      if (!destroyed) scene.resetView();
    },
    select(target: StageTarget | undefined) {
      if (!destroyed) scene.select(target);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (window.__branchpointStage === probe) delete window.__branchpointStage;
      teardown();
    },
  };
  return stage;
};

async function loadMapAtlas(scene: StageScene): Promise<void> {
  const detail = (): Detail => ((scene.kmPerPixel() ?? Infinity) < FINE_BELOW_KM_PER_PX ? 'fine' : 'coarse');
  const wanted = detail();
  try {
    scene.setAtlas(await loadAtlas(wanted));
  } catch (error) {
    // The map still shows its places and ranges without country shapes; say why, loudly.
    console.error('Branchpoint stage: could not load the country shapes', error);
    return;
  }
  if (wanted === 'coarse') {
    // A stage that grows (a phone turned, a window put on the projector) gets the finer outlines.
    scene.scale.on(Phaser.Scale.Events.RESIZE, function upgrade() {
      if (detail() !== 'fine') return;
      scene.scale.off(Phaser.Scale.Events.RESIZE, upgrade);
      loadAtlas('fine').then(
        (atlas) => scene.setAtlas(atlas),
        (error: unknown) => console.error('Branchpoint stage: could not load the finer country shapes', error),
      );
    });
  }
}

function deviceSize(parent: HTMLElement, ratio: number): { width: number; height: number } {
  return {
    width: Math.max(1, Math.round(parent.clientWidth * ratio)),
    height: Math.max(1, Math.round(parent.clientHeight * ratio)),
  };
}

/** Whether WebGL is there at all, and whether it is a software rasteriser. */
function probeWebGL(): { software: boolean } | undefined {
  try {
    const gl =
      document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    if (!gl) return undefined;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(
      (info && gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) ?? gl.getParameter(gl.RENDERER) ?? '',
    );
    // Give the probe context back at once: browsers allow only a few live WebGL contexts.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { software: /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(renderer) };
  } catch {
    return undefined;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits (briefly) for the page's font so canvas labels match the text beside them. */
async function fontsLoaded(timeoutMs: number): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  const family = fontFamily.split(',')[0]!;
  const load = Promise.all([document.fonts.load(`16px ${family}`), document.fonts.load(`bold 16px ${family}`)]).catch(
    () => [],
  );
  await Promise.race([load, new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
}
