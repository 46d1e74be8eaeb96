import type { WhatChangedItem } from '../../shared/changes';
import type { Incident, TimelineEvent } from '../../shared/incidents';
import type { ActionItem } from '../../shared/postmortems';
import { stepSummary } from '../../shared/step-text';
import { zonedParts } from '../../shared/zoned-time';

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
export function recordValues(
  incident: Incident,
  timeline: TimelineEvent[],
  actionItems: ActionItem[],
  review: { status: string; authors: string[]; date: string },
  changes: readonly WhatChangedItem[] = [],
): Record<string, string> {
  const zone = incident.timeZone;
  const visible = asCorrected(timeline);
  const keyEvents = visible.filter((entry) => entry.key);
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
    key_timeline: keyEvents.length > 0 ? eventList(keyEvents, zone, 'folded') : '_No events are marked key yet. The full timeline is in the appendix._',
    full_timeline: eventList(visible, zone, 'whole'),
    runbooks: runbooks(incident),
    changes_before: changesBefore(changes, zone),
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
  const utc = zonedParts(iso, 'UTC');
  const local = zonedParts(iso, zone);
  if (!utc || !local) return iso;
  const utcText = `${utc.date} ${utc.time} UTC`;
  // An incident kept in UTC has no other zone to show beside it.
  if (local.zoneName === 'UTC') return utcText;
  return `${utcText} (${local.date === utc.date ? '' : `${local.date} `}${local.time} ${local.zoneName})`;
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

/** Who held each role, every handover, and everyone who acted on the timeline (by name where a role gave one). */
function responders(incident: Incident, timeline: TimelineEvent[]): string {
  const lines = incident.roles.length === 0 ? ['_No roles were assigned._'] : incident.roles.map((role) => `- **${plainText(capitalize(role.role))}**: ${plainText(role.person.name)}`);
  const handovers = timeline
    .filter((event) => event.type === 'role_assigned' && event.data.previous)
    .map((event) => `- ${utcWithLocal(event.at, incident.timeZone)}: ${plainText(event.text)}`);
  const everyone = actors(timeline);
  return [
    ...lines,
    ...(handovers.length > 0 ? ['', 'Handovers:', '', ...handovers] : []),
    ...(everyone.length > 0 ? ['', `Everyone who acted on the timeline, first to act first: ${everyone.map(plainText).join(', ')}.`] : []),
  ].join('\n');
}

/** The people behind the timeline's events, once each, in the order they first acted; a role holder's handle reads as their name. */
function actors(timeline: TimelineEvent[]): string[] {
  const names = new Map<string, string>();
  for (const event of timeline) {
    if (event.type !== 'role_assigned') continue;
    const person = event.data.person as { handle?: unknown; name?: unknown } | undefined;
    if (typeof person?.handle === 'string' && person.handle !== '' && typeof person.name === 'string') names.set(person.handle.toLowerCase(), person.name);
  }
  const seen = new Set<string>();
  for (const event of timeline) seen.add(names.get(event.actor.toLowerCase()) ?? event.actor);
  return [...seen];
}

/** An event as the post-mortem tells it: its last corrected text, at the time and by the person that first logged it. */
interface Told {
  event: TimelineEvent;
  at: string;
  actor: string;
  corrected: { at: string; actor: string } | null;
  /** Key if the original or any correction of it was marked key. */
  key: boolean;
}

/**
 * The timeline as it stands after corrections: a corrected event keeps its own
 * time and place with its last correction's text, and says when it was
 * corrected (logged 06:35, corrected 06:36: "06:35 …, corrected 06:36 UTC").
 * Key marks are left out.
 */
function asCorrected(timeline: TimelineEvent[]): Told[] {
  const byId = new Map(timeline.map((event) => [event.id, event]));
  const told: Told[] = [];
  for (const event of timeline) {
    if (event.type === 'key_marked' || event.type === 'key_unmarked') continue;
    const original = typeof event.data.supersedes === 'number' ? byId.get(event.data.supersedes) : undefined;
    if (event.type === 'correction' && original) continue; // told in its original's place
    let last = event;
    let key = event.key;
    for (let next = byId.get(last.supersededBy ?? -1); next; next = byId.get(next.supersededBy ?? -1)) {
      last = next;
      key ||= next.key;
    }
    told.push({ event: last, at: event.at, actor: event.actor, corrected: last === event ? null : { at: last.at, actor: last.actor }, key });
  }
  return told;
}

/** "03:23 UTC", with the date when that is another day than `since`. */
function correctedAt(iso: string, since: string): string {
  const utc = new Date(iso).toISOString();
  return `${utc.slice(0, 10) === new Date(since).toISOString().slice(0, 10) ? '' : `${utc.slice(0, 10)} `}${utc.slice(11, 16)} UTC`;
}

/**
 * One line per event. A long text (a pasted log: more than `LONG_LINES` lines or
 * `LONG_CHARS` characters) is written whole in the appendix, as a code block
 * under its line so it keeps its lines; elsewhere (`folded`) only its first line
 * shows, pointing to the appendix. Short texts read on one line.
 */
function eventList(entries: Told[], zone: string, mode: 'whole' | 'folded'): string {
  if (entries.length === 0) return '_No events._';
  return entries
    .map(({ event, at, actor, corrected }) => {
      const correction = corrected ? `, corrected ${correctedAt(corrected.at, at)}${corrected.actor === actor ? '' : ` by ${plainText(corrected.actor)}`}` : '';
      const head = `- ${utcWithLocal(at, zone)}${correction} — ${plainText(actor)}: `;
      if (!isLong(event.text)) return `${head}${plainText(event.text.replace(/\n+/g, ' — '))}`;
      const lines = event.text.replace(/\r\n?/g, '\n').split('\n');
      const where = mode === 'whole' ? 'in full below' : 'in full in the appendix';
      const headline = `${head}${plainText(firstWords(lines))} (${lines.length.toLocaleString('en')} lines, ${event.text.length.toLocaleString('en')} characters; ${where})`;
      return mode === 'whole' ? `${headline}\n${indentedCodeBlock(lines)}` : headline;
    })
    .join('\n');
}

const LONG_LINES = 3;
const LONG_CHARS = 500;

function isLong(text: string): boolean {
  return text.length > LONG_CHARS || text.split('\n', LONG_LINES + 1).length > LONG_LINES;
}

/** The first line with words in it, cut at 200 characters. */
function firstWords(lines: string[]): string {
  const line = (lines.find((candidate) => candidate.trim() !== '') ?? '').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** The lines as a fenced code block inside a list item (indented two spaces), its fence longer than any run of backticks in them. */
function indentedCodeBlock(lines: string[]): string {
  let longestRun = 0;
  for (const line of lines) for (const run of line.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return [`  ${fence}`, ...lines.map((line) => (line.trim() === '' ? '' : `  ${line}`)), `  ${fence}`].join('\n');
}

/** A step as one line of Markdown (its whole first paragraph, without the timer marker): the HTML export renders it. */
const stepLine = (step: { text: string }): string => stepSummary(step.text);

/** "What changed?" as the post-mortem lists it: newest first within each reason, each with why. */
function changesBefore(changes: readonly WhatChangedItem[], zone: string): string {
  if (changes.length === 0) return '_No change or change event is recorded on its services in the 72 hours before it started._';
  return changes
    .map((item) => `- ${utcWithLocal(item.at, zone)}: ${changeName(item)} (${item.services.join(', ') || 'any service'}): ${item.why}${eventLinks(item)}`)
    .join('\n');
}

/** `change #4 **Title**`: the number `holdfast change show` and the console's change screen take; an event by its summary. */
const changeName = (item: WhatChangedItem): string =>
  item.kind === 'change' ? `change${item.number === null ? '' : ` #${item.number}`} **${plainText(item.title)}**` : `change event **${plainText(item.title)}**`;

/** An event's links (its CI run, its flag's page), which a reader of the exported post-mortem can follow too. */
function eventLinks(item: WhatChangedItem): string {
  const links = item.links.filter((link) => /^https?:\/\//i.test(link.href));
  if (links.length === 0) return '';
  return ` (${links.map((link) => `[${plainText(link.text || new URL(link.href).host)}](<${link.href.replace(/[<>\s]/g, encodeURIComponent)}>)`).join(', ')})`;
}

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
