/**
 * A student's line to the server: joins with the token, then sends the queue in order, one batch at
 * a time, dropping what the server acknowledges (acknowledged = committed). Offline, the queue just
 * grows in localStorage; when the network comes back Socket.IO reconnects and sending resumes. A
 * batch whose answer was lost is simply sent again: the server ignores what it already has.
 */
import { io, type Socket } from 'socket.io-client';
import {
  ASSIGNMENT_LIMITS,
  ASSIGNMENT_NAMESPACE,
  ASSIGNMENT_PROTOCOL_VERSION,
  type QueuedEvent,
  type StudentEventBody,
  type StudentJoinAck,
  type SubmitAck,
} from '../../workshop/assignment-protocol.ts';
import { nextSeq, pendingAfter } from '../../workshop/assignment-queue.ts';
import { readProgress, writeProgress, type Progress } from './local-record.ts';

const ANSWER_MS = 8000;
const RETRY_MS = 3000;

export type SendState = { pending: number; online: boolean; refused?: string };

export class AssignmentSender {
  private readonly socket: Socket;
  private progress: Progress;
  private joined = false;
  private sending = false;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly code: string,
    private readonly token: string,
    private readonly nickname: string,
    private readonly onState: (state: SendState) => void,
  ) {
    this.progress = readProgress(code, token);
    this.socket = io(ASSIGNMENT_NAMESPACE, { timeout: ANSWER_MS });
    this.socket.on('connect', () => void this.join());
    this.socket.on('disconnect', () => {
      this.joined = false;
      this.report();
    });
    this.report();
  }

  /** The place last recorded in this browser, if any. */
  get path(): string[] | null {
    return this.progress.path;
  }

  record(event: StudentEventBody): void {
    const seq = nextSeq(this.progress.queue, this.progress.acked);
    const queued: QueuedEvent = { seq, at: new Date().toISOString(), event };
    this.progress.queue.push(queued);
    if (event.type === 'moved') this.progress.path = event.path;
    writeProgress(this.code, this.token, this.progress);
    this.report();
    void this.flush();
  }

  private async join(): Promise<void> {
    let ack: StudentJoinAck;
    try {
      ack = await this.socket.timeout(ANSWER_MS).emitWithAck('student', {
        v: ASSIGNMENT_PROTOCOL_VERSION,
        code: this.code,
        nickname: this.nickname,
        token: this.token,
      });
    } catch {
      return this.later();
    }
    if (!ack.ok) return this.refuse(ack.error.message);
    this.acknowledge(ack.acked);
    this.joined = true;
    this.report();
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.joined || this.sending) return;
    this.sending = true;
    try {
      while (this.joined && this.progress.queue.length > 0) {
        const batch = this.progress.queue.slice(0, ASSIGNMENT_LIMITS.batch);
        let ack: SubmitAck;
        try {
          ack = await this.socket.timeout(ANSWER_MS).emitWithAck('submit', {
            v: ASSIGNMENT_PROTOCOL_VERSION,
            code: this.code,
            token: this.token,
            events: batch,
          });
        } catch {
          return this.later();
        }
        if (!ack.ok) {
          if (ack.error.code === 'rate-limited') return this.later();
          return this.refuse(ack.error.message);
        }
        const before = this.progress.queue.length;
        this.acknowledge(ack.acked);
        // Nothing taken (a gap the server will not skip): stop instead of looping; the next join retries.
        if (this.progress.queue.length === before) return this.later();
      }
    } finally {
      this.sending = false;
    }
  }

  private acknowledge(acked: number): void {
    this.progress.acked = Math.max(this.progress.acked, acked);
    this.progress.queue = pendingAfter(this.progress.queue, this.progress.acked);
    writeProgress(this.code, this.token, this.progress);
    this.report();
  }

  private later(): void {
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void (this.joined ? this.flush() : undefined), RETRY_MS);
  }

  private refuse(message: string): void {
    this.onState({ pending: this.progress.queue.length, online: this.socket.connected, refused: message });
  }

  private report(): void {
    this.onState({ pending: this.progress.queue.length, online: this.socket.connected && this.joined });
  }
}
