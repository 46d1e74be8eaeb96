import type { ExportReport, ImportReport, Runbook, RunbookHit, RunbookList, RunbookRevisionInfo } from '../../shared/runbooks';
import type { BreakGlassReport } from '../../shared/breakglass';
import type { WorkspaceInfo } from '../../shared/workspace';
import { stepLine } from '../../shared/step-text';

/** Plain-text renderings of operation results for people at a terminal. */

export function highlight(snippet: string, isTty: boolean): string {
  const [open, close] = isTty ? ['\u001b[1m', '\u001b[22m'] : ['', ''];
  return snippet.replaceAll('<mark>', open).replaceAll('</mark>', close).replace(/\s+/g, ' ').trim();
}

export function formatHits(hits: RunbookHit[], isTty: boolean): string {
  if (hits.length === 0) return 'No runbook matches.\n';
  const width = Math.max(...hits.map((hit) => String(hit.id).length));
  const lines = hits
    .map((hit) => {
      const where = hit.section ? `  § ${hit.section.title}` : '';
      return `${String(hit.id).padStart(width)}  ${hit.title}${where}\n${' '.repeat(width + 2)}${highlight(hit.snippet, isTty)}\n`;
    })
    .join('');
  const spelling = hits[0]?.spelling;
  return spelling ? `No exact match; showing results for "${spelling}".\n${lines}` : lines;
}

export function formatList(list: RunbookList): string {
  if (list.items.length === 0) return 'No runbooks.\n';
  const width = Math.max(...list.items.map((item) => String(item.id).length));
  return list.items
    .map((item) => {
      const labels = [...item.services, ...item.tags.map((tag) => `#${tag}`)].join(' ');
      const due = item.reviewDue ? '  [review due]' : '';
      return `${String(item.id).padStart(width)}  ${item.title}${labels ? `  (${labels})` : ''}${due}\n`;
    })
    .join('');
}

export function formatRunbook(runbook: Runbook): string {
  const lines = [`# ${runbook.title}`, `id: ${runbook.id} (stable id ${runbook.uid})`];
  if (runbook.alerts.length > 0) lines.push(`alerts: ${runbook.alerts.join(', ')}`);
  if (runbook.services.length > 0) lines.push(`services: ${runbook.services.join(', ')}`);
  if (runbook.tags.length > 0) lines.push(`tags: ${runbook.tags.join(', ')}`);
  if (runbook.sourcePath) lines.push(`source: ${runbook.sourcePath}`);
  if (runbook.nextReviewOn) lines.push(`next review: ${runbook.nextReviewOn}${runbook.reviewDue ? ' (due)' : ''}`);
  lines.push(`revision: ${runbook.revision}, updated ${runbook.updatedAt}`, '', runbook.body.trimEnd(), '');
  if (runbook.steps.length > 0) {
    lines.push('Steps:');
    for (const step of runbook.steps) {
      const timer = step.timerSeconds === null ? '' : `  [timer ${formatSeconds(step.timerSeconds)}]`;
      lines.push(`  ${step.number}. ${stepLine(step.text)}${timer}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function formatImport(report: ImportReport): string {
  const lines = [
    `Imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed.length}, skipped ${report.skipped.length}.`,
    ...report.failed.map((failure) => `  failed  ${failure.path}: ${failure.error}`),
    ...report.skipped.map((skip) => `  skipped ${skip.path}: ${skip.reason}`),
    ...report.groups.map((group) => `  group   ${group.path}: ${group.title}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function formatWorkspace(info: WorkspaceInfo): string {
  return [
    `Holdfast ${info.appVersion}`,
    `data folder: ${info.dataDir}`,
    `database:    ${info.databaseFile} (schema ${info.schemaVersion})`,
    `runbooks:    ${info.runbookCount}${info.hasDemo ? ' (includes the demo workspace)' : ''}`,
    `author:      ${info.author}`,
    `procedure headings: ${info.procedureHeadings.join(', ')}`,
    `break-glass file: ${info.breakGlass.file ?? 'not kept anywhere (holdfast settings --break-glass-path DIR)'}${info.breakGlass.error ? ` (last write failed: ${info.breakGlass.error})` : ''}`,
    `git for team sync: ${info.gitPath ?? 'git on PATH (holdfast settings --git-path FILE sets another)'}`,
    '',
  ].join('\n');
}

export function formatBreakGlass(report: BreakGlassReport): string {
  return `Wrote ${report.file} (${report.runbooks} runbooks, ${report.schedules} schedules, as of ${report.generatedAt}).\n`;
}

export function formatExport(report: ExportReport): string {
  return `Wrote ${report.files.length} files to ${report.dir}.\n`;
}

export function formatRevisions(revisions: RunbookRevisionInfo[]): string {
  return revisions.map((r) => `${String(r.number).padStart(4)}  ${r.createdAt}  ${r.author}  ${r.message}\n`).join('');
}

function formatSeconds(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return [hours ? `${hours}h` : '', minutes ? `${minutes}m` : '', rest ? `${rest}s` : ''].join('') || '0s';
}
