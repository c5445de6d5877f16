/**
 * CPU time of processes, from /proc (Linux): how much of the machine each part of a bench used,
 * so that a latency can be read beside who was busy (the server, the database, the bench's own
 * clients, or other people's work on a shared machine).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every architecture we run. */
const TICK_MS = 10;

interface Stat {
  pid: number;
  ppid: number;
  /** user + system, in milliseconds */
  cpuMs: number;
}

function readStat(pid: number | string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return undefined; // gone
  }
}

/** CPU milliseconds used so far by each process given, with all its living descendants when `tree`. */
export function cpuMsOf(pids: readonly number[], tree = false): number {
  if (!tree) return pids.reduce((sum, pid) => sum + (readStat(pid)?.cpuMs ?? 0), 0);
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(readStat)
    .filter((s): s is Stat => !!s);
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const seen = new Set<number>();
  let total = 0;
  const visit = (pid: number) => {
    if (seen.has(pid)) return;
    seen.add(pid);
    const own = all.find((s) => s.pid === pid);
    total += own?.cpuMs ?? 0;
    for (const child of children.get(pid) ?? []) visit(child.pid);
  };
  pids.forEach(visit);
  return total;
}

/** Busy CPU milliseconds of the whole machine so far (every core; all processes, ours or not). */
export function machineBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) * TICK_MS;
}
