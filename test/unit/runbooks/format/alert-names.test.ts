import { describe, expect, it } from 'vitest';
import { alertNames, isAlertName, nameKey } from '../../../../src/main/runbooks/format/alert-names';

describe('alert names of a runbook', () => {
  it("takes the front matter's alert (one or a list), an alert-named file, and an alert-named title, each once", () => {
    expect(alertNames({ title: 'CPU Throttling High', relativePath: 'kubernetes/CPUThrottlingHigh.md', extraFrontMatter: {} })).toEqual(['CPUThrottlingHigh']);
    expect(alertNames({ title: 'etcdNoLeader', relativePath: 'etcd/etcdNoLeader.md', extraFrontMatter: {} })).toEqual(['etcdNoLeader']);
    expect(alertNames({ title: 'MDSCpuUsageHigh', relativePath: null, extraFrontMatter: {} })).toEqual(['MDSCpuUsageHigh']);
    expect(alertNames({ title: 'Checkout is slow', relativePath: 'latency.md', extraFrontMatter: { alert: ' CheckoutLatencyHigh ' } })).toEqual(['CheckoutLatencyHigh']);
    expect(
      alertNames({ title: 'Checkout', relativePath: 'CheckoutLatencyHigh.md', extraFrontMatter: { alert: ['checkout_p99_burn', 'CheckoutLatencyHigh', '', { no: 1 }] } }),
    ).toEqual(['checkout_p99_burn', 'CheckoutLatencyHigh']);
  });

  it('reads nothing from plain file names and titles', () => {
    expect(alertNames({ title: 'Disk full', relativePath: 'storage/disk-full.md', extraFrontMatter: {} })).toEqual([]);
    expect(alertNames({ title: 'Watchdog', relativePath: 'general/README.md', extraFrontMatter: { alerts: 'NotThisKey' } })).toEqual([]);
  });

  it('knows an alert name by its case changes', () => {
    for (const name of ['CPUThrottlingHigh', 'etcdNoLeader', 'KubeAPIErrorBudgetBurn', 'node2Down', 'HTTPServerErrors']) expect(isAlertName(name), name).toBe(true);
    for (const text of ['Watchdog', 'README', 'disk-full', 'CPU Throttling High', 'kubelet', '']) expect(isAlertName(text), text).toBe(false);
  });
});

describe('nameKey', () => {
  it('makes an alert name, its title in words and a typed query one key', () => {
    expect(nameKey('CPUThrottlingHigh')).toBe('cputhrottlinghigh');
    expect(nameKey('CPU Throttling High')).toBe('cputhrottlinghigh');
    expect(nameKey('  cpu-throttling_high ')).toBe('cputhrottlinghigh');
    expect(nameKey('Déjà Vu')).toBe('dejavu');
    expect(nameKey('"?!')).toBe('');
  });
});
