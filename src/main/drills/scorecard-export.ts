import { csvFile } from '../../shared/csv';
import type { Scorecard, ScorecardFile, ScorecardRow } from '../../shared/drills';
import { clockText, formatDuration } from '../../shared/durations';
import { plainInline } from '../../shared/step-text';
import { formatStamp } from '../../shared/zoned-time';

type Format = 'markdown' | 'csv';

/** The scorecard as a file to download: Markdown to read and paste, CSV for a spreadsheet. */
export function exportScorecard(scorecard: Scorecard, format: Format): ScorecardFile {
  const base = `drill-scorecard-${slug(scorecard.scenario)}-${scorecard.startedAt.slice(0, 10)}`;
  return format === 'markdown'
    ? { fileName: `${base}.md`, mimeType: 'text/markdown;charset=utf-8', content: scorecardMarkdown(scorecard) }
    : { fileName: `${base}.csv`, mimeType: 'text/csv;charset=utf-8', content: scorecardCsv(scorecard) };
}

/** What a measure's result says in words (never colour alone). */
export function resultLabel(row: Pick<ScorecardRow, 'met' | 'actualMinutes'>): string {
  if (row.met === null) return 'no target';
  if (row.met) return 'met';
  return row.actualMinutes === null ? 'missed (not reached)' : 'missed';
}

/** Steps the team started, finished, skipped or failed; untouched ones are only counted. */
export const touchedSteps = (scorecard: Scorecard): Scorecard['steps'] => scorecard.steps.filter((step) => step.state !== 'pending');

export function scorecardMarkdown(scorecard: Scorecard): string {
  // Durations as people say them ("4 min 24 s", never "4.4 min"); moments on the drill clock as it shows them ("06:00").
  const minutes = (value: number | null) => (value === null ? '—' : formatDuration(value * 60));
  const at = (value: number | null) => (value === null ? '—' : clockText(Math.round(value * 60)));
  const steps = touchedSteps(scorecard);
  const untouched = scorecard.steps.length - steps.length;
  const lines = [
    `# Drill scorecard: ${scorecard.scenario}`,
    '',
    `- Started: ${formatStamp(scorecard.startedAt, 'UTC')}`,
    `- Drill clock: ${minutes(scorecard.durationMinutes)} (time spent paused not counted)`,
    '',
    '## Times against targets',
    '',
    ...table(
      ['Measure', 'Actual', 'Target', 'Result'],
      scorecard.rows.map((row) => [row.measure, minutes(row.actualMinutes), minutes(row.targetMinutes), `${row.met === null ? '' : row.met ? '✓ ' : '✗ '}${resultLabel(row)}`]),
    ),
    '',
    '## Steps',
    '',
    ...(steps.length === 0
      ? ['No runbook step was worked.']
      : table(
          ['Runbook', 'Step', 'Started', 'Finished', 'Duration', 'State'],
          steps.map((step) => [step.runbook, `${step.step}. ${step.text}`, at(step.startMinutes), at(step.endMinutes), minutes(step.durationMinutes), step.state]),
        )),
    ...(untouched > 0 ? ['', `${untouched} more step${untouched === 1 ? '' : 's'} not worked.`] : []),
    '',
    '## Injects',
    '',
    ...(scorecard.injects.length === 0
      ? ['The scenario has no injects.']
      : table(
          ['Inject', 'Fired at', 'Status'],
          scorecard.injects.map((inject) => [inject.title, at(inject.firedAtMinutes), inject.status]),
        )),
    '',
    '## Observations',
    '',
    ...(scorecard.observations.length === 0
      ? ['None.']
      : scorecard.observations.map((observation) => `- ${clockText(observation.elapsedSeconds)} — ${oneLine(observation.text)}`)),
  ];
  return `${lines.join('\n')}\n`;
}

/** One rectangular table, a row per measure, step, inject and observation; times in drill-clock minutes. */
export function scorecardCsv(scorecard: Scorecard): string {
  const rows: (string | number | null)[][] = [['kind', 'name', 'text', 'at_minutes', 'end_minutes', 'minutes', 'target_minutes', 'result']];
  for (const row of scorecard.rows) rows.push(['measure', row.measure, '', null, null, row.actualMinutes, row.targetMinutes, resultLabel(row)]);
  for (const step of touchedSteps(scorecard)) {
    rows.push(['step', `${step.runbook} #${step.step}`, plainInline(step.text), step.startMinutes, step.endMinutes, step.durationMinutes, null, step.state]);
  }
  for (const inject of scorecard.injects) rows.push(['inject', inject.title, '', inject.firedAtMinutes, null, null, null, inject.status]);
  for (const observation of scorecard.observations) {
    rows.push(['observation', '', observation.text, Math.round((observation.elapsedSeconds / 60) * 10) / 10, null, null, null, '']);
  }
  rows.push(['duration', 'Drill clock', '', null, null, scorecard.durationMinutes, null, '']);
  return csvFile(rows);
}

function table(head: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map((cell) => oneLine(cell).replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(head), `| ${head.map(() => '---').join(' | ')} |`, ...rows.map(line)];
}

const oneLine = (text: string) => text.replace(/\s*\r?\n\s*/g, ' ').trim();

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'drill';
