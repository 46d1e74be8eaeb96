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
 * time, then the row's integer id (so rows of one instant keep their order),
 * then a hash of `seed` (the table and the id), so migrating the same store
 * twice, or its backup, gives the same uids.
 */
export function derivedUid(atMs: number, id: number, seed: string): string {
  const time = Number.isFinite(atMs) ? Math.min(Math.max(0, Math.floor(atMs)), 281474976710655) : 0;
  let order = '';
  for (let rest = Math.max(0, Math.floor(id)), i = 0; i < 10; i++, rest = Math.floor(rest / 32)) order = (CROCKFORD[rest % 32] ?? '0') + order;
  const digest = createHash('sha256').update(seed).digest();
  let random = '';
  for (let i = 0; i < 6; i++) random += CROCKFORD[(digest[i] ?? 0) % 32];
  return encodeTime(time, 10) + order + random;
}
