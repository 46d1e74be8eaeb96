import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/api';
import { fixedClock } from '../../../src/main/core/clock';
import { openCore } from '../../../src/main/core/core';
import { utcWithLocal } from '../../../src/main/postmortems/record';
import { VIEWER } from '../../../src/shared/access';
import { memoryCore, op, opError } from '../../fixtures/core';
import { APP_ROOT, ASSETS_DIR, tempDir } from '../../fixtures/temp';
import { scriptedIncident } from './scripted-incident';

const GOLDEN = path.join(APP_ROOT, 'test', 'fixtures', 'postmortems', 'scripted-incident.md');

describe('the post-mortem draft', () => {
  it('is exactly the expected Markdown for a scripted incident (golden file)', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    const id = await scriptedIncident(core, clock);
    const { content } = await op(core, 'exportPostmortem', { incidentId: id, format: 'md' });
    expect(content).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('regenerating refreshes record sections nobody edited and never touches an edited one', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    const id = await scriptedIncident(core, clock);
    const { postmortem: draft } = await op(core, 'draftPostmortem', { incidentId: id });
    expect(draft.sections.map((s) => [s.id, s.fromRecord, s.edited]).slice(0, 3)).toEqual([
      ['summary', true, false],
      ['impact', true, false],
      ['changes-before-the-incident', true, false],
    ]);
    await op(core, 'savePostmortem', {
      incidentId: id,
      sections: { 'what-went-wrong': '- The deploy skipped the TLS check.', summary: 'Our own summary, written by hand.' },
      authors: ['Sam Okoro', 'Maya Torres'],
    });

    clock.set('2026-11-27T04:00:00Z');
    const note = await op(core, 'logNote', { id, text: 'Customer emails answered', actor: 'sam' });
    await op(core, 'markKey', { id, eventId: note.id, key: true });
    const regenerated = await op(core, 'regeneratePostmortem', { incidentId: id });
    const section = (sid: string) => regenerated.sections.find((s) => s.id === sid);
    expect(section('what-went-wrong')).toMatchObject({ content: '- The deploy skipped the TLS check.', edited: true });
    expect(section('summary')).toMatchObject({ content: 'Our own summary, written by hand.', edited: true });
    expect(section('timeline')?.content).toContain('Customer emails answered');
    expect(section('timeline')?.edited).toBe(false);
    expect(regenerated.heading).toContain('Sam Okoro, Maya Torres');
  });

  it('refuses a section the draft does not have', async () => {
    const { core, clock } = memoryCore();
    const id = await scriptedIncident(core, clock);
    expect(await opError(core, 'savePostmortem', { incidentId: id, sections: { nonsense: 'x' } })).toMatchObject({ code: 'VALIDATION', field: 'sections.nonsense' });
  });

  it('exports one self-contained HTML file with every section and print styles', async () => {
    const { core, clock } = memoryCore();
    const id = await scriptedIncident(core, clock);
    const { content } = await op(core, 'exportPostmortem', { incidentId: id, format: 'html' });
    for (const heading of ['Summary', 'Key times', 'Responders', 'Timeline', 'Runbooks used', 'What went wrong', 'Action items']) {
      expect(content).toContain(`<h2>${heading}</h2>`);
    }
    expect(content).toContain('@media print');
    expect(content).not.toMatch(/<script|<link|src="http|href="http(?!s:\/\/)/);
    expect(content).toContain('<table>');
  });

  it('drops remote images from the HTML, keeping their description, as the break-glass page does', async () => {
    const { core, clock } = memoryCore();
    const id = await scriptedIncident(core, clock);
    await op(core, 'savePostmortem', {
      incidentId: id,
      sections: {
        'what-went-wrong': '![error graph](https://grafana.example/render/d/1.png) and <img src="https://tracker.example/p.gif" alt="pixel"> and ![](//cdn.example/x.png)',
      },
    });
    const { content } = await op(core, 'exportPostmortem', { incidentId: id, format: 'html' });
    expect(content).not.toMatch(/<img/i);
    expect(content).not.toMatch(/grafana\.example|tracker\.example|cdn\.example/);
    expect(content).toContain('<span class="image-missing">[error graph]</span>');
    // The Markdown export keeps what was written: it is the author's text.
    expect((await op(core, 'exportPostmortem', { incidentId: id, format: 'md' })).content).toContain('![error graph](https://grafana.example/render/d/1.png)');
  });
});

