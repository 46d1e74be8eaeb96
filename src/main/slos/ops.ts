/** SLOs' operations: OpenSLO definitions, SLI data, exclusions and budgets (see src/main/operations/op.ts for what a declaration holds). */
import type { ChangeEventBody } from '../../shared/events';
import {
  ExcludeSloTimeInput,
  ExportSlosInput,
  ImportSloDataInput,
  ImportSloDataTextInput,
  ImportSlosInput,
  ImportSloTextInput,
  IncidentBudgetsInput,
  ListSlosInput,
  RemoveSloExclusionInput,
  SloChartInput,
  SloExclusionsInput,
  SloInput,
} from '../../shared/slos';
import { op } from '../operations/context';

/** SLO definitions, data or exclusions changed: every budget a console shows may have moved. */
const slosChanged = (): ChangeEventBody[] => [{ type: 'slos.changed' }];

export const sloOps = {
  listSlos: op({
    input: ListSlosInput,
    summary: 'Every SLO with its error budget at an instant (default now), the least budget left first.',
    access: 'read',
    handler: (input, { slos }) => slos.list(input.at),
  }),
  getSlo: op({
    input: SloInput,
    summary: 'One SLO: its budget, SLI, burn-rate pairs and the incidents in its window.',
    access: 'read',
    handler: (input, { slos }) => slos.show(input.name, input.at),
  }),
  sloChart: op({
    input: SloChartInput,
    summary: 'An SLO’s burn-down over its window, with the policy thresholds, incidents, exclusions and a “what if” outage.',
    access: 'read',
    handler: (input, { slos }) => slos.chart(input.name, input.at, input.whatIfMinutes),
  }),
  incidentSloBudgets: op({
    input: IncidentBudgetsInput,
    summary: 'The SLOs of an incident’s services: each budget now and what the incident used of it.',
    access: 'read',
    handler: (input, { slos }) => slos.incidentBudgets(input.id),
  }),
  importSlos: op({
    input: ImportSlosInput,
    summary: 'Import OpenSLO (and Sloth) YAML files or folders; same kind and name updates.',
    access: 'write',
    handler: (input, { slos }) => slos.importPaths(input.paths),
    emits: slosChanged,
  }),
  previewSloImport: op({
    input: ImportSloTextInput,
    summary: 'What importing these OpenSLO files would add, update and refuse; nothing is stored.',
    access: 'read',
    handler: (input, { slos }) => slos.preview(input.files.map((file) => ({ path: file.name, text: file.text }))),
  }),
  importSloText: op({
    input: ImportSloTextInput,
    summary: 'Import OpenSLO files chosen in the console; same kind and name updates.',
    access: 'write',
    handler: (input, { slos }) => slos.importTexts(input.files.map((file) => ({ path: file.name, text: file.text }))),
    emits: slosChanged,
  }),
  exportSlos: op({
    input: ExportSlosInput,
    summary: 'Write every OpenSLO object as YAML, a folder per kind.',
    access: 'effect',
    handler: (input, { slos }) => slos.export(input.dir),
  }),
  importSloData: op({
    input: ImportSloDataInput,
    summary: 'Import an SLO’s SLI data from CSV or a Prometheus range answer (with its total answer); overlapping buckets replace.',
    access: 'write',
    handler: (input, { slos }) => slos.importData(input.name, input.path, input.total),
    emits: slosChanged,
  }),
  importSloDataText: op({
    input: ImportSloDataTextInput,
    summary: 'Import SLI data from a file chosen in the console.',
    access: 'write',
    handler: (input, { slos }) => slos.importDataText(input.name, input.file, input.total),
    emits: slosChanged,
  }),
  excludeSloTime: op({
    input: ExcludeSloTimeInput,
    summary: 'Exclude a maintenance window or data gap from an SLO (out of both sides of its ratio).',
    access: 'write',
    handler: (input, { slos }) => slos.exclude(input),
    emits: slosChanged,
  }),
  listSloExclusions: op({
    input: SloExclusionsInput,
    summary: 'Every exclusion of an SLO (maintenance windows, data gaps), the latest first.',
    access: 'read',
    handler: (input, { slos }) => slos.exclusions(input.name),
  }),
  removeSloExclusion: op({
    input: RemoveSloExclusionInput,
    summary: 'Remove an exclusion from an SLO: its time counts in the budget again.',
    access: 'write',
    handler: (input, { slos }) => slos.removeExclusion(input.name, input.id),
    emits: slosChanged,
  }),
};
