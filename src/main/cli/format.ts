import type { ImportReport, Runbook, RunbookHit, RunbookList } from '../../shared/runbooks';
import type { WorkspaceInfo } from '../../shared/workspace';

/** Plain-text renderings of operation results for people at a terminal. */

export function highlight(snippet: string, isTty: boolean): string {
  const [open, close] = isTty ? ['\u001b[1m', '\u001b[22m'] : ['', ''];
  return snippet.replaceAll('<mark>', open).replaceAll('</mark>', close).replace(/\s+/g, ' ').trim();
}

export function formatHits(hits: RunbookHit[], isTty: boolean): string {
  if (hits.length === 0) return 'No runbook matches.\n';
  const width = Math.max(...hits.map((hit) => String(hit.id).length));
  return hits
    .map((hit) => `${String(hit.id).padStart(width)}  ${hit.title}\n${' '.repeat(width + 2)}${highlight(hit.snippet, isTty)}\n`)
    .join('');
}

export function formatList(list: RunbookList): string {
  if (list.items.length === 0) return 'No runbooks.\n';
  const width = Math.max(...list.items.map((item) => String(item.id).length));
  return list.items
    .map((item) => {
      const labels = [...item.services, ...item.tags.map((tag) => `#${tag}`)].join(' ');
      return `${String(item.id).padStart(width)}  ${item.title}${labels ? `  (${labels})` : ''}\n`;
    })
    .join('');
}

export function formatRunbook(runbook: Runbook): string {
  const lines = [`# ${runbook.title}`, `id: ${runbook.id}`];
  if (runbook.services.length > 0) lines.push(`services: ${runbook.services.join(', ')}`);
  if (runbook.tags.length > 0) lines.push(`tags: ${runbook.tags.join(', ')}`);
  if (runbook.sourcePath) lines.push(`source: ${runbook.sourcePath}`);
  lines.push(`updated: ${runbook.updatedAt}`, '', runbook.body.trimEnd(), '');
  return lines.join('\n');
}

export function formatImport(report: ImportReport): string {
  const lines = [
    `Imported ${report.imported}, updated ${report.updated}, unchanged ${report.unchanged}, failed ${report.failed.length}, skipped ${report.skipped.length}.`,
    ...report.failed.map((failure) => `  failed  ${failure.path}: ${failure.error}`),
    ...report.skipped.map((skip) => `  skipped ${skip.path}: ${skip.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

export function formatWorkspace(info: WorkspaceInfo): string {
  return [
    `Holdfast ${info.appVersion}`,
    `data folder: ${info.dataDir}`,
    `database:    ${info.databaseFile} (schema ${info.schemaVersion})`,
    `runbooks:    ${info.runbookCount}${info.hasDemo ? ' (includes the demo workspace)' : ''}`,
    '',
  ].join('\n');
}
