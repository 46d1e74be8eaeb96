import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { OpenSloKind } from '../../shared/slos';

/**
 * `holdfast slo export DIR`: every stored OpenSLO object, each in its own file
 * under a folder per kind (`slos/checkout-availability.yaml`), as the text it
 * was stored with, so fields and kinds Holdfast does not use go back out as they
 * came in. The same store exports the same bytes every time, and importing an
 * export reports every object unchanged (the hash is of this very text).
 */

export interface ExportableObject {
  kind: OpenSloKind;
  name: string;
  text: string;
}

export const KIND_FOLDERS: Record<OpenSloKind, string> = {
  SLO: 'slos',
  SLI: 'slis',
  Service: 'services',
  AlertPolicy: 'alert-policies',
  AlertCondition: 'alert-conditions',
  DataSource: 'data-sources',
  AlertNotificationTarget: 'alert-notification-targets',
};

/**
 * A file name for an object name. OpenSLO names may hold `/`, `\` and `|`; those
 * become `_`, and the name's hash is added so `a/b` and `a_b` never share a file.
 */
export function exportFileName(name: string): string {
  const safe = name.replace(/[^a-z0-9.-]/g, '_');
  if (safe === name) return `${name}.yaml`;
  return `${safe}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}.yaml`;
}

/** The files an export writes, sorted by path: `relativePath` uses forward slashes. */
export function exportFiles(objects: readonly ExportableObject[]): { relativePath: string; text: string }[] {
  return objects
    .map((object) => ({ relativePath: `${KIND_FOLDERS[object.kind]}/${exportFileName(object.name)}`, text: object.text }))
    .sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}

/** Writes the export under `dir` (made if missing); files of earlier exports that no object claims are left alone. */
export function writeSloExport(dir: string, objects: readonly ExportableObject[]): { dir: string; files: number } {
  const files = exportFiles(objects);
  for (const file of files) {
    const target = path.join(dir, ...file.relativePath.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.text);
  }
  return { dir, files: files.length };
}