describe('corrections and responders in the draft', () => {
  it('keep a corrected note at its own time, saying when and by whom it was corrected, key if the original was', async () => {
    const { core, clock } = memoryCore('2026-11-27T06:35:00Z');
    const { id } = await op(core, 'declareIncident', { title: 'Queue backlog', severity: 'SEV3', timeZone: 'UTC', actor: 'pager' });
    const note = await op(core, 'logNote', { id, text: 'Backlog at 40k', actor: 'ana' });
    await op(core, 'markKey', { id, eventId: note.id, key: true, actor: 'ana' });
    clock.set('2026-11-27T06:36:00Z');
    const first = await op(core, 'correctEvent', { id, eventId: note.id, text: 'Backlog at 4k', actor: 'ana' });
    clock.set('2026-11-28T01:10:00Z');
    await op(core, 'correctEvent', { id, eventId: first.id, text: 'Backlog at 4,000 messages', actor: 'bo' });
    const markdown = (await op(core, 'exportPostmortem', { incidentId: id, format: 'md' })).content;
    const line = '- 2026-11-27 06:35 UTC, corrected 2026-11-28 01:10 UTC by bo — ana: Backlog at 4,000 messages';
    expect(markdown.slice(markdown.indexOf('## Timeline'), markdown.indexOf('## Runbooks used'))).toContain(line);
    const appendix = markdown.slice(markdown.indexOf('## Appendix'));
    expect(appendix.split('\n').filter((text) => text.startsWith('- '))).toEqual(['- 2026-11-27 06:35 UTC — pager: Declared SEV3: Queue backlog', line]);
  });

  it('list everyone who acted on the timeline, not only the role holders', async () => {
    const { core } = memoryCore();
    const { id } = await op(core, 'declareIncident', { title: 'Queue backlog', severity: 'SEV3', actor: 'pager' });
    await op(core, 'logNote', { id, text: 'Looking at the consumers', actor: 'lee' });
    await op(core, 'assignRole', { id, role: 'commander', person: { handle: 'ana', name: 'Ana Lima' }, actor: 'ana' });
    await op(core, 'logNote', { id, text: 'Consumers scaled', actor: 'ana' });
    const responders = (await op(core, 'draftPostmortem', { incidentId: id })).postmortem.sections.find((section) => section.id === 'responders')?.content;
    expect(responders).toBe('- **Commander**: Ana Lima\n\nEveryone who acted on the timeline, first to act first: pager, lee, Ana Lima.');
  });
});

describe('times in the draft', () => {
  it('are UTC with the incident’s own zone beside, and UTC alone for an incident kept in UTC', () => {
    expect(utcWithLocal('2026-11-27T03:02:00Z', 'America/New_York')).toBe('2026-11-27 03:02 UTC (2026-11-26 22:02 EST)');
    expect(utcWithLocal('2026-11-27T14:50:00Z', 'Europe/Berlin')).toBe('2026-11-27 14:50 UTC (15:50 GMT+1)');
    expect(utcWithLocal('2026-11-27T14:50:00Z', 'UTC')).toBe('2026-11-27 14:50 UTC');
    expect(utcWithLocal('2026-11-27T14:50:00Z', 'Etc/UTC')).toBe('2026-11-27 14:50 UTC');
  });
});

describe('the post-mortem template', () => {
  it('is the one in the data folder when the user put one there: its sections, its placeholders filled, an unknown one left as written', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(
      path.join(dataDir, 'postmortem-template.md'),
      '# {{title}} ({{severity}})\n\n## What happened\n\n{{summary}}\n\n## Customer note\n\nWrite to the customers here.\n\n## Oops\n\n{{no_such_thing}}\n',
    );
    // The folder already holds the template, so the store is created on purpose, as the app's first start does.
    const core = openCore({ dataDir, assetsDir: ASSETS_DIR, clock: fixedClock('2026-11-27T03:00:00Z'), create: 'always' });
    try {
      const { id } = await op(core, 'declareIncident', { title: 'Checkout 502s', severity: 'SEV2', services: ['checkout'] });
      await op(core, 'changeStatus', { id, status: 'resolved', summary: 'The rollback fixed it.' });
      const { content } = await op(core, 'exportPostmortem', { incidentId: id, format: 'md' });
      expect(content).toBe('# Checkout 502s (SEV2)\n\n## What happened\n\nThe rollback fixed it.\n\n## Customer note\n\nWrite to the customers here.\n\n## Oops\n\n{{no_such_thing}}\n');
      const { postmortem: draft } = await op(core, 'draftPostmortem', { incidentId: id });
      expect(draft.sections.map((section) => [section.title, section.fromRecord])).toEqual([
        ['What happened', true],
        ['Customer note', false],
        ['Oops', true],
      ]);
    } finally {
      core.close();
    }
  });
});

