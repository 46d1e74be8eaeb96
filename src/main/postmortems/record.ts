import type { Incident, TimelineEvent } from '../../shared/incidents';
import type { ActionItem } from '../../shared/postmortems';
import { withoutTimer } from '../../shared/step-timer';

/** A web address as an explicit `<…>` autolink can hold it, ending before trailing punctuation. */
const WEB_ADDRESS = /(https?:\/\/(?:[!#$&-;=?-Z_a-z~]|%[\dA-Fa-f]{2})*(?:[#$&(*+\-/\d=@-Z_a-z~]|%[\dA-Fa-f]{2}))/u;

/**
 * Text typed as plain text (notes, names, summaries: the console shows them as
 * typed) made safe inside Markdown, so `<none>` from kubectl or `*.log` reads as
 * written instead of vanishing as an HTML tag or turning into emphasis. Web
 * addresses become `<https://…>` links.
 */
export function plainText(text: string): string {
  return text
    .split(WEB_ADDRESS)
    // `_` inside a word (payments_api) never starts emphasis, so it stays unescaped there, readable in the raw file.
    .map((part, index) => (index % 2 === 1 ? `<${part}>` : part.replace(/[\\`*[\]<>~&|]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (char) => `\\${char}`)))
    .join('');
}

/** The incident's record rendered as Markdown for each placeholder of the template. */
export function recordValues(incident: Incident, timeline: TimelineEvent[], actionItems: ActionItem[], review: { status: string; authors: string[]; date: string }): Record<string, string> {
  const zone = incident.timeZone;
  const visible = timeline.filter((event) => event.supersededBy === null && event.type !== 'key_marked' && event.type !== 'key_unmarked');
  const keyEvents = visible.filter((event) => event.key);
  return {
    id: String(incident.id),
    title: plainText(incident.title),
    severity: incident.severity,
    review_status: review.status,
    authors: review.authors.join(', ') || '_nobody yet_',
    date: review.date,
    summary: plainText(incident.resolutionSummary) || '_No resolution summary yet: the incident is still open._',
    services: incident.services.join(', ') || '_none recorded_',
    key_times: keyTimes(incident, zone),
    responders: responders(incident, timeline),
    key_timeline: keyEvents.length > 0 ? eventList(keyEvents, zone) : '_No events are marked key yet. The full timeline is in the appendix._',
    full_timeline: eventList(visible, zone),
    runbooks: runbooks(incident),
    action_items: actionItemsTable(actionItems),
  };
}

/** `2026-11-27 03:00 UTC (22:00 EST)`: UTC first, the incident's own zone beside it. */
export function utcWithLocal(iso: string, zone: string): string {
  // Both times are shown to the minute, so events logged in the same minute share one formatting:
  // a post-mortem formats every event of a timeline that may hold 10,000, twice.
  const minute = new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000).toISOString();
  const key = `${zone} ${minute}`;
  let text = formattedMinutes.get(key);
  if (text === undefined) {
    if (formattedMinutes.size >= 50_000) formattedMinutes.clear();
    formattedMinutes.set(key, (text = formatMinute(minute, zone)));
  }
  return text;
}

const formattedMinutes = new Map<string, string>();

function formatMinute(iso: string, zone: string): string {
  // One formatter per zone, reused.
  const date = new Date(iso);
  const utc = date.toISOString();
  const parts = Object.fromEntries(localFormat(zone).formatToParts(date).map((part) => [part.type, part.value]));
  const localDate = `${parts.year}-${parts.month}-${parts.day}`;
  const sameDay = localDate === utc.slice(0, 10);
  const utcText = `${utc.slice(0, 10)} ${utc.slice(11, 16)} UTC`;
  // An incident kept in UTC has no other zone to show beside it.
  if (parts.timeZoneName === 'UTC') return utcText;
  const localText = `${sameDay ? '' : `${localDate} `}${parts.hour}:${parts.minute} ${parts.timeZoneName ?? zone}`;
  return `${utcText} (${localText})`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function localFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formats.set(zone, format);
  }
  return format;
}


export function duration(fromIso: string | null, toIso: string | null): string {
  if (!fromIso || !toIso) return '—';
  const minutes = Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

function keyTimes(incident: Incident, zone: string): string {
  const row = (label: string, iso: string | null) => `| ${label} | ${iso ? utcWithLocal(iso, zone) : '—'} |`;
  return [
    '| Moment | When |',
    '|---|---|',
    row('Started', incident.startedAt),
    row('Detected', incident.detectedAt),
    row('Acknowledged', incident.acknowledgedAt),
    row('Mitigated', incident.mitigatedAt),
    row('Resolved', incident.resolvedAt),
    '',
    '| Duration | |',
    '|---|---|',
    `| Time to detect | ${duration(incident.startedAt, incident.detectedAt)} |`,
    `| Time to acknowledge | ${duration(incident.detectedAt, incident.acknowledgedAt)} |`,
    `| Time to mitigate | ${duration(incident.startedAt, incident.mitigatedAt)} |`,
    `| Time to resolve | ${duration(incident.startedAt, incident.resolvedAt)} |`,
  ].join('\n');
}

function responders(incident: Incident, timeline: TimelineEvent[]): string {
  if (incident.roles.length === 0) return '_No roles were assigned._';
  const lines = incident.roles.map((role) => `- **${plainText(capitalize(role.role))}**: ${plainText(role.person.name)}`);
  const handovers = timeline
    .filter((event) => event.type === 'role_assigned' && event.data.previous)
    .map((event) => `- ${utcWithLocal(event.at, incident.timeZone)}: ${plainText(event.text)}`);
  return [...lines, ...(handovers.length > 0 ? ['', 'Handovers:', '', ...handovers] : [])].join('\n');
}

function eventList(events: TimelineEvent[], zone: string): string {
  if (events.length === 0) return '_No events._';
  return events.map((event) => `- ${utcWithLocal(event.at, zone)} — ${plainText(event.actor)}: ${plainText(event.text.replace(/\n+/g, ' — '))}`).join('\n');
}

/** A step as one line: its first, without the timer marker. */
const stepLine = (step: { text: string }): string => withoutTimer(step.text.split('\n')[0] ?? '');

function runbooks(incident: Incident): string {
  if (incident.runbooks.length === 0) return '_No runbooks were attached._';
  return incident.runbooks
    .map((runbook) => {
      const rows = runbook.steps.map((step) => {
        // A step finished without being started has no duration worth reporting.
        const took = step.startedAt && step.finishedAt && step.startedAt !== step.finishedAt ? duration(step.startedAt, step.finishedAt) : '—';
        const text = stepLine(step).replace(/\|/g, '\\|');
        return `| ${step.number} | ${text} | ${step.state}${step.note ? `: ${plainText(step.note)}` : ''} | ${step.actor ? plainText(step.actor) : '—'} | ${took} |`;
      });
      const callouts = runbook.steps
        .filter((step) => step.state === 'skipped' || step.state === 'failed')
        .map((step) => `- **Step ${step.number} ${step.state}**: ${stepLine(step)}${step.note ? ` (${plainText(step.note)})` : ''}`);
      return [
        `### ${runbook.title} (revision ${runbook.revision})`,
        '',
        '| # | Step | Outcome | By | Took |',
        '|---|---|---|---|---|',
        ...rows,
        ...(callouts.length > 0 ? ['', ...callouts] : []),
      ].join('\n');
    })
    .join('\n\n');
}

function actionItemsTable(items: ActionItem[]): string {
  if (items.length === 0) return '_No action items yet._';
  return [
    '| Action | Type | Owner | Due | Status | Link |',
    '|---|---|---|---|---|---|',
    ...items.map((item) => `| ${plainText(item.description)} | ${item.type} | ${item.owner ? plainText(item.owner) : '—'} | ${item.dueDate ?? '—'} | ${item.status} | ${item.link || '—'} |`),
  ].join('\n');
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
