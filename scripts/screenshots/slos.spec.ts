/**
 * The README's SLO pictures (docs/screenshots/slos.png and slo.png, and their
 * -dark twins): a month of a shop's SLOs on a test clock, some budgeted from
 * request counts imported as CSV (a daily rhythm, a small steady error rate,
 * the incidents' spikes, a data gap excluded), some from the incidents
 * themselves, with the changes made on checkout during the month.
 */
import { sloText } from '../../test/fixtures/openslo-text';
import { callApi, expect, startConsole, test } from '../../test/e2e/web-console';
import { advance, MINUTE, shoot } from './camera';

const DAY = 24 * 60 * MINUTE;
/** The data's bucket, in seconds. */
const STEP = 5 * MINUTE;

/** Budget policy on the services, as a team would set it. */
const SERVICES = ['checkout', 'payments', 'search', 'edge-proxy']
  .map(
    (name) => `apiVersion: openslo/v1
kind: Service
metadata:
  name: ${name}
  annotations:
    holdfast.dev/budget-warn-below-percent: "30"
    holdfast.dev/budget-block-below-percent: "5"
spec:
  description: The ${name} service
`,
  )
  .join('---\n');

const SLOS = [
  sloText({ name: 'checkout-availability', service: 'checkout', sli: 'incidents', target: '0.999' }),
  sloText({ name: 'checkout-requests', service: 'checkout', sli: 'requests', target: '0.995', window: '    - duration: 28d\n      isRolling: true' }),
  sloText({ name: 'payments-availability', service: 'payments', sli: 'incidents', target: '0.9995' }),
  sloText({ name: 'search-requests', service: 'search', sli: 'requests', target: '0.99' }),
  sloText({ name: 'edge-proxy-availability', service: 'edge-proxy', sli: 'incidents', target: '0.999' }),
].join('---\n');

interface Outage {
  /** Days after the month's start. */
  day: number;
  title: string;
  severity: 'SEV1' | 'SEV2' | 'SEV3';
  services: string[];
  minutes: number;
  /** The share of users hurt, when not all. */
  percent?: number;
  /** The share of checkout's requests that failed meanwhile. */
  checkoutErrors?: number;
}

const OUTAGES: Outage[] = [
  { day: 6.4, title: 'Payment provider timeouts', severity: 'SEV1', services: ['payments', 'checkout'], minutes: 24, checkoutErrors: 0.9 },
  { day: 15.6, title: 'Checkout 5xx after deploy v143', severity: 'SEV2', services: ['checkout'], minutes: 35, percent: 40, checkoutErrors: 0.4 },
  { day: 21.3, title: 'Edge certificate expired on a regional proxy', severity: 'SEV2', services: ['edge-proxy'], minutes: 12, percent: 25 },
];

/** A day's traffic: quiet at night, busiest in the evening (UTC), per 5-minute bucket. */
function requests(at: number, peak: number): number {
  const hour = (at % DAY) / (60 * MINUTE);
  return Math.round(peak * (0.55 + 0.45 * Math.sin(((hour - 13) / 24) * 2 * Math.PI)));
}

/** Deterministic noise in [0, 1) from a bucket's time, so the pictures are the same on every run. */
const noise = (at: number, salt: number): number => {
  const x = Math.sin(at / 300 + salt) * 10_000;
  return x - Math.floor(x);
};

function requestsCsv(from: number, to: number, options: { peak: number; errorRate: number; salt: number; spikes: { from: number; to: number; errors: number }[]; gaps: { from: number; to: number }[] }): string {
  const rows = ['timestamp,good,total'];
  for (let at = from; at < to; at += STEP) {
    if (options.gaps.some((gap) => at >= gap.from && at < gap.to)) continue;
    const total = requests(at, options.peak);
    const spike = options.spikes.find((range) => at + STEP > range.from && at < range.to);
    const rate = spike ? spike.errors : options.errorRate * (0.4 + 1.2 * noise(at, options.salt));
    rows.push(`${new Date(at * 1000).toISOString()},${total - Math.round(total * rate)},${total}`);
  }
  return `${rows.join('\n')}\n`;
}

