import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file whole or not at all: the text goes to a temporary file (in
 * `scratchDir`, by default beside the target; it must be on the same disk),
 * is flushed to the disk, then renamed over the target in one step. A reader,
 * a sync client or a kill never sees half a file. The temporary file is
 * removed if the write fails.
 */
export function writeFileWhole(file: string, text: string | Buffer, scratchDir = path.dirname(file)): void {
  const temporary = path.join(scratchDir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
