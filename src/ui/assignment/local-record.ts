/**
 * What a student's browser keeps of an assignment, in localStorage: who they are (token, nickname)
 * under the assignment's code, and their queue of events not yet acknowledged by the server plus
 * their place under the code and token. Read back as untrusted input: anything malformed is
 * treated as absent (the server keeps everything acknowledged, so nothing committed is lost).
 */
import { z } from 'zod';
import { QueuedEvent } from '../../workshop/assignment-protocol.ts';

const Identity = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  nickname: z.string().min(1).max(120),
  scenarioId: z.string().min(1).max(64),
  askReasons: z.boolean(),
  title: z.string().max(400),
});
export type Identity = z.infer<typeof Identity>;

const Progress = z.object({
  acked: z.number().int().min(0),
  queue: z.array(QueuedEvent),
  path: z.array(z.string()).nullable(),
});
export type Progress = z.infer<typeof Progress>;

const identityKey = (code: string) => `branchpoint:assignment:${code}`;
const progressKey = (code: string, token: string) => `branchpoint:assignment:${code}:${token}`;

function read<T>(key: string, schema: z.ZodType<T>): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return undefined;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export const readIdentity = (code: string) => read(identityKey(code), Identity);
export const writeIdentity = (code: string, identity: Identity) => write(identityKey(code), identity);
export const readProgress = (code: string, token: string): Progress =>
  read(progressKey(code, token), Progress) ?? { acked: 0, queue: [], path: null };
export const writeProgress = (code: string, token: string, progress: Progress) =>
  write(progressKey(code, token), progress);
