/** A time as it goes into file names: `2026-11-27T03-00-00-000Z`. */
export const fileStamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');
