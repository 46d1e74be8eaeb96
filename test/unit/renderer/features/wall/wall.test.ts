import { describe, expect, it } from 'vitest';
import { lastNotes, nextUpdate, roleLines, runbookPositions, wallLayout } from '../../../../../src/renderer/features/wall/wall';
import type { Incident, IncidentStep, TimelineEvent } from '../../../../../src/shared/incidents';

const at = (time: string) => Date.parse(`2026-11-27T${time}Z`);

const step = (id: string, number: number, state: IncidentStep['state'], text = `Step ${number} text`): IncidentStep => ({
  id,
  number,
  section: null,
  sectionId: null,
  text,
  commands: [],
  timerSeconds: null,
  isTask: false,
  state,
  startedAt: null,
  finishedAt: null,
  note: '',
  actor: null,
});

function event(id: number, type: TimelineEvent['type'], text: string, supersededBy: number | null = null): TimelineEvent {
  return { id, seq: id, incidentId: 1, at: '2026-11-27T10:00:00.000Z', type, actor: 'priya', actorHandle: null, text, data: {}, key: false, supersededBy };
}

describe('the wall display', () => {
  it('says when the next status update is due, and by how much it is overdue', () => {
    const incident = { startedAt: '2026-11-27T10:00:00.000Z', lastUpdateAt: null, updateEveryMinutes: 15 };
    expect(nextUpdate(incident, at('10:05:00'))).toEqual({ dueAt: at('10:15:00'), overdue: false, ms: 10 * 60_000 });
    expect(nextUpdate(incident, at('10:20:00'))).toEqual({ dueAt: at('10:15:00'), overdue: true, ms: 5 * 60_000 });
    // An update posted restarts the count from it.
    expect(nextUpdate({ ...incident, lastUpdateAt: '2026-11-27T10:18:00.000Z' }, at('10:20:00')).overdue).toBe(false);
  });

  it('shows each walked runbook at its step in progress, else its next step, else as walked', () => {
    const positions = runbookPositions({
      runbooks: [
        { runbookId: 1, title: 'Checkout', revision: 1, attachedAt: '', steps: [step('a', 1, 'done'), step('b', 2, 'pending'), step('c', 3, 'started')] },
        { runbookId: 2, title: 'Cache', revision: 1, attachedAt: '', steps: [step('d', 1, 'done'), step('e', 2, 'pending')] },
        { runbookId: 3, title: 'DNS', revision: 1, attachedAt: '', steps: [step('f', 1, 'skipped')] },
      ],
    });
    expect(positions.map((position) => [position.title, position.step?.number ?? null, position.finished, position.total])).toEqual([
      ['Checkout', 3, 1, 3],
      ['Cache', 2, 1, 2],
      ['DNS', null, 1, 1],
    ]);
  });

  it('lists the latest notes newest first, a correction in place of the note it replaced', () => {
    const timeline = [event(1, 'declared', 'Declared'), event(2, 'note', 'first', 4), event(3, 'note', 'second'), event(4, 'correction', 'first, corrected'), event(5, 'step_done', 'Done')];
    expect(lastNotes(timeline, 5).map((note) => note.text)).toEqual(['first, corrected', 'second']);
    expect(lastNotes(timeline, 1).map((note) => note.text)).toEqual(['first, corrected']);
  });

  it('names the commander first', () => {
    const person = (name: string) => ({ name, handle: name.toLowerCase() });
    const roles = roleLines({
      roles: [
        { role: 'scribe', person: person('Lee'), assignedAt: '' },
        { role: 'commander', person: person('Priya'), assignedAt: '' },
      ],
    });
    expect(roles.map((role) => `${role.label}: ${role.name}`)).toEqual(['Commander: Priya', 'Scribe: Lee']);
  });

  it('tiles the most severe incidents first, shrinking what each tile holds as their number grows', () => {
    const incident = (id: number, severity: Incident['severity'], startedAt: string) => ({ id, severity, startedAt });
    const two = wallLayout([incident(1, 'SEV3', '2026-11-27T09:00:00Z'), incident(2, 'SEV1', '2026-11-27T10:00:00Z')]);
    expect(two.tiles.map((tile) => tile.id)).toEqual([2, 1]);
    expect([two.columns, two.rows, two.notes]).toEqual([2, 1, 5]);
    const columns = (count: number) => {
      const layout = wallLayout(Array.from({ length: count }, (_, index) => incident(index + 1, 'SEV2', '2026-11-27T09:00:00Z')));
      return [layout.columns, layout.rows];
    };
    expect([3, 4, 5].map(columns)).toEqual([[3, 1], [2, 2], [3, 2]]);
    expect([wallLayout([incident(1, 'SEV2', '2026-11-27T09:00:00Z')]).columns, wallLayout([]).tiles.length]).toEqual([1, 0]);
    const many = wallLayout(Array.from({ length: 8 }, (_, index) => incident(index + 1, 'SEV2', `2026-11-27T0${index}:00:00Z`)));
    expect([many.tiles.length, many.columns, many.rows, many.notes]).toEqual([6, 3, 2, 1]);
    // The newest two are named below the tiles instead.
    expect(many.more.map((tile) => tile.id)).toEqual([7, 8]);
  });
});
