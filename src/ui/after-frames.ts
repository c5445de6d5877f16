/**
 * Runs work in a task of its own after some animation frames have been drawn, so that it does not
 * delay them: each step waits for a frame's callbacks, then for a task after that frame's paint.
 * Returns a function that cancels the work if it has not run yet.
 */
export function afterFrames(frames: number, work: () => void): () => void {
  let cancelled = false;
  const step = (left: number) => {
    if (cancelled) return;
    if (left === 0) return work();
    requestAnimationFrame(() => setTimeout(() => step(left - 1), 0));
  };
  step(frames);
  return () => {
    cancelled = true;
  };
}