describe('text typed during the incident', () => {
  it('reads in the draft and its HTML exactly as typed: no tag swallowed, no emphasis made up, links still links', async () => {
    const { core, clock } = memoryCore();
    const id = await scriptedIncident(core, clock);
    const note = 'Pods show IP <none>; removed *.log and _tmp_ under data_dir | see https://grafana.example.com/d/pg_lag?var_host=db_3';
    await op(core, 'logNote', { id, text: note });
    await op(core, 'saveActionItem', { incidentId: id, description: 'Alert when <none> | empty', type: 'prevent' });
    await op(core, 'regeneratePostmortem', { incidentId: id });

    const markdown = (await op(core, 'exportPostmortem', { incidentId: id, format: 'md' })).content;
    expect(markdown).toContain('data_dir');
    expect(markdown).toContain('https://grafana.example.com/d/pg_lag?var_host=db_3');

    const html = (await op(core, 'exportPostmortem', { incidentId: id, format: 'html' })).content;
    const shown = html.replace(/<a href="([^"]*)">[^<]*<\/a>/g, '$1').replace(/&#x3C;|&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x26;|&amp;/g, '&');
    expect(shown).toContain(note);
    expect(html).toContain('<a href="https://grafana.example.com/d/pg_lag?var_host=db_3">');
    const noteLine = html.split('\n').find((line) => line.includes('Pods show'));
    expect(noteLine).not.toMatch(/<em>|<strong>/);
    expect(shown).toContain('<td>Alert when <none> | empty</td>');
  });
});

