import { createHash } from 'node:crypto';
import { decodeTime, encodeTime, monotonicFactory } from 'ulid';
import { ULID_PATTERN } from '../../shared/sync';

/**
 * ULIDs for what crosses machines (incidents, timeline events, drills): unique
 * without a server and sortable by the time they were made, so two laptops'
 * files never share a name and merge by union.
 */
const monotonic = monotonicFactory();

/** A new ULID for something that happened at `atMs` (epoch ms; the injected clock's now). */
export const newUid = (atMs: number): string => monotonic(Math.max(0, Math.floor(atMs)));

export const isUid = (value: string): boolean => ULID_PATTERN.test(value);

/** Epoch milliseconds a ULID was made for. */
export const uidTime = (value: string): number => decodeTime(value);

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID for a row stored before rows had one: its time part the row's own
 * time, its random part a hash of `seed` (the table and the row's integer id),
 * so migrating the same store twice, or its backup, gives the same uids.
 */
export function derivedUid(atMs: number, seed: string): string {
  const time = Number.isFinite(atMs) ? Math.min(Math.max(0, Math.floor(atMs)), 281474976710655) : 0;
  const digest = createHash('sha256').update(seed).digest();
  let random = '';
  for (let i = 0; i < 16; i++) random += CROCKFORD[(digest[i] ?? 0) % 32];
  return encodeTime(time, 10) + random;
}
