import { describe, expect, it } from 'vitest';
import { memoryCore, op } from '../../fixtures/core';
import { tempDir, writeFiles } from '../../fixtures/temp';

/** A small library where the same words sit in different fields of different runbooks. */
async function library() {
  const { core } = memoryCore();
  const dir = tempDir();
  writeFiles(dir, {
    'title.md': '---\ntitle: Kafka broker down\nservices: [kafka]\ntags: [messaging]\n---\n# Kafka broker down\n\nRestart the process.\n',
    'body.md':
      '---\ntitle: Consumer lag\nservices: [orders]\ntags: [queues]\n---\n# Consumer lag\n\n## Diagnosis\n\n- The kafka broker may be slow; check the kafka broker metrics.\n\n## Notes\n\nA broker going down makes the lag grow.\n',
    'tagged.md': '---\ntitle: Disk pressure\nservices: [orders]\ntags: [kafka]\nsummary: Use when a broker volume fills.\n---\n# Disk pressure\n\nFree space on the data volume.\n',
    'summary.md': '---\ntitle: Certificate renewal\nsummary: Use when the ingress certificate expires within a week.\n---\n# Certificate renewal\n\nRun the renewal job.\n',
  });
  await op(core, 'importRunbooks', { paths: [dir] });
  const titles = async (query: string, filters: { tag?: string; service?: string } = {}) =>
    (await op(core, 'searchRunbooks', { query, ...filters })).map((hit) => hit.title);
  return { core, titles };
}

describe('searching runbooks', () => {
  it('ranks a word in the title or tags above the same word in the body', async () => {
    const { titles } = await library();
    // "kafka" is the title of one, a tag of another, and twice in the body of a third.
    expect(await titles('kafka')).toEqual(['Kafka broker down', 'Disk pressure', 'Consumer lag']);
  });

  it('finds words of the summary and services, and needs every word', async () => {
    const { titles } = await library();
    expect(await titles('ingress expires')).toEqual(['Certificate renewal']);
    expect(await titles('orders')).toEqual(expect.arrayContaining(['Consumer lag', 'Disk pressure']));
    expect(await titles('kafka renewal')).toEqual([]);
  });

  it('matches the last word as a prefix while it is typed, the others whole', async () => {
    const { titles } = await library();
    expect(await titles('certif')).toEqual(['Certificate renewal']);
    expect(await titles('renewal certif')).toEqual(['Certificate renewal']);
    expect(await titles('certif renewal ')).toEqual([]);
  });

  it('keeps "quoted words" together as a phrase', async () => {
    const { titles } = await library();
    expect(await titles('broker down')).toEqual(expect.arrayContaining(['Kafka broker down', 'Consumer lag']));
    // "broker down" as a phrase: "a broker going down" in Consumer lag no longer counts.
    expect(await titles('"broker down"')).toEqual(['Kafka broker down']);
  });

  it('filters by service and by tag', async () => {
    const { titles } = await library();
    expect(await titles('broker', { service: 'orders' })).toEqual(expect.arrayContaining(['Consumer lag', 'Disk pressure']));
    expect(await titles('broker', { service: 'orders' })).toHaveLength(2);
    expect(await titles('broker', { tag: 'queues' })).toEqual(['Consumer lag']);
    expect(await titles('broker', { tag: 'queues', service: 'kafka' })).toEqual([]);
  });

  it('says which section matched, with a highlighted snippet from it', async () => {
    const { core } = await library();
    const [hit] = await op(core, 'searchRunbooks', { query: 'metrics' });
    expect(hit).toMatchObject({ title: 'Consumer lag', section: { id: 'diagnosis', title: 'Diagnosis' }, spelling: null });
    expect(hit?.snippet).toContain('<mark>metrics</mark>');
  });

  it('corrects a misspelt word to one the library contains, and says so', async () => {
    const { core } = await library();
    const [hit] = await op(core, 'searchRunbooks', { query: 'certifcate' });
    expect(hit).toMatchObject({ title: 'Certificate renewal', spelling: 'certificate' });
    expect(await op(core, 'searchRunbooks', { query: 'zzzzqqq' })).toEqual([]);
  });

  it("puts the runbook an alert name names first: its file name, its front matter's alert, or its title", async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    const mentions = 'MDSCpuUsageHigh often fires with this one: MDS CPU usage high means the MDS is busy. See MDSCpuUsageHigh.\n';
    writeFiles(dir, {
      'ceph/MDSCpuUsageHigh.md': '---\ntitle: Ceph metadata server CPU usage\n---\n# Metadata server busy\n\nScale the MDS up.\n',
      'ceph/mds-cache.md': `# MDS cache oversized\n\n${mentions.repeat(3)}`,
      'ceph/mds-behind.md': `# MDS behind on trimming\n\n${mentions.repeat(3)}`,
      'payments/latency.md': '---\ntitle: Checkout is slow\nalert: [CheckoutLatencyHigh, checkout_p99_slo_burn]\n---\nRoll back the last deploy.\n',
      'payments/errors.md': '# CheckoutErrorsHigh\n\nCheckoutLatencyHigh and CheckoutErrorsHigh fire together; CheckoutLatencyHigh first.\n',
    });
    await op(core, 'importRunbooks', { paths: [dir] });
    const titles = async (query: string) => (await op(core, 'searchRunbooks', { query })).map((hit) => hit.title);
    expect((await titles('MDSCpuUsageHigh'))[0]).toBe('Ceph metadata server CPU usage');
    expect((await titles('mds cpu usage high'))[0]).toBe('Ceph metadata server CPU usage');
    expect(await titles('CheckoutLatencyHigh')).toEqual(['Checkout is slow', 'CheckoutErrorsHigh']);
    expect(await titles('checkout_p99_slo_burn')).toEqual(['Checkout is slow']);
    expect((await titles('CheckoutErrorsHigh'))[0]).toBe('CheckoutErrorsHigh');
    // An exact name still obeys the filters.
    expect(await op(core, 'searchRunbooks', { query: 'MDSCpuUsageHigh', tag: 'nothing-has-this' })).toEqual([]);

    const [latency] = await op(core, 'searchRunbooks', { query: 'CheckoutLatencyHigh' });
    expect((await op(core, 'getRunbook', { id: latency?.id ?? 0 })).alerts).toEqual(['CheckoutLatencyHigh', 'checkout_p99_slo_burn']);
  });

  it('corrects two swapped letters as one slip', async () => {
    const { core } = memoryCore();
    const dir = tempDir();
    writeFiles(dir, {
      'osd-down.md': '# Ceph OSD down\n\nAn OSD is down: check `ceph osd tree`, then the host of the OSD that is down.\n',
      'pool-full.md': '# Ceph pool nearly full\n\nThe pool will be read-only when full; don\'t delete objects by hand.\n',
    });
    await op(core, 'importRunbooks', { paths: [dir] });
    const [hit] = await op(core, 'searchRunbooks', { query: 'ceph osd donw' });
    expect(hit).toMatchObject({ title: 'Ceph OSD down', spelling: 'ceph osd down' });
  });
});
