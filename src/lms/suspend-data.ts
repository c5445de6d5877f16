/**
 * The learner's place as a learning platform keeps it (SCORM suspend_data): the option ids chosen
 * so far, which the player replays through the engine exactly like a saved game. What comes back
 * from the platform is untrusted: anything that does not parse is treated as no place at all.
 */
import { isRecord } from '../lib/is-record.ts';

const VERSION = 1;
const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
/** As many steps as a shared link may hold (src/ui/routes.ts). */
const MAX_STEPS = 200;
/** The most suspend_data SCORM 1.2 guarantees to keep (2004 keeps 64,000). */
export const SCORM12_SUSPEND_LIMIT = 4096;

export function encodeSuspendData(options: readonly string[]): string {
  return JSON.stringify({ v: VERSION, o: options });
}

/** The option ids in a suspend_data string, or undefined when it holds no usable place. */
export function decodeSuspendData(text: string | undefined): string[] | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value) || value.v !== VERSION || !Array.isArray(value.o) || value.o.length > MAX_STEPS)
    return undefined;
  const options = value.o;
  return options.every((o): o is string => typeof o === 'string' && ID.test(o)) ? options : undefined;
}
