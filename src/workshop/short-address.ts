/**
 * Short addresses a teacher can read out and a phone can type by hand: `<origin>/join` (the join
 * form) and `<origin>/<CODE>` (straight into that room's join, the code filled in). The server
 * answers them with a redirect to the workshop page's own route (`shortAddressTarget`), so the
 * page and its relative asset paths stay where they are. Guesses a person is likely to type are
 * forgiven: any letter case, a trailing slash, `/workshop`, and the code with a space or a dash as
 * the projector groups it. Anything else is not a short address (the server answers 404).
 */
import { joinRoute, normaliseRoomCode, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, WORKSHOP_PAGE } from './protocol.ts';

const CODE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);
/** Names that mean "take me to the join form". */
const JOIN_NAMES = new Set(['join', 'join.html']);
/** Names that mean "the workshop page" (its front door, where joining is one button away). */
const WORKSHOP_NAMES = new Set(['workshop', 'workshops']);

/** The join form, at a server's origin, as shown on the projector and the facilitator's screen. */
export const shortJoinAddress = (origin: string) => `${origin}/join`;

/** A room's own short address: the join form with the code filled in. */
export const shortRoomAddress = (origin: string, code: string) => `${origin}/${code}`;

/** A room code as typed in an address (any case, spaces or dashes), or undefined when it is not one. */
function codeIn(segment: string): string | undefined {
  const code = normaliseRoomCode(segment);
  return CODE.test(code) ? code : undefined;
}

/**
 * Where a short address leads: a path on the same server (the workshop page with its hash route),
 * or undefined when `pathname` (the URL's path, still percent-encoded) is not a short address.
 */
export function shortAddressTarget(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const parts = decoded.split('/').filter((part) => part !== '');
  const join = (code?: string) => `/${WORKSHOP_PAGE}${joinRoute(code ?? '').replace(/\/$/, '')}`;
  if (parts.length === 1) {
    const name = parts[0]!.toLowerCase();
    if (JOIN_NAMES.has(name)) return join();
    if (WORKSHOP_NAMES.has(name)) return `/${WORKSHOP_PAGE}`;
    const code = codeIn(parts[0]!);
    return code ? join(code) : undefined;
  }
  if (parts.length === 2) {
    const name = parts[0]!.toLowerCase();
    if (!JOIN_NAMES.has(name) && !WORKSHOP_NAMES.has(name)) return undefined;
    // `/join/<something>`: clearly someone joining; a mistyped code gets the form, which says what a code looks like.
    return join(codeIn(parts[1]!));
  }
  return undefined;
}
