import { describe, expect, it } from 'vitest';
import { bitmap } from '../../src/game/backdrop.ts';

describe('backdrop bitmap', () => {
  it('wraps WebGL pixels as a bottom-up 32-bit BMP with straight alpha', () => {
    // Two pixels, as readPixels gives them: premultiplied RGBA, bottom row first.
    const pixels = new Uint8Array([100, 50, 0, 128, 0, 0, 0, 0]);
    const out = bitmap(pixels, 1, 2);
    const view = new DataView(out.buffer);
    expect(String.fromCharCode(out[0]!, out[1]!)).toBe('BM');
    expect(view.getUint32(2, true)).toBe(out.length);
    const offset = view.getUint32(10, true);
    expect(offset).toBe(122);
    expect(view.getInt32(18, true)).toBe(1);
    expect(view.getInt32(22, true)).toBe(2);
    expect(view.getUint16(28, true)).toBe(32);
    expect(view.getUint32(66, true)).toBe(0xff000000);
    // BGRA, un-premultiplied; a transparent pixel stays all zero.
    expect([...out.slice(offset, offset + 8)]).toEqual([0, 100, 199, 128, 0, 0, 0, 0]);
  });
});
