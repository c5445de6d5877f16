/**
 * How long a session lasted, in the format each SCORM version requires for session_time:
 * SCORM 1.2 CMITimespan "HHHH:MM:SS.SS" (hours in 2 to 4 digits), SCORM 2004 timeinterval
 * (an ISO 8601 duration, precision 0.01 s). Both are written in hundredths of a second.
 */

/** Whole hundredths of a second, never negative (a clock set back mid-session must not make a bad value). */
function centiseconds(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** SCORM 1.2 cmi.core.session_time, e.g. "00:04:05.30"; capped at 9999:59:59.99, the largest it can say. */
export function scorm12SessionTime(ms: number): string {
  const cs = Math.min(centiseconds(ms), 9999 * 360_000 + 359_999);
  const hours = Math.floor(cs / 360_000);
  const minutes = Math.floor((cs % 360_000) / 6000);
  const seconds = Math.floor((cs % 6000) / 100);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(cs % 100)}`;
}

/** SCORM 2004 cmi.session_time (also xAPI result.duration), e.g. "PT4M5.3S", "PT1H0M0S", "PT0S". */
export function scorm2004SessionTime(ms: number): string {
  const cs = centiseconds(ms);
  const hours = Math.floor(cs / 360_000);
  const minutes = Math.floor((cs % 360_000) / 6000);
  const rest = cs % 6000;
  const seconds = rest % 100 === 0 ? String(rest / 100) : (rest / 100).toFixed(2).replace(/0$/, '');
  return `PT${hours ? `${hours}H` : ''}${hours || minutes ? `${minutes}M` : ''}${seconds}S`;
}
