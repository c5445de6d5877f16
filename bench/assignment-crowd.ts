/**
 * The simulated students of the assignments figure of `npm run bench:workshop`, in their own
 * process so their work does not delay the teacher's page whose clock measures latency. Each joins
 * with a nickname, then every few seconds makes a choice as the page does: a `chose` and a `moved`
 * event in one submit, numbered on from the last acknowledged; at an ending it records the ending
 * and starts again. Driven over IPC by bench/assignments.ts.
 */
import { io, type Socket } from 'socket.io-client';
import { ASSIGNMENT_NAMESPACE, type QueuedEvent } from '../src/workshop/assignment-protocol.ts';

export interface Walk {
  start: string;
  /** decision id -> its options, each with where it leads (a decision, or an ending when absent here). */
  decisions: Record<string, Array<{ id: string; next: string }>>;
}
export type AssignmentCrowdCommand =
  | {
      cmd: 'play';
      url: string;
      code: string;
      students: number;
      durationMs: number;
      everyMs: [number, number];
      walk: Walk;
    }
  | { cmd: 'close' };
export interface SentChoice {
  nickname: string;
  /** The sequence number that makes this choice's events committed. */
  seq: number;
  sent: number;
  acked: boolean;
}
export type AssignmentCrowdReply =
  | { cmd: 'played'; choices: SentChoice[]; acked: Record<string, number>; joinMs: number }
  | { cmd: 'error'; message: string };

const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function play(command: Extract<AssignmentCrowdCommand, { cmd: 'play' }>): Promise<AssignmentCrowdReply> {
  const sockets: Socket[] = [];
  const students: Array<{ socket: Socket; nickname: string; token: string; seq: number; at: string; path: string[] }> =
    [];
  const joinStart = performance.now();
  // Students arrive 50 at a time, as a class opening the link together would.
  for (let first = 0; first < command.students; first += 50) {
    const wave = Array.from({ length: Math.min(50, command.students - first) }, async (_, k) => {
      const socket = io(command.url + ASSIGNMENT_NAMESPACE, { transports: ['websocket'], forceNew: true });
      sockets.push(socket);
      const nickname = `s${first + k}`;
      const ack = await socket.timeout(20_000).emitWithAck('student', { v: 1, code: command.code, nickname });
      if (!ack.ok) throw new Error(`join: ${ack.error.message}`);
      students.push({ socket, nickname, token: ack.token, seq: 0, at: command.walk.start, path: [] });
    });
    await Promise.all(wave);
  }
  const joinMs = performance.now() - joinStart;
  const choices: SentChoice[] = [];
  const acked: Record<string, number> = {};
  const until = performance.now() + command.durationMs;
  const [low, high] = command.everyMs;
  await Promise.all(
    students.map(async (s) => {
      await sleep(Math.random() * high);
      while (performance.now() < until) {
        const options = command.walk.decisions[s.at]!;
        const option = options[Math.floor(Math.random() * options.length)]!;
        const at = new Date().toISOString();
        const events: QueuedEvent[] = [
          { seq: s.seq + 1, at, event: { type: 'chose', decision: s.at, option: option.id } },
          { seq: s.seq + 2, at, event: { type: 'moved', path: [...s.path, option.id] } },
        ];
        const ending = command.walk.decisions[option.next] === undefined;
        if (ending) {
          events.push({ seq: s.seq + 3, at, event: { type: 'ended', ending: option.next } });
          events.push({ seq: s.seq + 4, at, event: { type: 'moved', path: [] } });
        }
        const choice: SentChoice = { nickname: s.nickname, seq: s.seq + 2, sent: clock(), acked: false };
        choices.push(choice);
        const ack = await s.socket
          .timeout(20_000)
          .emitWithAck('submit', { v: 1, code: command.code, token: s.token, events });
        if (ack.ok && ack.acked === s.seq + events.length) {
          choice.acked = true;
          s.seq = ack.acked;
          acked[s.nickname] = ack.acked;
          s.path = ending ? [] : [...s.path, option.id];
          s.at = ending ? command.walk.start : option.next;
        }
        await sleep(low + Math.random() * (high - low));
      }
    }),
  );
  for (const socket of sockets) socket.disconnect();
  return { cmd: 'played', choices, acked, joinMs };
}

process.on('message', (command: AssignmentCrowdCommand) => {
  if (command.cmd === 'close') process.exit(0);
  play(command).then(
    (reply) => process.send!(reply),
    (error: Error) => process.send!({ cmd: 'error', message: error.message } satisfies AssignmentCrowdReply),
  );
});
