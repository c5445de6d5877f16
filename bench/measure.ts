/** Timing with warm-up and medians: this machine is shared and noisy, so single readings mislead. */

export interface Timing {
  /** Median wall-clock milliseconds. */
  ms: number;
  /** Median CPU milliseconds of this process (all its threads), less disturbed by other work on the machine. */
  cpuMs: number;
  runs: number;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export function time<T>(run: () => T): { result: T; ms: number; cpuMs: number } {
  const cpu = cpuNow();
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start, cpuMs: cpuNow() - cpu };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function measure(runs: number, run: () => unknown, warmups = 1): Timing {
  for (let i = 0; i < warmups; i++) run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, cpuMs } = time(run);
    walls.push(ms);
    cpus.push(cpuMs);
  }
  return { ms: median(walls), cpuMs: median(cpus), runs };
}

/** Runs the contenders in turn, round after round, so a burst of load on the machine hits them all alike. */
export function measureInTurn<K extends string>(
  runs: number,
  contenders: Record<K, () => unknown>,
  warmups = 1,
): Record<K, Timing> {
  const names = Object.keys(contenders) as K[];
  for (let i = 0; i < warmups; i++) for (const name of names) contenders[name]();
  const walls = new Map<K, number[]>(names.map((name) => [name, []]));
  const cpus = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const name of names) {
      const { ms, cpuMs } = time(contenders[name]);
      walls.get(name)!.push(ms);
      cpus.get(name)!.push(cpuMs);
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, { ms: median(walls.get(name)!), cpuMs: median(cpus.get(name)!), runs }]),
  ) as Record<K, Timing>;
}
