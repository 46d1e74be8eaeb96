import { FILE_LIMITS } from '../../shared/limits';
import type { OpenSloKind, SloImportReport } from '../../shared/slos';
import { sloDefinition, type SloDefinition } from './definition';
import { collectFiles, describeFileError } from '../files/collect';
import { readLimitedText } from '../files/read-limited';
import { KIND_SCHEMAS, type SliSpec } from './openslo-schema';
import { readSloYaml, type SloObject } from './openslo-read';
import { readPolicyAnnotations } from './policy';

/**
 * `holdfast slo import PATH…`, without the storing: reads files and folders
 * (recursively, `.yaml` and `.yml`), checks every object, resolves each SLO's
 * indicator, and says per object whether storing it would add, update or leave
 * it. A file is taken whole or not at all: one invalid document fails its file
 * (named in `failed` with the document and field), and the other files still
 * import. Documents that are not OpenSLO v1 (another kind, another apiVersion)
 * are `skipped` with why.
 */

const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);

/** What the store holds already, as far as an import needs to know. */
export interface KnownSloObjects {
  /** The hash of the stored object of that kind and name; undefined when there is none. */
  hashOf(kind: OpenSloKind, name: string): string | undefined;
  /** A stored SLI's spec, for an `indicatorRef` to an SLI this import does not hold. */
  sli(name: string): SliSpec | undefined;
}

export const NOTHING_KNOWN: KnownSloObjects = { hashOf: () => undefined, sli: () => undefined };

export type ImportChange = 'imported' | 'updated' | 'unchanged';

export interface ImportedObject extends SloObject {
  path: string;
  change: ImportChange;
}

export interface SloImport {
  report: SloImportReport;
  /** Every object that would be stored, in the order read. */
  objects: ImportedObject[];
  /** The SLOs among them, as Holdfast computes with them. */
  definitions: SloDefinition[];
}

interface FileObjects {
  path: string;
  objects: SloObject[];
}

export function readSloImport(paths: string[], known: KnownSloObjects = NOTHING_KNOWN): SloImport {
  const report: SloImportReport = { imported: 0, updated: 0, unchanged: 0, failed: [], skipped: [] };
  const sources: SloSource[] = [];
  for (const given of paths) {
    let found: string[];
    try {
      found = collectFiles(given, YAML_EXTENSIONS);
    } catch (error) {
      report.failed.push({ path: given, error: describeFileError(error, given) });
      continue;
    }
    for (const file of found) {
      try {
        sources.push({ path: file, text: readLimitedText(file, FILE_LIMITS.slo) });
      } catch (error) {
        report.failed.push({ path: file, error: describeFileError(error, file) });
      }
    }
  }
  return readSloSources(sources, known, report);
}

/** A file's name (or path) and its text: a file read from disk, or one chosen in the console. */
export interface SloSource {
  path: string;
  text: string;
}

/** `readSloImport` over texts already read (files chosen in the console, whose text the browser sends). */
export function readSloSources(sources: readonly SloSource[], known: KnownSloObjects = NOTHING_KNOWN, report: SloImportReport = emptyReport()): SloImport {
  const files: FileObjects[] = [];
  const claimed = new Map<string, string>();
  for (const { path: file, text } of sources) {
    const read = readOne(file, text, report);
    if (!read) continue;
    const inFile = new Map<string, string>();
    const clash = read.objects
      .map((object) => {
        const earlier = claimed.get(key(object)) ?? inFile.get(key(object));
        inFile.set(key(object), `${file} (${object.where})`);
        return [object, earlier] as const;
      })
      .find(([, earlier]) => earlier !== undefined);
    if (clash) {
      const [object, earlier] = clash;
      report.failed.push({ path: file, error: `${object.where}: ${object.kind} "${object.name}" is also defined in ${earlier}; names are unique per kind` });
      continue;
    }
    for (const object of read.objects) claimed.set(key(object), `${file} (${object.where})`);
    files.push({ path: file, objects: read.objects });
  }
  const slis = new Map<string, SliSpec>();
  for (const { objects } of files) {
    for (const object of objects) if (object.kind === 'SLI') slis.set(object.name, KIND_SCHEMAS.SLI.parse(object.value).spec);
  }
  const result: SloImport = { report, objects: [], definitions: [] };
  for (const file of files) {
    const definitions: SloDefinition[] = [];
    const problems: string[] = [];
    for (const object of file.objects) {
      if (object.kind === 'Service' || object.kind === 'SLO') {
        const annotations = (object.value.metadata as { annotations?: Record<string, string> }).annotations ?? {};
        problems.push(...readPolicyAnnotations(annotations).problems.map((problem) => `${object.where} (${object.kind} "${object.name}"): ${problem}`));
      }
      if (object.kind !== 'SLO') continue;
      try {
        definitions.push(defineSlo(object, slis, known));
      } catch (error) {
        problems.push(`${object.where} (SLO "${object.name}"): ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (problems.length > 0) {
      report.failed.push({ path: file.path, error: problems.join('; ') });
      continue;
    }
    result.definitions.push(...definitions);
    for (const object of file.objects) {
      const stored = known.hashOf(object.kind, object.name);
      const change: ImportChange = stored === undefined ? 'imported' : stored === object.hash ? 'unchanged' : 'updated';
      report[change] += 1;
      result.objects.push({ ...object, path: file.path, change });
    }
  }
  return result;
}

const emptyReport = (): SloImportReport => ({ imported: 0, updated: 0, unchanged: 0, failed: [], skipped: [] });

function readOne(file: string, text: string, report: SloImportReport): { objects: SloObject[] } | null {
  try {
    const read = readSloYaml(text);
    report.skipped.push(...read.skipped.map((reason) => ({ path: file, reason })));
    if (read.objects.length === 0 && read.skipped.length === 0) report.skipped.push({ path: file, reason: 'no YAML documents in it' });
    return read;
  } catch (error) {
    report.failed.push({ path: file, error: describeFileError(error, file) });
    return null;
  }
}

const key = (object: SloObject): string => `${object.kind}\u0000${object.name}`;

/** An SLO object as Holdfast computes with it, its indicator inline, in this import, or stored. Throws what is wrong. */
export function defineSlo(object: SloObject, slis: Map<string, SliSpec>, known: KnownSloObjects): SloDefinition {
  const slo = KIND_SCHEMAS.SLO.parse(object.value);
  const ref = slo.spec.indicatorRef;
  const indicator = slo.spec.indicator?.spec ?? (ref === undefined ? undefined : (slis.get(ref) ?? known.sli(ref)));
  if (!indicator) throw new Error(`spec.indicatorRef names the SLI "${ref ?? ''}", which is neither in this import nor stored; import the SLI with it`);
  const definition = sloDefinition(slo, indicator);
  if (definition.indicator === 'threshold') {
    if (slo.spec.objectives.length > 1) throw new Error(`spec.objectives may hold only one objective: the SLI "${ref ?? ''}" is a thresholdMetric`);
    if (definition.op === null || definition.value === null) {
      throw new Error(`spec.objectives[0] needs op and value: the SLI "${ref ?? ''}" is a thresholdMetric, whose values are compared with them`);
    }
  }
  return definition;
}
