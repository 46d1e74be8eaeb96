/**
 * A duration as a responder says it: "45 s", "5 min", "4 min 20 s", "1 h 30 min".
 * Step timers, drill times and scorecards all say durations this way (never
 * "0.4 min").
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} h`);
  if (minutes > 0) parts.push(`${minutes} min`);
  if (rest > 0 || parts.length === 0) parts.push(`${rest} s`);
  return parts.join(' ');
}

/** A drill clock reading, as the facilitator's master clock shows it: "04:05", "75:00" (minutes keep counting past the hour, as a stopwatch does). */
export function clockText(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** The same, spelled out for screen readers. */
export function spokenDuration(totalSeconds: number): string {
  return formatDuration(totalSeconds).replace(/\bh\b/, 'hours').replace(/\bmin\b/, 'minutes').replace(/\bs\b/, 'seconds');
}
