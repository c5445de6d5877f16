/**
 * The student's hands on the map: drag to move it, wheel or pinch to zoom, a tap or click to pick
 * a place or an actor; and, while the stage has focus, the arrow keys move it, + and - zoom and 0
 * goes back to the whole map. DOM events on the stage's element (Phaser's own input is off: the
 * stage needs nothing else from it).
 */
import type { StageScene } from './scenes/stage-scene.ts';
import type { StageTarget } from './stage-contract.ts';

/** A press that moves less than this (CSS px) is a tap, not a drag. */
const TAP_SLOP = 6;
/** One arrow key press moves the map by this fraction of its width or height. */
export const KEY_PAN = 0.12;
export const KEY_ZOOM = 1.25;

export function attachStageInput(
  element: HTMLElement,
  scene: StageScene,
  onPick: (target: StageTarget | undefined) => void,
): () => void {
  const pointers = new Map<number, { x: number; y: number }>();
  let travelled = 0;
  let pinched = false;

  const local = (event: PointerEvent | WheelEvent) => {
    const box = element.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return a && b ? { d: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : undefined;
  };

  const down = (event: PointerEvent) => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    element.setPointerCapture?.(event.pointerId);
    pointers.set(event.pointerId, local(event));
    if (pointers.size === 1) {
      travelled = 0;
      pinched = false;
    } else pinched = true;
  };
  const move = (event: PointerEvent) => {
    const before = pointers.get(event.pointerId);
    if (!before) return;
    const pinchBefore = spread();
    const now = local(event);
    pointers.set(event.pointerId, now);
    if (pointers.size === 1) {
      travelled += Math.hypot(now.x - before.x, now.y - before.y);
      if (travelled >= TAP_SLOP) scene.panBy(now.x - before.x, now.y - before.y);
      return;
    }
    const pinch = spread();
    if (!pinchBefore || !pinch || pinchBefore.d < 1) return;
    scene.panBy(pinch.x - pinchBefore.x, pinch.y - pinchBefore.y);
    scene.zoomBy(pinch.d / pinchBefore.d, pinch);
  };
  const up = (event: PointerEvent) => {
    const at = pointers.get(event.pointerId);
    if (!at) return;
    pointers.delete(event.pointerId);
    if (pointers.size === 0 && !pinched && travelled < TAP_SLOP && event.type === 'pointerup')
      onPick(scene.pick(at.x, at.y));
  };
  const wheel = (event: WheelEvent) => {
    event.preventDefault();
    const step = event.deltaMode === 1 ? 0.06 : event.deltaMode === 2 ? 0.5 : 0.002;
    scene.zoomBy(Math.exp(-event.deltaY * step), local(event));
  };
  const key = (event: KeyboardEvent) => {
    if (event.target !== element || event.altKey || event.ctrlKey || event.metaKey) return;
    const area = scene.mapArea();
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [1, 0],
      ArrowRight: [-1, 0],
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
    };
    const pan = moves[event.key];
    if (pan) scene.panBy(pan[0] * area.width * KEY_PAN, pan[1] * area.height * KEY_PAN);
    else if (event.key === '+' || event.key === '=') scene.zoomBy(KEY_ZOOM);
    else if (event.key === '-' || event.key === '_') scene.zoomBy(1 / KEY_ZOOM);
    else if (event.key === '0' || event.key === 'Home') scene.resetView();
    else return;
    event.preventDefault();
  };

  element.addEventListener('pointerdown', down);
  element.addEventListener('pointermove', move);
  element.addEventListener('pointerup', up);
  element.addEventListener('pointercancel', up);
  element.addEventListener('wheel', wheel, { passive: false });
  element.addEventListener('keydown', key);
  return () => {
    element.removeEventListener('pointerdown', down);
    element.removeEventListener('pointermove', move);
    element.removeEventListener('pointerup', up);
    element.removeEventListener('pointercancel', up);
    element.removeEventListener('wheel', wheel);
    element.removeEventListener('keydown', key);
  };
}
