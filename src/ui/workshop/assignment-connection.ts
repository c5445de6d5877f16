/**
 * The teacher's line to assignments: create one, then follow its live report, download it, delete
 * it. The report arrives once as a tally, then as the records each commit added, folded in here
 * (src/workshop/assignment-tally.ts); when one is out of step the tally is asked for again.
 */
import { io, type Socket } from 'socket.io-client';
import {
  ASSIGNMENT_NAMESPACE,
  ASSIGNMENT_PROTOCOL_VERSION as v,
  type Ack,
  type CreateAssignmentAck,
} from '../../workshop/assignment-protocol.ts';
import { applyDelta, type ReportDelta, type ReportSnapshot } from '../../workshop/assignment-tally.ts';

const ANSWER_MS = 10_000;
const noAnswer = {
  ok: false as const,
  error: {
    code: 'server-error' as const,
    message: 'the server did not answer; check that it is running and try again',
  },
};

const secretKey = (code: string) => `branchpoint:assignment-teacher:${code}`;
export function keepTeacherSecret(code: string, secret: string): void {
  try {
    localStorage.setItem(secretKey(code), secret);
  } catch {
    // Private browsing: the report works while the page stays open.
  }
}
export function teacherSecret(code: string): string | undefined {
  try {
    const secret = localStorage.getItem(secretKey(code)) ?? undefined;
    return secret && /^[A-Za-z0-9_-]{22}$/.test(secret) ? secret : undefined;
  } catch {
    return undefined;
  }
}
export function forgetTeacherSecret(code: string): void {
  try {
    localStorage.removeItem(secretKey(code));
  } catch {
    // Nothing kept.
  }
}

export async function createAssignment(
  scenarioId: string,
  askReasons: boolean,
  deadline?: string,
): Promise<CreateAssignmentAck> {
  const socket = io(ASSIGNMENT_NAMESPACE, { reconnection: false, timeout: ANSWER_MS });
  try {
    return await socket
      .timeout(ANSWER_MS)
      .emitWithAck('create', { v, scenarioId, askReasons, ...(deadline ? { deadline } : {}) });
  } catch {
    return noAnswer;
  } finally {
    socket.disconnect();
  }
}

export type ReportAck = Ack<{ snapshot: ReportSnapshot; urls: string[] }>;

export class ReportConnection {
  private readonly socket: Socket;
  private snapshot: ReportSnapshot | undefined;
  /** Deltas that arrived while the tally was being fetched: folded in once it is here (repeats are ignored). */
  private early: ReportDelta[] = [];
  private asking = false;

  constructor(
    private readonly code: string,
    private readonly secret: string,
    private readonly handlers: {
      opened: (ack: ReportAck) => void;
      /** The tally changed (a delta folded in). */
      report: (snapshot: ReportSnapshot) => void;
      deleted: () => void;
      link: (up: boolean) => void;
    },
  ) {
    this.socket = io(ASSIGNMENT_NAMESPACE, { timeout: ANSWER_MS });
    this.socket.on('connect', () => {
      handlers.link(true);
      this.open();
    });
    this.socket.on('disconnect', () => handlers.link(false));
    this.socket.on('delta', (delta: ReportDelta) => this.fold(delta));
    this.socket.on('deleted', handlers.deleted);
  }

  /** Asks for the tally (on connecting, and again when a delta is out of step). */
  private open(): void {
    if (this.asking) return;
    this.asking = true;
    this.snapshot = undefined;
    this.early = [];
    void this.socket
      .timeout(ANSWER_MS)
      .emitWithAck('teacher', { v, code: this.code, secret: this.secret })
      .then(
        (ack: ReportAck) => {
          this.asking = false;
          if (ack.ok) {
            this.snapshot = ack.snapshot;
            const early = this.early;
            this.early = [];
            for (const delta of early) this.fold(delta, true);
          }
          this.handlers.opened(ack.ok ? { ...ack, snapshot: this.snapshot! } : ack);
        },
        () => {
          this.asking = false;
          this.handlers.opened(noAnswer);
        },
      );
  }

  private fold(delta: ReportDelta, quiet = false): void {
    if (!this.snapshot) {
      if (this.asking) this.early.push(delta);
      return;
    }
    const { tally, gap } = applyDelta(this.snapshot.tally, this.snapshot.catalog, delta);
    if (gap) return this.open();
    if (tally === this.snapshot.tally) return;
    this.snapshot = { ...this.snapshot, tally };
    if (!quiet) this.handlers.report(this.snapshot);
  }

  async file(
    format: 'markdown' | 'csv' | 'json',
  ): Promise<Ack<{ filename: string; mimeType: string; content: string }>> {
    try {
      return await this.socket
        .timeout(ANSWER_MS)
        .emitWithAck('record', { v, code: this.code, secret: this.secret, format });
    } catch {
      return noAnswer;
    }
  }

  async delete(): Promise<Ack> {
    try {
      return await this.socket.timeout(ANSWER_MS).emitWithAck('delete', { v, code: this.code, secret: this.secret });
    } catch {
      return noAnswer;
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}
