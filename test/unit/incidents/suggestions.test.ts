import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/main/core/clock';
import { openCore, type Core } from '../../../src/main/core/core';
import type { RunbookSuggestion } from '../../../src/shared/runbooks';
import { memoryCore, op } from '../../fixtures/core';
import { corpusDir, skipWithoutCorpus } from '../../fixtures/corpus';
import { ASSETS_DIR, tempDir, writeFiles } from '../../fixtures/temp';

/** Through the API table, as the console asks. */
const suggest = (core: Core, id: number, query = ''): Promise<RunbookSuggestion[]> => op(core, 'suggestRunbooks', { id, query });

describe('runbooks suggested for a new incident', () => {
  it('finds imported runbooks by the services their front matter borrows, and says why', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, {
      'storage/_index.md': '---\ntitle: Storage\n---\n',
      'storage/ceph-osd-down.md': '---\ntitle: CephOSDDown\ncomponent: ceph\n---\n## Mitigation\n\nRestart the OSD.\n',
      'storage/disk-slow.md': '---\ntitle: Disk slow\nlabels: [latency]\n---\n## Diagnosis\n\nCheck iostat.\n',
      'web/latency.md': '---\ntitle: Web latency\n---\nRead the dashboards.\n',
    });
    await op(core, 'importRunbooks', { paths: [dir] });
    const { id } = await op(core, 'declareIncident', { title: 'Storage latency after the upgrade', severity: 'SEV2', services: ['ceph'] });
    const suggested = await suggest(core, id);
    expect(suggested.map((item) => [item.title, item.reasons])).toEqual([
      ['CephOSDDown', ['service ceph', 'in the Storage group']],
      ['Disk slow', ['in the Storage group', 'tagged latency']],
      ['Web latency', ['its title shares “latency” with the incident']],
    ]);
    expect(suggested[0]?.reason).toBe('service ceph; in the Storage group');

    // What is attached is not suggested again; what the responder types comes after, with its own reason.
    await op(core, 'attachRunbook', { id, runbookId: suggested[0]?.id ?? -1 });
    const searched = await suggest(core, id, 'iostat');
    expect(searched.map((item) => [item.title, item.reason])).toEqual([
      ['Disk slow', 'in the Storage group; tagged latency; matches the search “iostat”'],
      ['Web latency', 'its title shares “latency” with the incident'],
    ]);
  });

  it('suggests a runbook another process imported while this one was running', async () => {
    const dataDir = tempDir();
    const clock = fixedClock('2026-11-27T03:00:00Z');
    const app = openCore({ dataDir, assetsDir: ASSETS_DIR, clock, create: 'always' });
    const { id } = await op(app, 'declareIncident', { title: 'Kafka consumers lagging', severity: 'SEV2', services: ['kafka'] });
    expect(await suggest(app, id)).toEqual([]);

    const cli = openCore({ dataDir, assetsDir: ASSETS_DIR, clock });
    const dir = tempDir();
    writeFiles(dir, { 'kafka/KafkaConsumerLag.md': '# KafkaConsumerLag\n\n## Mitigation\n\nAdd consumers.\n' });
    await op(cli, 'importRunbooks', { paths: [dir] });
    cli.close();
    expect((await suggest(app, id)).map((item) => [item.title, item.reasons])).toEqual([
      ['KafkaConsumerLag', ['in the kafka folder', 'alert name KafkaConsumerLag shares “Kafka”, “Consumer” with the incident']],
    ]);
    app.close();
  });

  it.skipIf(skipWithoutCorpus)('“etcd members down” on service etcd: etcdMembersDown first, then the rest of the etcd group', async () => {
    const { core } = memoryCore();
    await op(core, 'importRunbooks', { paths: [corpusDir()] });
    const etcd = (await op(core, 'listRunbooks', { group: 'etcd' })).items.map((item) => item.title);
    expect(etcd).toHaveLength(7);

    const { id } = await op(core, 'declareIncident', { title: 'etcd members down in prod cluster', severity: 'SEV1', services: ['etcd'] });
    const suggested = await suggest(core, id);
    console.info(`suggested:\n${suggested.slice(0, 5).map((item, index) => `${index + 1}. ${item.title} — ${item.reason}`).join('\n')}`);
    expect(suggested[0]).toMatchObject({ title: 'etcdMembersDown', reasons: ['alert name etcdMembersDown matches the title', 'in the etcd group'] });
    // Two of its three words: before the runbooks that share only "etcd".
    expect(suggested[1]?.title).toBe('etcdInsufficientMembers');
    expect(suggested.slice(0, 7).map((item) => item.title).sort()).toEqual([...etcd].sort());
    expect(suggested.slice(0, 7).every((item) => item.reasons.includes('in the etcd group'))).toBe(true);
  });
});
