import fs from 'node:fs';

/**
 * A reader of SQLite's write-ahead log (https://www.sqlite.org/fileformat2.html#walformat),
 * enough to tell whether SQLite, opening the store, would silently drop
 * transactions that were committed to it: a journal whose header is garbled is
 * ignored whole, a frame whose checksum fails ends the journal there (every
 * commit after it is dropped), and a journal cut short loses the commits that
 * were in the part cut off (the -shm index still counts them).
 */

const HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LITTLE = 0x377f0682;
const MAGIC_BIG = 0x377f0683;
const FORMAT_VERSION = 3007000;
/** The -shm file starts with two copies of this 48-byte index header. */
const INDEX_HEADER_BYTES = 48;

export interface WalReport {
  /** Null when SQLite would keep every committed transaction in the journal (or there is no journal). */
  problem: string | null;
  /** Frames SQLite would replay (up to the last valid commit). */
  keptFrames: number;
}

/** What SQLite would do with the `-wal` beside `storeFile`; reads the files, writes nothing. */
export function inspectWal(storeFile: string): WalReport {
  // The index first: a writer updates it after the journal, so a journal read after it holds at least what it counts.
  let shm: Buffer | null;
  try {
    shm = fs.readFileSync(`${storeFile}-shm`);
  } catch {
    shm = null;
  }
  let wal: Buffer;
  try {
    wal = fs.readFileSync(`${storeFile}-wal`);
  } catch {
    return { problem: null, keptFrames: 0 };
  }
  return readWal(wal, shm);
}

/** The same on the bytes of a `-wal` and its `-shm` (null when there is none). */
export function readWal(wal: Buffer, shm: Buffer | null): WalReport {
  // A journal emptied by a checkpoint, or one torn before its header was whole, holds nothing committed.
  if (wal.length <= HEADER_BYTES) return { problem: null, keptFrames: 0 };
  const magic = wal.readUInt32BE(0);
  const pageSize = wal.readUInt32BE(8);
  const bigEndian = magic === MAGIC_BIG;
  const validHeader =
    (magic === MAGIC_LITTLE || bigEndian) &&
    wal.readUInt32BE(4) === FORMAT_VERSION &&
    pageSize >= 512 &&
    pageSize <= 65536 &&
    (pageSize & (pageSize - 1)) === 0 &&
    sameChecksum(checksum(wal, 0, 24, [0, 0], bigEndian), wal, 24);
  if (!validHeader) {
    return { problem: `its header is garbled, so SQLite would ignore all ${wal.length} bytes of it`, keptFrames: 0 };
  }

  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  const frames = Math.floor((wal.length - HEADER_BYTES) / frameBytes);
  const salts = wal.subarray(16, 24);
  let sum: [number, number] = [wal.readUInt32BE(24), wal.readUInt32BE(28)];
  let keptFrames = 0;
  let brokenAt = 0;
  for (let frame = 1; frame <= frames; frame++) {
    const at = HEADER_BYTES + (frame - 1) * frameBytes;
    if (!wal.subarray(at + 8, at + 16).equals(salts)) break; // a frame of an earlier generation: the journal ends here
    sum = checksum(wal, at + FRAME_HEADER_BYTES, pageSize, checksum(wal, at, 8, sum, bigEndian), bigEndian);
    if (wal.readUInt32BE(at) === 0 || !sameChecksum(sum, wal, at + 16)) {
      brokenAt = frame;
      break;
    }
    if (wal.readUInt32BE(at + 4) !== 0) keptFrames = frame; // a commit frame
  }

  if (brokenAt > 0) {
    // A frame torn by a crash is the last one written; committed frames after a bad one mean it was damaged later.
    for (let frame = brokenAt + 1; frame <= frames; frame++) {
      const at = HEADER_BYTES + (frame - 1) * frameBytes;
      if (wal.subarray(at + 8, at + 16).equals(salts) && wal.readUInt32BE(at + 4) !== 0) {
        return {
          problem: `frame ${brokenAt} of ${frames} is garbled (its checksum fails), so SQLite would drop it and the committed transactions after it`,
          keptFrames,
        };
      }
    }
  }

  const indexed = committedFramesInIndex(shm, salts);
  if (indexed !== null && indexed > keptFrames) {
    return {
      problem: `it is cut short: its index (-shm) counts ${indexed} committed frames, but only ${keptFrames} are whole, so SQLite would drop the rest`,
      keptFrames,
    };
  }
  return { problem: null, keptFrames };
}

/**
 * How many frames the -shm index says are committed, when it is whole and
 * describes this generation of the journal (same salts); else null. The index
 * is written after the journal (and synced after it), so it never counts more
 * than a whole journal holds.
 */
function committedFramesInIndex(shm: Buffer | null, salts: Buffer): number | null {
  if (!shm || shm.length < INDEX_HEADER_BYTES * 2) return null;
  const first = shm.subarray(0, INDEX_HEADER_BYTES);
  if (!first.equals(shm.subarray(INDEX_HEADER_BYTES, INDEX_HEADER_BYTES * 2))) return null; // being written
  // The index is in the machine's byte order; SQLite's own version number tells which that is.
  const le = first.readUInt32LE(0) === FORMAT_VERSION;
  if (!le && first.readUInt32BE(0) !== FORMAT_VERSION) return null;
  if (first[12] !== 1) return null; // not initialised
  if (!first.subarray(32, 40).equals(salts)) return null;
  return le ? first.readUInt32LE(16) : first.readUInt32BE(16);
}

/** SQLite's WAL checksum over `length` bytes (a multiple of 8) from `start`, continuing from `sum`. */
function checksum(bytes: Buffer, start: number, length: number, sum: [number, number], bigEndian: boolean): [number, number] {
  let [s0, s1] = sum;
  for (let i = start; i < start + length; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

const sameChecksum = (sum: [number, number], bytes: Buffer, at: number): boolean =>
  sum[0] === bytes.readUInt32BE(at) && sum[1] === bytes.readUInt32BE(at + 4);
