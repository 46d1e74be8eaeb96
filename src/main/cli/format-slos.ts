import type { SloDataImportResult, SloDetail, SloExclusion, SloImportReport, SloListItem } from '../../shared/slos';

/** Plain-text renderings of SLOs for `holdfast slo …`. Instants are UTC. */

const percent = (fraction: number | null): string => (fraction === null ? '—' : `${(Math.round(fraction * 1000) / 10).toFixed(1)} %`);
const minutes = (value: number | null | undefined): string => (value === null || value === undefined ? '—' : `${Math.round(value * 10) / 10} min`);

export function formatSloImport(report: SloImportReport): string {
  const lines = [
    `Imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed.length}, skipped ${report.skipped.length} (OpenSLO objects).`,
    ...report.failed.map((failure) => `  failed  ${failure.path}: ${failure.error}`),
    ...report.skipped.map((skip) => `  skipped ${skip.path}: ${skip.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** One line per SLO, the least budget left first: status, budget left, minutes left, objective, window. */
export function formatSloList(items: SloListItem[]): string {
  if (items.length === 0) return 'No SLOs. Import OpenSLO files with: holdfast slo import PATH\n';
  const width = Math.max(...items.map((item) => item.name.length), 4);
  const header = `${'NAME'.padEnd(width)}  ${'STATUS'.padEnd(9)}  ${'LEFT'.padStart(8)}  ${'MIN LEFT'.padStart(10)}  ${'TARGET'.padStart(8)}  WINDOW        SERVICE`;
  const rows = items.map(
    (item) =>
      `${item.name.padEnd(width)}  ${item.status.padEnd(9)}  ${percent(item.budget.remaining).padStart(8)}  ${minutes(item.budgetMinutes?.remaining).padStart(10)}  ${percent(item.target).padStart(8)}  ${item.window.padEnd(12)}  ${item.service}`,
  );
  return `${[header, ...rows].join('\n')}\n`;
}

export function formatSlo(slo: SloDetail): string {
  const lines = [
    `${slo.name} (${slo.service}): ${slo.status}`,
    `objective ${percent(slo.target)} over ${slo.window}, ${slo.budgetingMethod}, from ${slo.source === 'incidents' ? 'the incidents' : 'imported data'}`,
    `SLI ${slo.sli === null ? '— (no data)' : `${(slo.sli * 100).toFixed(3)} %`}`,
    `budget left ${percent(slo.budget.remaining)}, used ${percent(slo.budget.consumed)}` +
      (slo.budgetMinutes ? ` (${minutes(slo.budgetMinutes.remaining)} of ${minutes(slo.budgetMinutes.total)} left)` : ''),
    '',
    'burn rates (long/short window, factor: rates)',
    ...slo.burnRates.map(
      (rate) => `  ${`${rate.long}/${rate.short}`.padEnd(7)} ${`${rate.factor}×`.padEnd(6)} ${String(rate.longRate ?? '—').padStart(8)} / ${String(rate.shortRate ?? '—').padEnd(8)}${rate.firing ? ' FIRING' : ''}`,
    ),
    '',
    slo.incidents.length === 0 ? 'no incidents on the service in the window' : 'incidents in the window',
    ...slo.incidents.map((incident) => `  #${incident.id} ${incident.title}: ${minutes(incident.badMinutes)} bad`),
    '',
  ];
  return lines.join('\n');
}

export function formatSloData(result: SloDataImportResult): string {
  if (result.unchanged) return `This file was imported before (${result.buckets} buckets, ${result.from} to ${result.to}); nothing changed.\n`;
  return `Imported ${result.buckets} buckets from ${result.from} to ${result.to}${result.replaced > 0 ? `, replacing ${result.replaced} stored` : ''}.\n`;
}

export const formatExclusion = (exclusion: SloExclusion): string => `Excluded ${exclusion.from} to ${exclusion.to}: ${exclusion.reason} (id ${exclusion.id}).\n`;

export const formatRemovedExclusion = (exclusion: SloExclusion): string =>
  `Removed the exclusion ${exclusion.from} to ${exclusion.to} (${exclusion.reason}): that time counts in the budget again.\n`;

/** One line per exclusion, the latest first: its id, span, who added it and why. */
export function formatExclusions(name: string, exclusions: SloExclusion[]): string {
  if (exclusions.length === 0) return `SLO "${name}" has no exclusions. Add one with: holdfast slo exclude ${name} --from ISO --to ISO --reason TEXT\n`;
  const by = Math.max(...exclusions.map((exclusion) => exclusion.createdBy.length), 2);
  const header = `${'ID'.padEnd(26)}  ${'FROM'.padEnd(24)}  ${'TO'.padEnd(24)}  ${'BY'.padEnd(by)}  REASON`;
  const rows = exclusions.map((exclusion) => `${exclusion.id.padEnd(26)}  ${exclusion.from.padEnd(24)}  ${exclusion.to.padEnd(24)}  ${exclusion.createdBy.padEnd(by)}  ${exclusion.reason}`);
  return `${[header, ...rows].join('\n')}\n`;
}
