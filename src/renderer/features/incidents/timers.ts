import { create } from 'zustand';
import { navigate } from '../../app/route';
import type { StepTimer } from './step-timers';

const ACKS_KEY = 'holdfast.timerAcks';
const NOTIFIED_KEY = 'holdfast.timerNotified';

/** The tab's storage, or null where there is none (or it is blocked). */
function store(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
}

function readSet(storage: Storage | null, key: string): string[] {
  try {
    const value: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function writeSet(storage: Storage | null, key: string, values: string[]): void {
  try {
    storage?.setItem(key, JSON.stringify(values.slice(-200)));
  } catch {
    // Without storage an acknowledged alert may come back after a reload; nothing is lost.
  }
}

/** Due alerts the responder has acknowledged; kept across reloads so a dismissed alarm stays dismissed. */
export const useTimerAcks = create<{ acked: string[] }>()(() => ({ acked: readSet(store('local'), ACKS_KEY) }));

export function acknowledgeTimer(key: string): void {
  const acked = [...useTimerAcks.getState().acked.filter((k) => k !== key), key];
  writeSet(store('local'), ACKS_KEY, acked);
  useTimerAcks.setState({ acked });
}

const canNotify = (): boolean => typeof window !== 'undefined' && 'Notification' in window;

/** Asked the first time a timer starts (a click, which browsers require), never on page load. */
export function askToNotify(): void {
  if (canNotify() && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
}

/** Raises a system notification once per timer (when permitted); the on-page alert shows regardless. */
export function notifyDue(timer: StepTimer): void {
  notifyOnce(timer.key, {
    title: `Timer due: step ${timer.stepNumber}`,
    body: `${timer.text}\n${timer.runbookTitle} · ${timer.incidentTitle}`,
    incidentId: timer.incidentId,
  });
}

/**
 * A system notification, at most once per key in this tab, that brings the
 * console forward on the incident when clicked. Silent where not permitted.
 */
export function notifyOnce(key: string, message: { title: string; body: string; incidentId: number }): void {
  const notified = readSet(store('session'), NOTIFIED_KEY);
  if (notified.includes(key)) return;
  writeSet(store('session'), NOTIFIED_KEY, [...notified, key]);
  if (!canNotify() || Notification.permission !== 'granted') return;
  try {
    const notification = new Notification(message.title, { body: message.body, tag: key, requireInteraction: true });
    notification.onclick = () => {
      window.focus();
      navigate({ screen: 'incident', id: message.incidentId });
      notification.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the on-page alert is still there.
  }
}
