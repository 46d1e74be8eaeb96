import type { ConcurrentChange } from './incidents';

/**
 * A field changed on two machines at once, in the words the console and the
 * command line both flag it with (docs/sync.md): "Status was changed on two
 * machines: monitoring by Ana at 03:12, resolved by Bo at 03:13". `time`
 * writes an instant (the console in the reader's zone, the CLI in UTC), `value`
 * a status or severity (the console as its label says it).
 */
export function concurrentSentence(change: ConcurrentChange, time: (iso: string) => string, value: (value: string) => string = (raw) => raw): string {
  const field = change.field === 'status' ? 'Status' : 'Severity';
  const machines = change.changes.length === 2 ? 'two machines' : `${change.changes.length} machines`;
  return `${field} was changed on ${machines}: ${change.changes.map((head) => `${value(head.value)} by ${head.actor} at ${time(head.at)}`).join(', ')}`;
}
