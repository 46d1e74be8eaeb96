import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncRepository } from '../../../src/main/sync/cycle';
import { eventText, writeEvent, writeIncident } from '../../../src/main/sync/incident-files';
import { planImport, readPlannedIncidents } from '../../../src/main/sync/import-plan';
import { eventPath, incidentPath } from '../../../src/main/sync/layout';
import { bareRemote, clock, eventFile, incidentFile, machine, write } from './helpers';

const T0 = Date.parse('2026-11-27T03:00:00Z');

describe('planning what a sync brings into the store', () => {
  it('groups the paths by kind, an incident with its new events, and never removes an event', () => {
    const incident = incidentFile(T0);
    const [one, two] = [eventFile(incident.uid, T0 + 1), eventFile(incident.uid, T0 + 2)];
    const plan = planImport([
      { path: 'runbooks/b.md', change: 'modified' },
      { path: 'runbooks/a.md', change: 'added' },
      { path: 'runbooks/gone.md', change: 'removed' },
      { path: 'roster.yaml', change: 'modified' },
      { path: eventPath(incident.uid, one.uid), change: 'added' },
      { path: eventPath(incident.uid, two.uid), change: 'removed' },
      { path: incidentPath(incident.uid), change: 'modified' },
      { path: 'README.md', change: 'added' },
    ]);
    expect(plan.read).toEqual({ runbook: ['runbooks/a.md', 'runbooks/b.md'], roster: ['roster.yaml'] });
    expect(plan.removed).toEqual({ runbook: ['runbooks/gone.md'] });
    expect(plan.incidents).toEqual([{ uid: incident.uid, incidentChanged: true, newEvents: [eventPath(incident.uid, one.uid)] }]);
    expect(plan.problems).toEqual([{ path: eventPath(incident.uid, two.uid), line: null, message: 'was removed from the repository; timeline events are never removed, so this machine keeps it' }]);
  });

  it('reads the new incident and events another machine pushed, reporting a broken one with its line and reading the rest', async () => {
    const remote = bareRemote();
    const [a, b] = [await machine('a', remote), await machine('b', remote)];
    const incident = incidentFile(T0);
    writeIncident(a.dir, incident);
    const good = [eventFile(incident.uid, T0 + 1, { text: 'one' }), eventFile(incident.uid, T0 + 2, { text: 'two' })];
    for (const event of good) writeEvent(a.dir, event);
    const broken = eventFile(incident.uid, T0 + 3);
    write(a, eventPath(incident.uid, broken.uid), eventText(broken).replace('"note"', '42'));
    await syncRepository(a, { name: 'Ana' }, clock);
    const { changes, pulled } = await syncRepository(b, { name: 'Bo' }, clock);
    expect(pulled).toMatchObject({ incidents: 1, events: 3 });
    const { incidents, problems } = readPlannedIncidents(b.dir, planImport(changes));
    expect(incidents).toEqual([{ uid: incident.uid, incident, events: good }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: eventPath(incident.uid, broken.uid), line: 5 });
    expect(problems[0]?.message).toMatch(/^`type`/);
    expect(fs.existsSync(path.join(b.dir, eventPath(incident.uid, broken.uid)))).toBe(true);
  });
});
