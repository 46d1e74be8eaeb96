/**
 * Step timers, written in a step's text as `⏱ 5m` or `{timer=5m}`.
 * A duration is one or more number-unit pairs: `90s`, `5m`, `5 min`, `1h30m`.
 */
const DURATION = String.raw`(?:\d+[ \t]*(?:hours?|hr|h|minutes?|mins?|m|seconds?|secs?|s)(?![a-z])[ \t]*)+`;
const MARKER = new RegExp(String.raw`⏱\uFE0F?[ \t]*(${DURATION})|\{timer=(${DURATION})\}`, 'iu');
const MARKERS = new RegExp(String.raw`[ \t]*(?:${MARKER.source})`, 'giu');
const ANY_MARKER = /⏱|\{timer=/u;

const UNIT_SECONDS: Record<string, number> = { h: 3600, m: 60, s: 1 };

export interface TimerReading {
  seconds: number | null;
  /** Set when the text has a timer marker that could not be read. */
  warning: string | null;
}

export function readTimer(text: string): TimerReading {
  const match = MARKER.exec(text);
  if (!match) {
    return {
      seconds: null,
      warning: ANY_MARKER.test(text) ? 'has a timer marker without a duration such as 5m, 90s or 1h30m' : null,
    };
  }
  const seconds = parseDuration(match[1] ?? match[2] ?? '');
  return seconds ? { seconds, warning: null } : { seconds: null, warning: 'has a timer of zero length' };
}

/** A step's words without its timer marker, where the timer is shown apart (a badge, a countdown) or not at all. */
export const withoutTimer = (text: string): string => text.replace(MARKERS, '');

/** Seconds in a duration such as `90s`, `5m`, `10 min`, `1h30m`; null if it is not one. Drills use it too. */
export function parseDuration(text: string): number | null {
  if (!new RegExp(`^\\s*${DURATION}$`, 'iu').test(text)) return null;
  let seconds = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)\s*([a-z]+)/giu)) {
    seconds += Number(amount) * (UNIT_SECONDS[(unit ?? 's').charAt(0).toLowerCase()] ?? 0);
  }
  return seconds;
}