describe('action items', () => {
  it('are listed across incidents, open first, with overdue ones flagged', async () => {
    const { core, clock } = memoryCore('2026-11-27T03:00:00Z');
    const id = await scriptedIncident(core, clock);
    await op(core, 'saveActionItem', { incidentId: id, description: 'Document the rollback', type: 'process', owner: 'lee', dueDate: '2026-11-20' });
    const done = await op(core, 'saveActionItem', { incidentId: id, description: 'Page payments on TLS errors', type: 'mitigate', status: 'done' });
    const items = await op(core, 'listActionItems', { open: false });
    expect(items.map((item) => [item.description, item.overdue])).toEqual([
      ['Document the rollback', true],
      ['Add a canary for TLS to payments-api', false],
      ['Page payments on TLS errors', false],
    ]);
    expect((await op(core, 'listActionItems', { open: true, owner: 'maya' })).map((item) => item.description)).toEqual(['Add a canary for TLS to payments-api']);
    expect(await opError(core, 'saveActionItem', { id: done.id, incidentId: id + 1, description: 'x', type: 'process' })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('incident metrics', () => {
  it('computes MTTA (acknowledgement event − detected) and MTTR (resolved − started), leaving drills out', async () => {
    const { core, clock } = memoryCore('2026-11-02T00:00:00Z');
    const run = async (title: string, severity: 'SEV1' | 'SEV2', started: string, ackAfter: number, resolveAfter: number | null, drill = false) => {
      clock.set(started);
      const { id } = await op(core, 'declareIncident', { title, severity, services: ['checkout'], drill });
      // A commander named a minute in is not an acknowledgement: MTTA runs to the Acknowledge event.
      clock.set(new Date(Date.parse(started) + 60_000).toISOString());
      await op(core, 'assignRole', { id, role: 'commander', person: { handle: 'maya', name: 'Maya Torres' } });
      clock.set(new Date(Date.parse(started) + ackAfter * 60_000).toISOString());
      await op(core, 'acknowledgeIncident', { id });
      if (resolveAfter !== null) {
        clock.set(new Date(Date.parse(started) + resolveAfter * 60_000).toISOString());
        await op(core, 'changeStatus', { id, status: 'resolved', summary: 'fixed' });
      }
    };
    await run('one', 'SEV1', '2026-11-02T10:00:00Z', 4, 60);
    await run('two', 'SEV2', '2026-11-04T10:00:00Z', 10, 120);
    await run('three', 'SEV2', '2026-11-10T10:00:00Z', 7, null);
    await run('drill', 'SEV1', '2026-11-11T10:00:00Z', 100, 1000, true);
    const metrics = await op(core, 'incidentMetrics', {});
    expect(metrics.mtta).toBe(7);
    expect(metrics.mttr).toBe(90);
    expect(metrics.perWeek).toEqual([
      { week: '2026-11-02', SEV1: 1, SEV2: 1, SEV3: 0, SEV4: 0 },
      { week: '2026-11-09', SEV1: 0, SEV2: 1, SEV3: 0, SEV4: 0 },
    ]);
    expect(metrics.perService).toEqual([{ service: 'checkout', incidents: 3, mtta: 7, mttr: 90 }]);
    expect((await op(core, 'incidentMetrics', { from: '2026-11-09' })).incidents.map((i) => i.title)).toEqual(['three']);
  });
});

describe('saving a post-mortem', () => {
  it('shows the new review status and authors in the header at once', async () => {
    const { core, clock } = memoryCore();
    const id = await scriptedIncident(core, clock);
    const saved = await op(core, 'savePostmortem', { incidentId: id, reviewStatus: 'in review', authors: ['Lee Park'] });
    expect(saved.heading).toContain('| in review | Lee Park |');
    expect((await op(core, 'exportPostmortem', { incidentId: id, format: 'md' })).content).toContain('| in review | Lee Park |');
  });
});

describe('reading a post-mortem', () => {
  it('is a read a viewer may make once the first draft is written; only a responder writes that draft', async () => {
    const { core, clock } = memoryCore();
    const id = await scriptedIncident(core, clock);
    const none = { ok: false, error: { code: 'NOT_FOUND', field: 'incidentId', message: expect.stringContaining(`Incident #${id} has no post-mortem yet`) as string } };
    expect(await dispatch(core, 'getPostmortem', { incidentId: id }, VIEWER)).toMatchObject(none);
    expect(await dispatch(core, 'draftPostmortem', { incidentId: id }, VIEWER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Exporting shows the draft the record gives, and stores nothing.
    expect(await dispatch(core, 'exportPostmortem', { incidentId: id, format: 'md' }, VIEWER)).toMatchObject({ ok: true });
    expect(await dispatch(core, 'getPostmortem', { incidentId: id })).toMatchObject(none);

    const events: unknown[] = [];
    core.events.subscribe((event) => events.push(event));
    const { postmortem: draft, drafted } = await op(core, 'draftPostmortem', { incidentId: id });
    expect(drafted).toBe(true);
    expect(events).toEqual([{ type: 'postmortem.changed', incidentId: id }]);
    await op(core, 'savePostmortem', { incidentId: id, sections: { summary: 'Written by the commander.' } });
    const read = await dispatch(core, 'getPostmortem', { incidentId: id }, VIEWER);
    expect(read).toMatchObject({ ok: true, value: { incidentId: id, createdAt: draft.createdAt, sections: expect.arrayContaining([expect.objectContaining({ id: 'summary', content: 'Written by the commander.', edited: true })]) as unknown } });
    // Opening it again keeps what is written, and announces nothing: nothing changed.
    events.length = 0;
    const again = await op(core, 'draftPostmortem', { incidentId: id });
    expect(again.drafted).toBe(false);
    expect(again.postmortem.sections.find((section) => section.id === 'summary')?.content).toBe('Written by the commander.');
    expect(events).toEqual([]);
  });

  it('of an incident that does not exist is NOT_FOUND naming the incident', async () => {
    const { core } = memoryCore();
    expect(await opError(core, 'getPostmortem', { incidentId: 404 })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('404') as string });
  });
});

describe('the metrics read', () => {
  it('uses the statement the incidents prepared once: asking again compiles no SQL', async () => {
    const { core } = memoryCore('2026-11-27T03:00:00Z');
    await op(core, 'declareIncident', { title: 'one', severity: 'SEV2', services: ['checkout'] });
    await op(core, 'incidentMetrics', {});
    const prepare = vi.spyOn(core.store, 'prepare');
    const metrics = await op(core, 'incidentMetrics', { from: '2026-11-01', to: '2026-11-30' });
    expect(metrics.incidents.map((incident) => incident.title)).toEqual(['one']);
    expect(prepare).not.toHaveBeenCalled();
  });
});
