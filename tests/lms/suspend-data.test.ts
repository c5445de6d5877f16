import { describe, expect, it } from 'vitest';
import { decodeSuspendData, encodeSuspendData } from '../../src/lms/suspend-data.ts';
import { findApi, type WindowLike } from '../../src/lms/find-api.ts';

describe('suspend_data', () => {
  it('gives back the option ids it was given', () => {
    for (const path of [[], ['a'], ['lift-restrictions', 'wait_and_see', 'x1']])
      expect(decodeSuspendData(encodeSuspendData(path))).toEqual(path);
  });

  it.each([
    ['', 'nothing saved'],
    ['not json', 'damaged'],
    ['{"v":2,"o":[]}', 'another format version'],
    ['{"v":1,"o":"a"}', 'not a list'],
    ['{"v":1,"o":["A B"]}', 'not an option id'],
    ['{"v":1,"o":[1]}', 'not a string'],
    [JSON.stringify({ v: 1, o: Array(201).fill('a') }), 'longer than any link may be'],
  ])('treats %j (%s) as no place at all', (text) => {
    expect(decodeSuspendData(text)).toBeUndefined();
  });
});

describe('finding the SCORM API', () => {
  const frame = (parent: WindowLike | null, extra: object = {}): WindowLike => {
    const win = { parent: null as WindowLike | null, ...extra };
    win.parent = parent ?? win;
    return win;
  };
  const api = { LMSInitialize: () => 'true' };

  it('finds it in a parent several frames up', () => {
    const top = frame(null, { API: api });
    const player = frame(frame(frame(top)));
    expect(findApi(player, 'API')).toBe(api);
    expect(findApi(player, 'API_1484_11')).toBeUndefined();
  });

  it("finds it in the opener's frames when the course opened in a new window", () => {
    const lms = frame(null, { API_1484_11: api });
    const popupTop = frame(null, { opener: frame(lms) });
    expect(findApi(frame(popupTop), 'API_1484_11')).toBe(api);
  });

  it('stops, without throwing, at a frame from another origin', () => {
    const foreign = {} as WindowLike;
    Object.defineProperty(foreign, 'API', {
      get: () => {
        throw new Error('SecurityError');
      },
    });
    Object.defineProperty(foreign, 'parent', {
      get: () => {
        throw new Error('SecurityError');
      },
    });
    expect(findApi(frame(foreign), 'API')).toBeUndefined();
  });

  it('gives up on a loop of frames instead of hanging', () => {
    const a = { parent: null } as unknown as WindowLike;
    const b = { parent: a } as WindowLike;
    a.parent = b;
    expect(findApi(a, 'API')).toBeUndefined();
  });
});
