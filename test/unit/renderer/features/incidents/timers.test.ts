import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepTimer } from '../../../../../src/renderer/features/incidents/step-timers';

/** A tab's storage, as the browser keeps it across a reload (`data`), or one that refuses every access. */
class FakeStorage {
  constructor(readonly data = new Map<string, string>()) {}
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
}

/** The system notifications raised, with what a click on them does. */
class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static shown: FakeNotification[] = [];
  onclick: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

interface FakeWindow {
  localStorage: FakeStorage;
  sessionStorage: FakeStorage;
  location: { hash: string };
  focus: () => void;
  Notification?: typeof FakeNotification;
}

let tab: FakeWindow;

/** Opens the console in a tab with this storage: the module reads what an earlier visit kept, as a reload does. */
async function openTab(local = new Map<string, string>()) {
  tab = { localStorage: new FakeStorage(local), sessionStorage: new FakeStorage(), location: { hash: '' }, focus: vi.fn(), Notification: FakeNotification };
  vi.stubGlobal('window', tab);
  vi.stubGlobal('Notification', FakeNotification);
  vi.resetModules();
  return import('../../../../../src/renderer/features/incidents/timers');
}

const timer = (patch: Partial<StepTimer> = {}): StepTimer => ({
  key: '7:1:s7:2026-11-27T10:00:00.000Z',
  incidentId: 7,
  incidentTitle: 'Checkout errors',
  runbookId: 1,
  runbookTitle: 'Checkout error rate above 2%',
  stepId: 's7',
  stepNumber: 7,
  text: 'Roll it back now',
  startedAt: Date.parse('2026-11-27T10:00:00.000Z'),
  seconds: 300,
  stops: { resolvedAt: null, pauses: [] },
  ...patch,
});

beforeEach(() => {
  FakeNotification.permission = 'granted';
  FakeNotification.shown = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a due timer’s alert', () => {
  it('stays dismissed after a reload once the responder acknowledged it', async () => {
    const kept = new Map<string, string>();
    const first = await openTab(kept);
    expect(first.useTimerAcks.getState().acked).toEqual([]);
    first.acknowledgeTimer('7:1:s7:a');
    first.acknowledgeTimer('7:1:s8:b');
    expect(first.useTimerAcks.getState().acked).toEqual(['7:1:s7:a', '7:1:s8:b']);

    const reloaded = await openTab(kept);
    expect(reloaded.useTimerAcks.getState().acked).toEqual(['7:1:s7:a', '7:1:s8:b']);
  });

  it('keeps the newest 200 acknowledgements, and one acknowledged again counts as new', async () => {
    const kept = new Map<string, string>();
    const timers = await openTab(kept);
    for (let i = 0; i < 205; i++) timers.acknowledgeTimer(`t${i}`);
    timers.acknowledgeTimer('t5');
    const reloaded = (await openTab(kept)).useTimerAcks.getState().acked;
    expect(reloaded).toHaveLength(200);
    expect(reloaded.at(-1)).toBe('t5');
    expect(reloaded).not.toContain('t4');
  });

  it('starts with none acknowledged when what was kept is not a list of keys, and still works where storage is refused', async () => {
    const timers = await openTab(new Map([['holdfast.timerAcks', '{not json']]));
    expect(timers.useTimerAcks.getState().acked).toEqual([]);

    const blocked = await openTab(new Map([['holdfast.timerAcks', '["a", 3, null, "b"]']]));
    expect(blocked.useTimerAcks.getState().acked).toEqual(['a', 'b']);
    tab.localStorage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    blocked.acknowledgeTimer('c');
    expect(blocked.useTimerAcks.getState().acked).toEqual(['a', 'b', 'c']);
  });
});

describe('a due timer’s system notification', () => {
  it('is raised once per timer, names the step, runbook and incident, and stays until dealt with', async () => {
    const timers = await openTab();
    timers.notifyDue(timer());
    timers.notifyDue(timer());
    expect(FakeNotification.shown).toHaveLength(1);
    const [shown] = FakeNotification.shown;
    expect(shown?.title).toBe('Timer due: step 7');
    expect(shown?.options).toMatchObject({ body: 'Roll it back now\nCheckout error rate above 2% · Checkout errors', requireInteraction: true });

    // The same step started again is a new timer, with its own notification.
    timers.notifyDue(timer({ key: '7:1:s7:2026-11-27T10:30:00.000Z' }));
    expect(FakeNotification.shown).toHaveLength(2);
  });

  it('brings the console forward on the incident when clicked', async () => {
    const timers = await openTab();
    timers.notifyDue(timer({ incidentId: 12 }));
    const [shown] = FakeNotification.shown;
    shown?.onclick?.();
    expect(tab.focus).toHaveBeenCalled();
    expect(tab.location.hash).toBe('#/incidents/12');
    expect(shown?.closed).toBe(true);
  });

  it('is not raised where notifications are not allowed or not there (the on-page alert shows regardless)', async () => {
    FakeNotification.permission = 'denied';
    const timers = await openTab();
    timers.notifyDue(timer());
    expect(FakeNotification.shown).toEqual([]);

    const without = await openTab();
    delete tab.Notification;
    without.notifyDue(timer({ key: 'other' }));
    expect(FakeNotification.shown).toEqual([]);
  });
});
