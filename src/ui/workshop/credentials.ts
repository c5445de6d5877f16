/**
 * What each browser keeps to get back into its room after a reload or a dropped connection: the
 * facilitator's secret (the only key to the room's controls) and a participant's token and
 * nickname. Stored per room code in localStorage; what comes back out is checked, never trusted.
 */
const SECRET = /^[A-Za-z0-9_-]{22}$/;
const hostKey = (code: string) => `branchpoint:workshop:host:${code}`;
const participantKey = (code: string) => `branchpoint:workshop:participant:${code}`;

export interface ParticipantPass {
  /** Empty until the server has handed one out (the person typed a nickname, the join is under way). */
  token: string;
  nickname: string;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function get(key: string): string | undefined {
  try {
    return storage()?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function set(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Private browsing or a full store: the room still works, a reload will ask again.
  }
}

export function hostSecret(code: string): string | undefined {
  const secret = get(hostKey(code));
  return secret && SECRET.test(secret) ? secret : undefined;
}

export function keepHostSecret(code: string, secret: string): void {
  set(hostKey(code), secret);
}

export function participantPass(code: string): ParticipantPass | undefined {
  const raw = get(participantKey(code));
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<ParticipantPass>;
    if (
      typeof value.token === 'string' &&
      (value.token === '' || SECRET.test(value.token)) &&
      typeof value.nickname === 'string' &&
      value.nickname.length > 0 &&
      value.nickname.length <= 200
    ) {
      return { token: value.token, nickname: value.nickname };
    }
  } catch {
    // damaged: ask for the nickname again
  }
  return undefined;
}

export function keepParticipantPass(code: string, pass: ParticipantPass): void {
  set(participantKey(code), JSON.stringify(pass));
}

export function forgetParticipantPass(code: string): void {
  try {
    storage()?.removeItem(participantKey(code));
  } catch {
    // nothing to forget
  }
}
