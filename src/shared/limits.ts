/**
 * How big an input Holdfast accepts, in one place. Anything larger is refused
 * before it is read or parsed, with a message naming the file and the limit,
 * so a stray 50 MB file or a runaway script cannot freeze the console.
 * Real inputs are far smaller: runbooks are a few kilobytes, a large roster a
 * few thousand lines.
 */
export const LIMITS = {
  /** A runbook's Markdown, as a file or in the editor (characters or bytes). */
  runbookBytes: 1_000_000,
  /** An image imported with a runbook. */
  runbookAssetBytes: 10_000_000,
  /** A YAML roster file. */
  rosterBytes: 5_000_000,
  rosterLines: 100_000,
  /** A CSV file of people. */
  peopleCsvBytes: 5_000_000,
  peopleCsvLines: 100_000,
  /** A drill scenario's Markdown. */
  drillBytes: 1_000_000,
  /** One request body of `holdfast web` (a runbook of the largest size, JSON-escaped, fits). */
  requestBytes: 8_000_000,
  /** A file or folder path given to an operation (Linux allows 4096 bytes). */
  pathChars: 4096,
  /** How many files or folders one import may name. */
  importPaths: 1000,
  /**
   * A timeline note or its correction, or a drill observation, in characters: a
   * log pasted during an incident (often 100 kB) is kept whole. Over it, the
   * console says so and keeps the text in the field; nothing is ever cut.
   */
  noteChars: 1_000_000,
  /** A status update: a message people read, not a log. */
  statusUpdateChars: 10_000,
  /** What a status update's template says the impact is. */
  impactChars: 2_000,
  /** A note logged with a runbook step. */
  stepNoteChars: 2_000,
  /** The resolution summary: one paragraph on what happened and what fixed it. */
  summaryChars: 5_000,
  /** A post-mortem section as edited: the full timeline with its pasted logs fits. */
  postmortemSectionChars: 4_000_000,
} as const;

/** What a file of one kind may hold; `what` names the kind in messages ("a roster file"). */
export interface FileLimit {
  what: string;
  bytes: number;
  lines?: number;
}

export const FILE_LIMITS = {
  runbook: { what: 'a runbook file', bytes: LIMITS.runbookBytes },
  runbookAsset: { what: 'an image imported with a runbook', bytes: LIMITS.runbookAssetBytes },
  roster: { what: 'a roster file', bytes: LIMITS.rosterBytes, lines: LIMITS.rosterLines },
  peopleCsv: { what: 'a CSV file of people', bytes: LIMITS.peopleCsvBytes, lines: LIMITS.peopleCsvLines },
  drill: { what: 'a drill scenario file', bytes: LIMITS.drillBytes },
} as const satisfies Record<string, FileLimit>;

/** `1 MB`, `8 MB`, `512 kB`: a size as people read it (decimal units). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${trim(bytes / 1_000_000)} MB`;
  if (bytes >= 1_000) return `${trim(bytes / 1_000)} kB`;
  return `${bytes} bytes`;
}

const trim = (value: number): string => value.toFixed(1).replace(/\.0$/, '');
