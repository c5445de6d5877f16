/**
 * Addresses inside the workshop page (workshop.html), kept in the hash like the game's. A link is
 * untrusted input: anything that does not parse goes to the start screen.
 */
import { normaliseRoomCode, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../workshop/protocol.ts';

export type WorkshopRoute =
  | { screen: 'start' }
  /** A participant joining (or back in) a room; `code` may be empty when typed by hand. */
  | { screen: 'join'; code: string }
  | { screen: 'host'; code: string }
  | { screen: 'present'; code: string }
  | { screen: 'offline'; scenario: string }
  /** Setting a scenario as an assignment, and an assignment's report (src/ui/workshop/assign*.ts). */
  | { screen: 'assign'; scenario: string }
  | { screen: 'assignment'; code: string };

const CODE = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);
const ID = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

export const isRoomCode = (code: string) => CODE.test(code);

export function parseWorkshopRoute(hash: string): WorkshopRoute | undefined {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts.length === 0) return { screen: 'start' };
  const [screen, value, ...extra] = parts;
  if (extra.length > 0) return undefined;
  if (screen === 'join' && value === undefined) return { screen: 'join', code: '' };
  if (value === undefined) return undefined;
  if (screen === 'offline' || screen === 'assign') return ID.test(value) ? { screen, scenario: value } : undefined;
  const code = normaliseRoomCode(value);
  if (!isRoomCode(code)) return undefined;
  if (screen === 'join' || screen === 'host' || screen === 'present' || screen === 'assignment')
    return { screen, code };
  return undefined;
}

export function formatWorkshopRoute(route: WorkshopRoute): string {
  switch (route.screen) {
    case 'start':
      return '#/';
    case 'offline':
    case 'assign':
      return `#/${route.screen}/${route.scenario}`;
    default:
      return route.code ? `#/${route.screen}/${route.code}` : `#/${route.screen}`;
  }
}
