import type { Change, ChangeEvent, IncidentRef, WhatChangedItem, WhyCode } from '../../shared/changes';
import { WHY_CODES } from '../../shared/changes';
import { progressOf } from './walk';

/**
 * "What changed?" for an incident: the changes and external change events on
 * its services from the look-back window before it started until it was
 * resolved (or now), strongest reason first, newest first among equals, each
 * with why it is listed. A change that was never started (a draft, a scheduled
 * or cancelled one) changed nothing and is not listed. Pure and linear: the
 * store narrows the events by service and time first (index on service, at).
 */

export interface WhatChangedOptions {
  /** How far before the incident's start to look, in hours (default 72). */
  lookBackHours?: number;
  /** What counts as "just before" the start, in minutes (default 60). */
  justBeforeMinutes?: number;
  /** The end of the search for an unresolved incident (default: no end). */
  now?: number;
}

export const DEFAULT_LOOK_BACK_HOURS = 72;
export const DEFAULT_JUST_BEFORE_MINUTES = 60;

const RANK = new Map<WhyCode, number>(WHY_CODES.map((code, i) => [code, i]));

export function whatChanged(incident: IncidentRef, changes: readonly (Change & { id?: number })[], events: readonly ChangeEvent[], options: WhatChangedOptions = {}): WhatChangedItem[] {
  const started = Date.parse(incident.startedAt);
  const from = started - (options.lookBackHours ?? DEFAULT_LOOK_BACK_HOURS) * 3_600_000;
  const to = incident.resolvedAt ? Date.parse(incident.resolvedAt) : (options.now ?? Infinity);
  const justBefore = started - (options.justBeforeMinutes ?? DEFAULT_JUST_BEFORE_MINUTES) * 60_000;
  const wanted = new Set(incident.services);
  const words = whyWords(options.justBeforeMinutes ?? DEFAULT_JUST_BEFORE_MINUTES);

  /** Which of the incident's services an item touches; null when it is not about them. */
  const touching = (services: readonly string[]): { codes: WhyCode[]; shared: string[] } | null => {
    if (wanted.size === 0) return { codes: ['any-service'], shared: [] };
    if (services.length === 0) return { codes: ['any-service'], shared: [] };
    const shared = services.filter((service) => wanted.has(service));
    return shared.length > 0 ? { codes: ['same-service'], shared } : null;
  };

  const ranked: { item: WhatChangedItem; rank: number; at: string }[] = [];
  /** `at` is UTC ISO-8601 as toISOString writes it: such strings sort as their instants do. */
  const add = (found: Pick<WhatChangedItem, 'kind' | 'id' | 'title' | 'services' | 'at' | 'number' | 'links'>, codes: WhyCode[], shared: string[]) => {
    codes.sort((a, b) => (RANK.get(a) ?? 0) - (RANK.get(b) ?? 0));
    const why = codes
      .map((code) => (code === 'same-service' ? `${words[code]}: ${shared.join(', ')}` : code === 'any-service' && wanted.size === 0 ? 'the incident names no service' : words[code]))
      .join('; ');
    const { kind, id, title, services, at, number, links } = found;
    ranked.push({ item: { kind, id, title, services, at, why, reasons: codes, number, links }, rank: RANK.get(codes[0] ?? 'any-service') ?? 99, at });
  };

  for (const change of changes) {
    const progress = progressOf(change);
    if (progress.startedAt === null) continue;
    const startedAt = progress.startedAt;
    const finished = progress.finishedAt ?? Infinity;
    if (startedAt >= to || finished < from) continue;
    const match = touching(change.services);
    if (!match) continue;
    const codes = [...match.codes];
    if (startedAt <= started && finished > started) codes.push('in-progress');
    if (progress.state === 'rolled-back') codes.push('rolled-back');
    if (progress.tiers.some((tier) => tier.pre?.result === 'fail' || tier.post?.result === 'fail')) codes.push('failed-gate');
    if (startedAt > started) codes.push('during');
    const moments = [startedAt, ...progress.tiers.map((tier) => tier.startedAt ?? -Infinity), progress.finishedAt ?? -Infinity];
    if (!codes.includes('in-progress') && moments.some((moment) => moment >= justBefore && moment <= started)) codes.push('just-before');
    add({ kind: 'change', id: change.uid, title: change.title, services: change.services, at: iso(startedAt), number: change.id ?? null, links: [] }, codes, match.shared);
  }

  // Events are compared as ISO strings: parsing 10,000 timestamps would take most of the time budget.
  const [fromIso, toIso, startedIso, justBeforeIso] = [iso(from), Number.isFinite(to) ? iso(to) : '~', iso(started), iso(justBefore)];
  for (const event of events) {
    const at = isUtcIso(event.timestamp) ? event.timestamp : iso(Date.parse(event.timestamp));
    if (at < fromIso || at >= toIso) continue;
    const match = touching(event.services);
    if (!match) continue;
    const codes = [...match.codes];
    if (at > startedIso) codes.push('during');
    else if (at >= justBeforeIso) codes.push('just-before');
    add({ kind: 'event', id: event.uid, title: event.summary, services: event.services, at, number: null, links: event.links }, codes, match.shared);
  }

  ranked.sort((a, b) => a.rank - b.rank || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return ranked.map((entry) => entry.item);
}

const iso = (ms: number): string => new Date(ms).toISOString();
/** `2026-11-02T09:50:00.000Z`: what toISOString writes (and the event parser stores). */
const isUtcIso = (text: string): boolean => text.length === 24 && text.charCodeAt(23) === 90 && text.charCodeAt(10) === 84;

function whyWords(justBeforeMinutes: number): Record<WhyCode, string> {
  return {
    'in-progress': 'in progress when the incident started',
    'rolled-back': 'rolled back',
    'failed-gate': 'a service check failed',
    'just-before': `within ${justBeforeMinutes} minutes before the incident started`,
    during: 'while the incident was open',
    'same-service': 'same service',
    'any-service': 'names no service, so it may touch any',
  };
}
