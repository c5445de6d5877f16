/**
 * The short addresses a teacher reads out (`http://<host>:<port>/join` and `…/<CODE>`, which the
 * server sends to the join form), worked out from the room's full join link so every screen shows
 * the same server address as its QR code. The scheme is drawn quieter: people type the rest.
 */
import { shortJoinAddress, shortRoomAddress } from '../../../workshop/short-address.ts';
import { h } from '../../dom.ts';

export interface ShortAddresses {
  /** The join form, where the code is typed. */
  join: string;
  /** The room's own address, code included. */
  room: string;
}

/** Undefined when the join link is not an http(s) address (then there is nothing short to read out). */
export function shortAddresses(joinUrl: string, code: string): ShortAddresses | undefined {
  let origin: string;
  try {
    const url = new URL(joinUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    origin = url.origin;
  } catch {
    return undefined;
  }
  return { join: shortJoinAddress(origin), room: shortRoomAddress(origin, code) };
}

/** An address as text, its `http://` quieter than the part people type. */
export function addressText(address: string, className = 'short-address-url'): HTMLElement {
  const scheme = /^https?:\/\//.exec(address)?.[0] ?? '';
  return h(
    'span',
    { class: className },
    scheme ? h('span', { class: 'url-scheme' }, scheme) : null,
    address.slice(scheme.length),
  );
}
