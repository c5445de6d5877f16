import { describe, expect, it } from 'vitest';
import { scorm12SessionTime, scorm2004SessionTime } from '../../src/lms/session-time.ts';

// The formats scorm-again checks session_time against (RTE 1.2 CMITimespan, RTE 2004 timeinterval).
const CMI_TIMESPAN = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const TIMEINTERVAL = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;

describe('SCORM 1.2 session time (HHHH:MM:SS.SS)', () => {
  it.each([
    [0, '00:00:00.00'],
    [4, '00:00:00.00'],
    [5, '00:00:00.01'],
    [1234, '00:00:01.23'],
    [65_000, '00:01:05.00'],
    [3_725_500, '01:02:05.50'],
    [100 * 3_600_000, '100:00:00.00'],
  ])('%d ms is %s', (ms, text) => {
    expect(scorm12SessionTime(ms)).toBe(text);
    expect(text).toMatch(CMI_TIMESPAN);
  });

  it('says the largest time it can, not a malformed one, past 9999 hours', () => {
    expect(scorm12SessionTime(10_000 * 3_600_000)).toBe('9999:59:59.99');
  });

  it('never writes a negative or not-a-number time', () => {
    expect(scorm12SessionTime(-5000)).toBe('00:00:00.00');
    expect(scorm12SessionTime(Number.NaN)).toBe('00:00:00.00');
  });
});

describe('SCORM 2004 session time (ISO 8601 duration)', () => {
  it.each([
    [0, 'PT0S'],
    [1234, 'PT1.23S'],
    [1500, 'PT1.5S'],
    [65_000, 'PT1M5S'],
    [3_600_000, 'PT1H0M0S'],
    [3_725_500, 'PT1H2M5.5S'],
    [-1, 'PT0S'],
  ])('%d ms is %s', (ms, text) => {
    expect(scorm2004SessionTime(ms)).toBe(text);
    expect(text).toMatch(TIMEINTERVAL);
  });

  it('keeps hundredths of a second, the precision SCORM 2004 requires', () => {
    for (let ms = 0; ms < 200_000; ms += 997) {
      const [, seconds] = /(\d+(?:\.\d+)?)S$/.exec(scorm2004SessionTime(ms))!;
      const minutes = Number(/(\d+)M/.exec(scorm2004SessionTime(ms))?.[1] ?? 0);
      expect(minutes * 60 + Number(seconds)).toBeCloseTo(Math.round(ms / 10) / 100, 5);
    }
  });
});
