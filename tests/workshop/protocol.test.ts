import { describe, expect, it } from 'vitest';
import { newParticipantId, newRoomCode, newSecret } from '../../src/workshop/codes.ts';
import {
  ControlRequest,
  JoinRequest,
  LIMITS,
  ROOM_CODE_ALPHABET,
  VoteRequest,
  normaliseRoomCode,
  parseMessage,
} from '../../src/workshop/protocol.ts';

describe('room codes and secrets', () => {
  it('uses only unambiguous symbols, uniformly', () => {
    expect(ROOM_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const seen = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const c of newRoomCode()) seen.set(c, (seen.get(c) ?? 0) + 1);
    expect([...seen.keys()].sort().join('')).toBe([...ROOM_CODE_ALPHABET].sort().join(''));
    const counts = [...seen.values()];
    // 12,000 symbols over 31: about 387 each; a biased draw would leave some far off.
    expect(Math.min(...counts)).toBeGreaterThan(280);
    expect(Math.max(...counts)).toBeLessThan(500);
  });

  it('refuses to hang on a broken random source', () => {
    expect(() => newRoomCode(() => new Uint8Array(12).fill(255))).toThrow(/random/);
  });

  it('makes 128-bit secrets that the protocol accepts, and participant ids', () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[\w-]{22}$/);
    expect(parseMessage(JoinRequest, { v: 1, role: 'facilitator', code: newRoomCode(), secret })).toMatchObject({
      ok: true,
    });
    expect(newParticipantId()).toMatch(/^[0-9a-f]{12}$/);
  });

  it('forgives lower case, spaces and dashes in a typed code', () => {
    expect(normaliseRoomCode(' k7m-2qx ')).toBe('K7M2QX');
  });
});

describe('validating messages', () => {
  it('cleans and limits what people type', () => {
    const joined = parseMessage(JoinRequest, {
      v: 1,
      role: 'participant',
      code: 'K7M2QX',
      nickname: '  Ana\u0000\u202e  B  ',
    });
    expect(joined).toMatchObject({ ok: true, value: { nickname: 'Ana B' } });
    expect(
      parseMessage(JoinRequest, {
        v: 1,
        role: 'participant',
        code: 'K7M2QX',
        nickname: 'x'.repeat(LIMITS.nickname + 1),
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringMatching(/^nickname: /) } });
    expect(parseMessage(JoinRequest, { v: 1, role: 'participant', code: 'K7M2QX', nickname: ' \t ' })).toMatchObject({
      ok: false,
    });
    expect(parseMessage(VoteRequest, { v: 1, option: 'a', reason: 'r'.repeat(LIMITS.reason) })).toMatchObject({
      ok: true,
    });
    expect(parseMessage(VoteRequest, { v: 1, option: 'a', reason: 'r'.repeat(LIMITS.reason + 1) })).toMatchObject({
      ok: false,
    });
  });

  it('names the field at fault, refuses unknown fields, other versions and oversized payloads', () => {
    expect(parseMessage(ControlRequest, { v: 1, intent: { type: 'open', seconds: 2 } })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^intent\.seconds: /) },
    });
    expect(parseMessage(ControlRequest, { v: 1, intent: { type: 'end', now: true } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-message' },
    });
    expect(parseMessage(VoteRequest, { v: 2, option: 'a' })).toMatchObject({ ok: false, error: { code: 'version' } });
    expect(parseMessage(VoteRequest, { v: 1, option: 'a', pad: 'x'.repeat(LIMITS.messageBytes) })).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(parseMessage(VoteRequest, circular)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(parseMessage(VoteRequest, undefined)).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });
});