test('SLO screenshots', async ({ browser, request }) => {
  test.setTimeout(300_000);
  // The month begins 30 days before the browser's now, on a 5-minute boundary; the test clock walks it.
  const start = Math.floor((Date.now() / 1000 - 30 * DAY) / STEP) * STEP;
  const holdfast = await startConsole(['--test-clock', new Date(start * 1000).toISOString()]);
  try {
    const api = <T>(operation: string, input: unknown) => callApi<T>(request, holdfast, operation, input);
    let now = start;
    // The test clock moves a week at most at a time.
    const moveTo = async (at: number) => {
      while (now < at) {
        const seconds = Math.min(at - now, 7 * DAY);
        await advance(request, holdfast, seconds);
        now += seconds;
      }
    };
    const iso = (at: number) => new Date(at * 1000).toISOString();
    await api('updateSettings', { author: 'Sam Okoro' });
    const imported = await api<{ failed: unknown[] }>('importSloText', { files: [{ name: 'services.yaml', text: SERVICES }, { name: 'slos.yaml', text: SLOS }] });
    expect(imported.failed).toEqual([]);

    // The changes made on checkout during the month (their owner from the demo's roster): dotted lines on its burn-down.
    for (const change of [
      { day: 3.6, title: 'Checkout v141: new basket endpoint' },
      { day: 15.55, title: 'Checkout v143: payment retries' },
      { day: 24.4, title: 'Raise the checkout DB pool to 80' },
    ]) {
      const at = start + Math.round((change.day * DAY) / STEP) * STEP;
      await api('createChange', { title: change.title, services: ['checkout'], type: 'standard', risk: 'low', owner: 'maya', start: iso(at), end: iso(at + 30 * MINUTE) });
    }

    // The month's incidents, declared, worked and resolved as the clock walks.
    for (const outage of OUTAGES) {
      await moveTo(start + Math.round((outage.day * DAY) / STEP) * STEP);
      const incident = await api<{ id: number }>('declareIncident', { title: outage.title, severity: outage.severity, services: outage.services, actor: 'Priya Raman' });
      await moveTo(now + 3 * MINUTE);
      await api('acknowledgeIncident', { id: incident.id, actor: 'Priya Raman' });
      if (outage.percent !== undefined) await api('setIncidentImpact', { id: incident.id, impactStartedAt: null, impactPercent: outage.percent, actor: 'Priya Raman' });
      await moveTo(now + (outage.minutes - 3) * MINUTE);
      await api('changeStatus', { id: incident.id, status: 'resolved', summary: 'Mitigated; see the timeline.', actor: 'Priya Raman' });
    }
    const end = Math.floor((start + 30 * DAY - 10 * MINUTE) / STEP) * STEP;
    await moveTo(end);

    // A month of request counts, as a Prometheus export to CSV would give them.
    const at = (day: number) => start + Math.round((day * DAY) / STEP) * STEP;
    const spikes = OUTAGES.filter((outage) => outage.checkoutErrors !== undefined).map((outage) => ({ from: at(outage.day), to: at(outage.day) + outage.minutes * MINUTE, errors: outage.checkoutErrors ?? 0 }));
    const exporterDown = { from: at(26.2), to: at(26.2) + 3 * 60 * MINUTE };
    const checkoutCsv = requestsCsv(start, end, { peak: 9000, errorRate: 0.0012, salt: 1, spikes, gaps: [exporterDown] });
    await api('importSloDataText', { name: 'checkout-requests', file: { name: 'checkout-requests.csv', text: checkoutCsv } });
    await api('excludeSloTime', { name: 'checkout-requests', from: iso(exporterDown.from), to: iso(exporterDown.to), reason: 'Metrics exporter down: no data', actor: 'Lee Park' });
    const upgrade = { from: at(11.1), to: at(11.1) + 2 * 60 * MINUTE };
    const searchCsv = requestsCsv(start, end, { peak: 20_000, errorRate: 0.003, salt: 2, spikes: [{ ...upgrade, errors: 0.08 }], gaps: [] });
    await api('importSloDataText', { name: 'search-requests', file: { name: 'search-requests.csv', text: searchCsv } });
    await api('excludeSloTime', { name: 'search-requests', from: iso(upgrade.from), to: iso(upgrade.to), reason: 'Search cluster upgrade (planned maintenance)', actor: 'Lee Park' });

    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
      const page = await context.newPage();
      await page.addInitScript((choice) => {
        localStorage.setItem('holdfast.theme', choice);
        localStorage.setItem('holdfast.responder', JSON.stringify({ name: 'Sam Okoro', handle: null }));
      }, theme);
      const suffix = theme === 'dark' ? '-dark' : '';
      await page.goto(holdfast.url);
      await page.evaluate(() => (window.location.hash = '#/slos'));
      await expect(page.getByRole('table', { name: /SLOs by error budget left/ })).toBeVisible();
      await expect(page.getByRole('row')).toHaveCount(6);
      await shoot(page, `slos${suffix}`);
      await page.getByRole('link', { name: 'checkout-requests' }).click();
      await expect(page.locator('.recharts-area-curve')).toBeVisible();
      await expect(page.getByRole('application', { name: 'Budget left over the window' })).toContainText('Checkout v143');
      await shoot(page, `slo${suffix}`);
      await context.close();
    }
  } finally {
    await holdfast.stop();
  }
});
