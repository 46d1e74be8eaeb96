import { createHash } from 'node:crypto';
import type { ContactMethod, Person, PersonRef, Shift } from '../../shared/rosters';
import { formatInZone, formatStamp, zoneCity } from '../../shared/zoned-time';
import { escapeHtml } from '../html/markdown';
import { standalonePage } from '../html/page';
import { SCHEDULE_DAYS, type BreakGlassData, type BreakGlassRunbook, type BreakGlassSchedule, type BreakGlassTeam } from './collect';
import { BREAK_GLASS_SCRIPT } from './script';
import { BREAK_GLASS_STYLES } from './styles';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Nothing may load from anywhere: only this page's own script and styles (by
 * hash) and images inlined as data: URIs. Links still open when clicked.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(BREAK_GLASS_SCRIPT)}`,
  `style-src ${sha256(BREAK_GLASS_STYLES)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const h = escapeHtml;

/**
 * The break-glass file: one static HTML page with every runbook, who is on call
 * and for the next days, escalation chains and contacts, readable with no app
 * and no network, printable, light or dark as the system is.
 */
export function breakGlassHtml(data: BreakGlassData): string {
  const asOf = `${formatInZone(data.generatedAt, data.timeZone, { year: true })} ${zoneCity(data.timeZone)}`;
  const utc = formatStamp(data.generatedAt, 'UTC');
  const alsoUtc = data.timeZone === 'UTC' || data.timeZone === 'Etc/UTC' ? '' : ` <span class="utc">(${h(utc)})</span>`;
  return standalonePage({
    title: `Holdfast break-glass copy, as of ${asOf}`,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    styles: BREAK_GLASS_STYLES,
    body: `<header class="page-head">
  <p class="kicker">Holdfast break-glass copy</p>
  <h1>As of <time datetime="${h(data.generatedAt)}">${h(asOf)}</time>${alsoUtc} <span id="age" data-generated="${h(data.generatedAt)}"></span></h1>
  <p class="snapshot">A snapshot for when Holdfast cannot run: it does not update itself. Shifts, contacts and runbooks may have changed since.
  Written by Holdfast ${h(data.appVersion)} from <code>${h(data.databaseFile)}</code>.</p>
  <nav class="jump" aria-label="Sections">
    <a href="#runbooks">Runbooks (${data.runbooks.length})</a>
    <a href="#oncall">On call</a>
    <a href="#escalation">Escalation</a>
    <a href="#contacts">Contacts (${data.people.length})</a>
  </nav>
</header>
<div class="search" role="search">
  <label for="search">Search runbooks</label>
  <input id="search" type="search" autocomplete="off" spellcheck="false" placeholder="Words from a title or the text   ( / )">
  <p id="search-status" role="status" aria-live="polite">${data.runbooks.length} runbooks.</p>
</div>
<main>
${runbookIndex(data.runbooks)}
${onCallSection(data.teams)}
${escalationSection(data.teams)}
${contactsSection(data.people)}
<section id="runbook-texts" aria-label="Runbooks in full">
${data.runbooks.map(runbookArticle).join('\n')}
</section>
</main>
<script>${BREAK_GLASS_SCRIPT}</script>`,
  });
}

function runbookIndex(runbooks: BreakGlassRunbook[]): string {
  if (runbooks.length === 0) return `<section id="runbooks"><h2>Runbooks</h2><p>There are no runbooks.</p></section>`;
  const items = runbooks
    .map((runbook) => {
      const labels = [...runbook.services, ...runbook.tags.map((tag) => `#${tag}`)].join(' · ');
      return `<li data-target="${h(anchor(runbook))}" data-title="${h(runbook.title)}"><a href="#${h(anchor(runbook))}">${h(runbook.title)}</a>${
        labels ? ` <span class="labels">${h(labels)}</span>` : ''
      }${runbook.summary ? `<br><span class="summary">${h(runbook.summary)}</span>` : ''}</li>`;
    })
    .join('\n');
  return `<section id="runbooks" aria-labelledby="runbooks-title"><h2 id="runbooks-title">Runbooks</h2>
<ol id="runbook-index" class="runbook-index">
${items}
</ol></section>`;
}

function runbookArticle(runbook: BreakGlassRunbook): string {
  const facts = [
    runbook.services.length > 0 ? `Services: ${runbook.services.join(', ')}` : '',
    runbook.tags.length > 0 ? `Tags: ${runbook.tags.join(', ')}` : '',
    runbook.owner ? `Owner: ${runbook.owner}` : '',
    runbook.group ? `Group: ${runbook.group}` : '',
  ].filter(Boolean);
  return `<article class="runbook" id="${h(anchor(runbook))}" tabindex="-1" aria-labelledby="${h(anchor(runbook))}-title">
<h2 id="${h(anchor(runbook))}-title">${h(runbook.title)}</h2>
${facts.length > 0 ? `<p class="facts">${facts.map(h).join(' · ')}</p>` : ''}
${runbook.summary ? `<p class="summary">${h(runbook.summary)}</p>` : ''}
<div class="markdown">${runbook.html}</div>
<p class="back"><a href="#runbooks">Back to the runbook list</a></p>
</article>`;
}

const anchor = (runbook: BreakGlassRunbook) => `rb-${runbook.uid.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function onCallSection(teams: BreakGlassTeam[]): string {
  const schedules = teams.flatMap((team) => team.schedules.map((schedule) => ({ team: team.team.name, schedule })));
  if (schedules.length === 0) return `<section id="oncall"><h2>On call</h2><p>The roster has no schedules.</p></section>`;
  const now = schedules
    .map(({ team, schedule }) => {
      const entry = schedule.now;
      if (entry?.problem) return `<tr><th scope="row">${h(team)}</th><td>${h(schedule.name)}</td><td><strong class="gap">Unknown:</strong> ${h(entry.problem)}</td><td>${h(schedule.timeZone)}</td></tr>`;
      const who = entry?.person ? personText(entry.person) : '<strong class="gap">Nobody</strong>';
      const until = entry?.end ? ` until ${h(formatInZone(entry.end, schedule.timeZone))}` : entry?.boundaries ? ` (${h(entry.boundaries)})` : '';
      const next = entry?.next ? `; then ${entry.next.person ? personText(entry.next.person) : 'nobody'}` : '';
      return `<tr><th scope="row">${h(team)}</th><td>${h(schedule.name)}</td><td>${who}${until}${next}</td><td>${h(schedule.timeZone)}</td></tr>`;
    })
    .join('\n');
  return `<section id="oncall" aria-labelledby="oncall-title"><h2 id="oncall-title">On call</h2>
<h3>Now</h3>
<table><thead><tr><th scope="col">Team</th><th scope="col">Schedule</th><th scope="col">On call (times in the schedule’s zone)</th><th scope="col">Zone</th></tr></thead>
<tbody>
${now}
</tbody></table>
${schedules.map(({ team, schedule }) => scheduleTable(team, schedule)).join('\n')}
</section>`;
}

function scheduleTable(team: string, schedule: BreakGlassSchedule): string {
  const rows = schedule.shifts.map((shift) => shiftRow(shift, schedule.timeZone)).join('\n');
  return `<h3>${h(schedule.name)} <span class="muted">(${h(team)}) — the next ${SCHEDULE_DAYS} days, times in ${h(schedule.timeZone)}</span></h3>
<table class="shifts"><thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">On call</th></tr></thead>
<tbody>
${rows || `<tr><td colspan="3">${schedule.now?.problem ? h(schedule.now.problem) : 'No shifts.'}</td></tr>`}
</tbody></table>`;
}

function shiftRow(shift: Shift, zone: string): string {
  const who = shift.person ? personText(shift.person) : '<strong class="gap">Nobody (a gap)</strong>';
  const source = shift.source === 'override' ? ' <span class="override">override</span>' : '';
  return `<tr><td>${h(formatInZone(shift.start, zone, { year: true }))}</td><td>${h(formatInZone(shift.end, zone, { year: true }))}</td><td>${who}${source}</td></tr>`;
}

function escalationSection(teams: BreakGlassTeam[]): string {
  const chains = teams.filter((team) => team.escalation);
  if (chains.length === 0) return `<section id="escalation"><h2>Escalation</h2><p>No escalation policies.</p></section>`;
  const blocks = chains
    .map(({ team, escalation }) => {
      if (!escalation) return '';
      const levels = escalation.levels
        .map((level) => {
          const people = level.people.length > 0 ? level.people.map((person) => `${personText(person)} <span class="muted">(${h(person.via === 'directly' ? 'directly' : `on call for ${person.via}`)})</span> ${contactLinks(person.contacts)}`).join('<br>') : 'Nobody';
          return `<li><strong>Level ${level.level}</strong>, ${level.waitMinutes === 0 ? 'at once' : `after ${level.waitMinutes} min`}: ${people}</li>`;
        })
        .join('\n');
      const repeat = escalation.repeat > 0 ? `<p class="muted">The chain repeats ${escalation.repeat} time${escalation.repeat === 1 ? '' : 's'} after the last level.</p>` : '';
      return `<h3>${h(team.name)} <span class="muted">— ${h(escalation.policy)}</span></h3>
<ol class="levels">
${levels}
</ol>${repeat}`;
    })
    .join('\n');
  return `<section id="escalation" aria-labelledby="escalation-title"><h2 id="escalation-title">Escalation</h2>
<p class="muted">Who each level reaches as of this file; a schedule’s person changes with its shifts (see On call).</p>
${blocks}
</section>`;
}

function contactsSection(people: Person[]): string {
  if (people.length === 0) return `<section id="contacts"><h2>Contacts</h2><p>The roster has no people.</p></section>`;
  const rows = [...people]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((person) => `<tr><th scope="row">${h(person.name)} <span class="muted">@${h(person.handle)}</span></th><td>${h(person.timeZone)}</td><td>${contactLinks(person.contacts) || '—'}</td></tr>`)
    .join('\n');
  return `<section id="contacts" aria-labelledby="contacts-title"><h2 id="contacts-title">Contacts</h2>
<table><thead><tr><th scope="col">Person</th><th scope="col">Zone</th><th scope="col">Reach them</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

const personText = (person: PersonRef) => `<strong>${h(person.name)}</strong> <span class="muted">@${h(person.handle)}</span>`;

const CONTACT_LABELS: Record<ContactMethod['kind'], string> = { phone: 'Phone', sms: 'SMS', email: 'Email', chat: 'Chat' };

/** Each way to reach someone, as a link where the system can open one (tel:, sms:, mailto:). */
function contactLinks(contacts: ContactMethod[]): string {
  return contacts
    .map((contact) => {
      const label = `${CONTACT_LABELS[contact.kind]}: `;
      const href = contactHref(contact);
      const value = href ? `<a href="${h(href)}">${h(contact.value)}</a>` : h(contact.value);
      return `<span class="contact">${label}${value}</span>`;
    })
    .join(' ');
}

function contactHref(contact: ContactMethod): string | null {
  const digits = contact.value.replace(/[^\d+]/g, '');
  switch (contact.kind) {
    case 'phone':
      return digits ? `tel:${digits}` : null;
    case 'sms':
      return digits ? `sms:${digits}` : null;
    case 'email':
      return /^[^\s@<>"]+@[^\s@<>"]+$/.test(contact.value) ? `mailto:${contact.value}` : null;
    case 'chat':
      return null;
  }
}
