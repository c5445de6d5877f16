/**
 * Who used the CPU during a phase of a bench: each part's processes are sampled every half second
 * (a process killed mid-phase keeps what it had used until its last sample), and the machine's
 * busy time over the same wall time says how much went to other people's work on a shared machine.
 */
import { cpuMsOf, machineBusyMs } from './cpu.ts';

export interface Part {
  name: string;
  pids: () => Array<number | undefined>;
  /** Count the processes' living descendants too (PostgreSQL's backends, nginx's workers). */
  tree?: boolean;
}

export interface CpuFigures {
  wallMs: number;
  /** CPU seconds of each part over the phase. */
  seconds: Record<string, number>;
  /** Busy CPU seconds of the whole machine (all cores), ours and everyone else's. */
  machineSeconds: number;
  /** The machine's busy time not used by any of our parts: other work on the machine. */
  othersSeconds: number;
}

const round1 = (ms: number) => Math.round(ms / 100) / 10;

export class CpuMeter {
  private readonly first = new Map<string, number>();
  private readonly last = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();
  private readonly machineStart = machineBusyMs();

  constructor(private readonly parts: Part[]) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 500);
  }

  private sample(): void {
    for (const part of this.parts)
      for (const pid of part.pids()) {
        if (pid === undefined) continue;
        const key = `${part.name}:${pid}`;
        const ms = cpuMsOf([pid], part.tree);
        if (ms === 0 && this.last.has(key)) continue; // gone since the last sample
        if (!this.first.has(key)) this.first.set(key, ms);
        this.last.set(key, Math.max(ms, this.last.get(key) ?? 0));
      }
  }

  stop(): CpuFigures {
    this.sample();
    clearInterval(this.timer);
    const seconds: Record<string, number> = {};
    let ours = 0;
    for (const part of this.parts) {
      let used = 0;
      for (const [key, last] of this.last)
        if (key.startsWith(`${part.name}:`)) used += last - (this.first.get(key) ?? last);
      seconds[part.name] = round1(used);
      ours += used;
    }
    const machine = machineBusyMs() - this.machineStart;
    return {
      wallMs: Math.round(performance.now() - this.started),
      seconds,
      machineSeconds: round1(machine),
      othersSeconds: round1(Math.max(0, machine - ours)),
    };
  }
}
