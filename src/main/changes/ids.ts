import { createHash } from 'node:crypto';
import { decodeTime, encodeTime, monotonicFactory, ulid } from 'ulid';

/**
 * ULIDs for changes, their log entries, windows and change events: sortable by
 * time, unique without a server, so logs made on two machines merge by union.
 */
const monotonic = monotonicFactory();

/** A new ULID for something that happened at `atMs`. */
export const newUid = (atMs: number): string => monotonic(Math.max(0, Math.floor(atMs)));

/**
 * A ULID for a log entry at `atMs` that sorts after `lastUid` (the log's latest
 * entry), so replaying the log by uid replays it in the order it was decided,
 * even when this machine's clock is behind the one that wrote `lastUid`.
 */
export function uidAfter(atMs: number, lastUid?: string): string {
  if (lastUid === undefined) return newUid(atMs);
  const last = decodeTime(lastUid);
  const uid = newUid(Math.max(atMs, last));
  return uid > lastUid ? uid : newUid(last + 1);
}

/**
 * The same ULID for the same content, every time and on every machine: its
 * time part is `atMs`, its random part comes from a hash of `content`. A change
 * event imported twice (or from two machines) keeps one id.
 */
export function contentUid(atMs: number, content: string): string {
  const digest = createHash('sha256').update(content).digest();
  let i = 0;
  // ulid asks for 16 numbers in [0, 1) and takes floor(n * 32) of each. Its time is written here: ulid reads a time of 0 as "now".
  const random = ulid(1, () => (digest[i++ % digest.length] ?? 0) / 256).slice(10);
  return encodeTime(Math.max(0, Math.floor(atMs)), 10) + random;
}

/** Epoch milliseconds a ULID was made for. */
export const uidTime = (uid: string): number => decodeTime(uid);
