import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCore, op } from '../../fixtures/core';
import { corpusDir, skipWithoutCorpus } from '../../fixtures/corpus';
import { tempDir } from '../../fixtures/temp';

const runbooksDir = () => path.join(corpusDir(), 'content', 'runbooks');

async function importedCorpus() {
  const { core } = memoryCore();
  const report = await op(core, 'importRunbooks', { paths: [corpusDir()] });
  const list = await op(core, 'listRunbooks', {});
  const byFile = (relative: string) => {
    const item = list.items.find((candidate) => candidate.relativePath === `content/runbooks/${relative}`);
    if (!item) throw new Error(`${relative} was not imported`);
    return op(core, 'getRunbook', { id: item.id });
  };
  return { core, report, list, byFile };
}

describe.skipIf(skipWithoutCorpus)('the prometheus-operator runbook corpus', () => {
  it('imports all 108 alert runbooks with their titles; the 9 section pages become groups', async () => {
    const { report, list } = await importedCorpus();
    expect(report.failed).toEqual([]);
    expect(report.imported).toBe(108);
    expect(report.groups).toHaveLength(9);
    expect(report.groups.every((group) => path.basename(group.path) === '_index.md')).toBe(true);
    expect(report.imported + report.groups.length + report.skipped.length).toBe(117);

    const titles = new Map(list.items.map((item) => [item.sourcePath, item.title]));
    for (const relative of fs.readdirSync(corpusDir(), { recursive: true, encoding: 'utf8' })) {
      if (!relative.endsWith('.md') || path.basename(relative) === '_index.md') continue;
      const file = path.join(corpusDir(), relative);
      const text = fs.readFileSync(file, 'utf8');
      const expected = /^---\n[\s\S]*?^title: (.+)$/m.exec(text)?.[1] ?? /^# (.+)$/m.exec(text)?.[1];
      expect(titles.get(file), relative).toBe(expected?.trim());
    }
    const groups = Object.fromEntries(list.groups.map((group) => [group.name, group.count]));
    expect(groups).toMatchObject({ etcd: 7, node: expect.any(Number) as number, alertmanager: expect.any(Number) as number });
  });

  it('turns Diagnosis and Mitigation list items into steps (checked against four files)', async () => {
    const { byFile } = await importedCorpus();

    // 4 items in the first Diagnosis list (one with a nested list) + 8 under "Other things to check:", then the two
    // paragraphs of the prose Mitigation (corpus-steps.test.ts).
    const crashLooping = await byFile('kubernetes/KubePodCrashLooping.md');
    expect(crashLooping.steps).toHaveLength(14);
    expect(crashLooping.steps.slice(0, 12).every((step) => step.section === 'Diagnosis')).toBe(true);
    expect(crashLooping.steps.slice(0, 3).map((step) => step.commands)).toEqual([
      ['kubectl -n $NAMESPACE get pod $POD'],
      ['kubectl -n $NAMESPACE describe pod $POD'],
      ['kubectl -n $NAMESPACE logs $POD -c $CONTAINER'],
    ]);
    expect(crashLooping.steps[3]?.text).toContain('- pod priority');

    // 9 Diagnosis items, then the 5 paragraphs of the prose Mitigation.
    const generation = await byFile('kubernetes/KubeDeploymentGenerationMismatch.md');
    expect(generation.steps).toHaveLength(14);
    expect(generation.steps.map((step) => step.commands).filter((commands) => commands.length > 0)).toEqual([
      ['kubectl -n $NAMESPACE rollout history deployment $NAME'],
      ['kubectl -n $NAMESPACE describe deployment $NAME'],
    ]);
    expect(generation.steps[6]?.text).toMatch(/^Check pod template parameters such as:\n- pod priority/);

    // Like KubePodCrashLooping, with one more nested item.
    const notReady = await byFile('kubernetes/KubePodNotReady.md');
    expect(notReady.steps).toHaveLength(14);
    expect(notReady.steps[3]?.text).toContain('stuck or long running init containers');
    expect(notReady.steps[0]?.commands).toEqual(['kubectl -n $NAMESPACE get pod $POD']);

    // 3 Diagnosis items, each with its command, then 3 Mitigation items (links and advice, no commands).
    const jobFailed = await byFile('kubernetes/KubeJobFailed.md');
    expect(jobFailed.steps.map((step) => [step.section, step.commands])).toEqual([
      ['Diagnosis', ['kubectl -n $NAMESPACE describe jobs $JOB']],
      ['Diagnosis', ['kubectl -n $NAMESPACE describe pod $POD_FROM_JOB']],
      ['Diagnosis', ['kubectl -n $NAMESPACE log pod $POD_FROM_JOB']],
      ['Mitigation', []],
      ['Mitigation', []],
      ['Mitigation', []],
    ]);
    expect(jobFailed.steps[5]?.text).toMatch(/^redesign job so that it is idempotent/);
  });

  it('exports and re-imports with every runbook unchanged; a second export is byte-identical', async () => {
    const { core } = await importedCorpus();
    const first = tempDir();
    const exported = await op(core, 'exportRunbooks', { dir: first });
    expect(exported.files.filter((file) => file.endsWith('_index.md'))).toHaveLength(9);
    expect(exported.files).toContain('content/runbooks/kubernetes/KubePodCrashLooping.md');

    const again = await op(core, 'importRunbooks', { paths: [first] });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 108, failed: [] });

    const second = tempDir();
    await op(core, 'exportRunbooks', { dir: second });
    for (const file of exported.files) {
      expect(fs.readFileSync(path.join(second, file)).equals(fs.readFileSync(path.join(first, file))), file).toBe(true);
    }
    // The body of every runbook survives the trip exactly.
    const original = fs.readFileSync(path.join(runbooksDir(), 'kubernetes/KubePodCrashLooping.md'), 'utf8');
    const written = fs.readFileSync(path.join(first, 'content/runbooks/kubernetes/KubePodCrashLooping.md'), 'utf8');
    expect(written.slice(written.indexOf('\n---\n') + 5)).toBe(original.slice(original.indexOf('\n---\n') + 5));
  });

  it('re-importing the corpus from where it lies changes nothing', async () => {
    const { core } = await importedCorpus();
    expect(await op(core, 'importRunbooks', { paths: [corpusDir()] })).toMatchObject({ imported: 0, updated: 0, unchanged: 108, failed: [] });
  });

  it('finds an exact alert name or title first, even when the alert name is only the file name', async () => {
    const { core, list } = await importedCorpus();
    const fileOf = (id: number | undefined) => list.items.find((item) => item.id === id)?.relativePath;
    const first = async (query: string) => fileOf((await op(core, 'searchRunbooks', { query, limit: 20 }))[0]?.id);
    // Spaced titles ("CPU Throttling High"): the alert name is only the file name.
    expect(await first('CPUThrottlingHigh')).toBe('content/runbooks/kubernetes/CPUThrottlingHigh.md');
    expect(await first('PrometheusRemoteWriteBehind')).toBe('content/runbooks/prometheus/PrometheusRemoteWriteBehind.md');
    // Its siblings mention it more often than it mentions itself; the exact name still wins.
    expect(await first('NodeFilesystemSpaceFillingUp')).toBe('content/runbooks/node/NodeFilesystemSpaceFillingUp.md');
    expect(await first('node filesystem space filling up')).toBe('content/runbooks/node/NodeFilesystemSpaceFillingUp.md');
    expect(await first('etcdNoLeader')).toBe('content/runbooks/etcd/etcdNoLeader.md');
    // The name split into words is in the index, so part of it finds the runbook too.
    expect(await first('cpu throttling')).toBe('content/runbooks/kubernetes/CPUThrottlingHigh.md');
    expect(await first('throttling hig')).toBe('content/runbooks/kubernetes/CPUThrottlingHigh.md');

    const cpu = await op(core, 'getRunbook', { id: list.items.find((item) => item.relativePath?.endsWith('/CPUThrottlingHigh.md'))?.id ?? 0 });
    expect(cpu.alerts).toEqual(['CPUThrottlingHigh']);
  });

  it('finds runbooks by words, alert names split into words, and misspellings', async () => {
    const { core } = await importedCorpus();
    const [leader] = await op(core, 'searchRunbooks', { query: 'etcd leader', limit: 5 });
    expect(leader?.title).toBe('etcdNoLeader');

    const [crash] = await op(core, 'searchRunbooks', { query: 'crash looping pod' });
    expect(crash).toMatchObject({ title: 'Kube Pod Crash Looping', spelling: null });

    const misspelt = await op(core, 'searchRunbooks', { query: 'crashloop certficate' });
    expect(misspelt.length === 0 || misspelt[0]?.spelling !== null).toBe(true);
    const [cert] = await op(core, 'searchRunbooks', { query: 'certficate expiraton' });
    expect(cert?.spelling).toBe('certificate expiration');
    expect(cert?.title).toMatch(/Certificate Expiration/);

    // Two letters swapped is one slip, corrected to the word the library uses most ("down", not "don" from "don't").
    const [swapped] = await op(core, 'searchRunbooks', { query: 'etcd fsnyc' });
    expect(swapped).toMatchObject({ title: 'etcdHighFsyncDurations', spelling: 'etcd fsync' });
    const [kubelet] = await op(core, 'searchRunbooks', { query: 'kubelet donw' });
    expect(kubelet).toMatchObject({ title: 'Kubelet Down', spelling: 'kubelet down' });

    const [fsync] = await op(core, 'searchRunbooks', { query: 'fsync durations' });
    expect(fsync?.section).toEqual(expect.objectContaining({ id: expect.any(String) as string }));
    expect(fsync?.snippet).toMatch(/<mark>fsync<\/mark>/i);
  });
});
