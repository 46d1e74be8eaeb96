import type { EventType, IncidentStatus, Severity } from '../../../shared/incidents';

/** A span of time as a responder says it: "45 s", "12 min", "1 h 05 min", "2 d 3 h". */
export function formatSpan(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** A countdown or overrun: "4:32", "1:02:05". */
export function formatClock(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Whole minutes from a stored instant to now (never negative). */
export const minutesSince = (iso: string, now: number): number => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

export const since = (iso: string, now: number): number => Math.max(0, now - Date.parse(iso));

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

export const severityClass = (severity: Severity): string => `sev sev-${severity.toLowerCase()}`;

export const EVENT_LABELS: Record<EventType, string> = {
  declared: 'Declared',
  acknowledged: 'Acknowledged',
  severity_changed: 'Severity',
  role_assigned: 'Role',
  runbook_attached: 'Runbook',
  step_started: 'Step started',
  step_done: 'Step done',
  step_skipped: 'Step skipped',
  step_failed: 'Step failed',
  note: 'Note',
  status_update: 'Status update',
  status_changed: 'Status',
  correction: 'Correction',
  key_marked: 'Key',
  key_unmarked: 'Key',
  impact_changed: 'Impact',
  inject: 'Drill inject',
};

/** "checkout, payments-api" or a dash. */
export const serviceList = (services: string[]): string => (services.length > 0 ? services.join(', ') : '—');
