import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFrames } from '../../src/ui/after-frames.ts';

/** Animation frames run only when the test draws one; timers only when it advances them. */
let frameCallbacks: FrameRequestCallback[] = [];
const drawFrame = () => {
  const callbacks = frameCallbacks;
  frameCallbacks = [];
  for (const callback of callbacks) callback(0);
};

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frameCallbacks.push(callback));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  frameCallbacks = [];
});

describe('afterFrames', () => {
  it('runs the work in a task after the given number of frames, not before', () => {
    const work = vi.fn();
    afterFrames(2, work);
    vi.runAllTimers();
    drawFrame();
    expect(work).not.toHaveBeenCalled();
    // The first frame's callback only queues a task; the work waits for a second frame.
    vi.runAllTimers();
    drawFrame();
    expect(work).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('never runs cancelled work', () => {
    const work = vi.fn();
    const cancel = afterFrames(1, work);
    drawFrame();
    cancel();
    vi.runAllTimers();
    drawFrame();
    vi.runAllTimers();
    expect(work).not.toHaveBeenCalled();
  });

  it('runs at once for no frames', () => {
    const work = vi.fn();
    afterFrames(0, work);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
