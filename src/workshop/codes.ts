/**
 * Room codes, secrets and participant tokens, from the platform's cryptographic random source
 * (Web Crypto: the same global in browsers and Node).
 *
 * A code is ROOM_CODE_LENGTH symbols from a 31-symbol alphabet: 31^6 ≈ 8.9 × 10^8 codes. With
 * 100 rooms open at once, a guess hits one with odds of 1 in 8.9 million; failed joins are limited
 * to 20 a minute per address (src/server/sockets.ts), so one address needs about 10 months on
 * average, and a room lives for a lesson.
 */
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from './protocol.ts';

type RandomBytes = (length: number) => Uint8Array;
const webRandom: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** Uniform over the alphabet: bytes past the largest multiple of its size are drawn again. */
export function newRoomCode(random: RandomBytes = webRandom): string {
  const size = ROOM_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = '';
  for (let draw = 0; draw < 100 && code.length < ROOM_CODE_LENGTH; draw++) {
    for (const byte of random(ROOM_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < ROOM_CODE_LENGTH) code += ROOM_CODE_ALPHABET[byte % size];
    }
  }
  if (code.length < ROOM_CODE_LENGTH) throw new Error('The random source keeps returning the same few bytes');
  return code;
}

/** 128 random bits as 22 base64url characters: the facilitator's secret, a participant's token. */
export function newSecret(random: RandomBytes = webRandom): string {
  const bytes = random(16);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Short public ids for participants (not secret: they appear in the facilitator's list). */
export function newParticipantId(random: RandomBytes = webRandom): string {
  return Array.from(random(6), (b) => b.toString(16).padStart(2, '0')).join('');
}
