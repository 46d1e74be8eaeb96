import { decodeTime, monotonicFactory } from 'ulid';
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
