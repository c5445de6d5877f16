/** The teacher's line to assignments: create one, then follow its live report, download it, delete it. */
import { io, type Socket } from 'socket.io-client';
import {
  ASSIGNMENT_NAMESPACE,
  ASSIGNMENT_PROTOCOL_VERSION as v,
  type Ack,
  type CreateAssignmentAck,
} from '../../workshop/assignment-protocol.ts';
import type { AssignmentReport } from '../../workshop/assignment-report.ts';

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

export type ReportAck = Ack<{ report: AssignmentReport; urls: string[] }>;

export class ReportConnection {
  private readonly socket: Socket;

  constructor(
    private readonly code: string,
    private readonly secret: string,
    handlers: {
      opened: (ack: ReportAck) => void;
      report: (report: AssignmentReport) => void;
      deleted: () => void;
      link: (up: boolean) => void;
    },
  ) {
    this.socket = io(ASSIGNMENT_NAMESPACE, { timeout: ANSWER_MS });
    this.socket.on('connect', () => {
      handlers.link(true);
      this.socket
        .timeout(ANSWER_MS)
        .emitWithAck('teacher', { v, code, secret })
        .then(handlers.opened, () => handlers.opened(noAnswer));
    });
    this.socket.on('disconnect', () => handlers.link(false));
    this.socket.on('report', handlers.report);
    this.socket.on('deleted', handlers.deleted);
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
