/**
 * Takes the README's screenshots (docs/screenshots/*.png) from the demo
 * workspace: a few weeks of incident history made on a test clock, then a live
 * incident worked through the console as a responder would.
 */
import { callApi, expect, startConsole, test } from '../../test/e2e/web-console';
import { advance, MINUTE, shoot } from './camera';
const DAY = 24 * 60 * MINUTE;

interface PastIncident {
  title: string;
  severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4';
  services: string[];
  ackMinutes: number;
  resolveMinutes: number;
  note: string;
  summary: string;
}

const PAST: PastIncident[] = [
  { title: 'Checkout 5xx after deploy v139', severity: 'SEV2', services: ['checkout'], ackMinutes: 4, resolveMinutes: 38, note: 'Rolled back v139; errors falling.', summary: 'A bad config flag in v139; rolled back.' },
  { title: 'Replica lag on orders-db', severity: 'SEV3', services: ['postgres-primary'], ackMinutes: 9, resolveMinutes: 95, note: 'Long-running analytics query on replica 2.', summary: 'Killed the query and moved analytics to its own replica.' },
  { title: 'Payment provider timeouts', severity: 'SEV1', services: ['payments', 'checkout'], ackMinutes: 2, resolveMinutes: 64, note: 'Provider status page confirms degradation in EU.', summary: 'Failed over to the secondary provider until theirs recovered.' },
  { title: 'Search p99 above 2 s', severity: 'SEV3', services: ['search'], ackMinutes: 12, resolveMinutes: 140, note: 'Index merge storm after the nightly rebuild.', summary: 'Throttled merges; rebuild moved off-peak.' },
  { title: 'Edge certificate expired on a regional proxy', severity: 'SEV2', services: ['edge-proxy'], ackMinutes: 3, resolveMinutes: 27, note: 'Renewal job failed silently last week.', summary: 'Renewed by hand; alert added for renewal failures.' },
  { title: 'Disk full on db-3', severity: 'SEV2', services: ['postgres-primary'], ackMinutes: 6, resolveMinutes: 52, note: 'WAL archiving stuck since 02:10.', summary: 'Fixed archive credentials; WAL drained.' },
  { title: 'Checkout latency regression', severity: 'SEV3', services: ['checkout'], ackMinutes: 7, resolveMinutes: 80, note: 'N+1 query in the new basket endpoint.', summary: 'Hotfix shipped with the query batched.' },
];

/** Two runs of the demo drill during those weeks, the second one faster. */
const DRILLS: Record<number, { ack: number; update: number; mitigate: number; observation: string }> = {
  2: { ack: 6, update: 9, mitigate: 26, observation: 'Nobody owned comms until the CFO inject.' },
  5: { ack: 3, update: 5, mitigate: 17, observation: 'Commander named in the first minute; rollback found from the runbook.' },
};
const DRILL_SECONDS = Object.values(DRILLS).reduce((sum, drill) => sum + drill.mitigate * MINUTE, 0);

const GAP_DAYS = 6;
/** Seconds the history moves the clock, so it can start early enough to end just before now. */
const HISTORY_SECONDS =
  PAST.reduce((sum, incident) => sum + (incident.ackMinutes + incident.resolveMinutes) * MINUTE + GAP_DAYS * DAY, 0) + DRILL_SECONDS;
const LIVE_SECONDS = 45 * MINUTE;

test('README screenshots', async ({ page, request }) => {
  const start = new Date(Date.now() - (HISTORY_SECONDS + LIVE_SECONDS) * 1000);
  const holdfast = await startConsole(['--test-clock', start.toISOString()]);
  try {
    const api = <T>(operation: string, input: unknown) => callApi<T>(request, holdfast, operation, input);
    const move = (seconds: number) => advance(request, holdfast, seconds);

    // The name the console's own actions are logged under (Settings), as a responder would have set it.
    await api('updateSettings', { author: 'Sam Okoro' });
    const [scenario] = await api<{ id: number }[]>('listDrillScenarios', {});
    if (!scenario) throw new Error('the demo workspace has no drill scenario');
    let lastDrill = 0;
    for (const [index, past] of PAST.entries()) {
      const drill = DRILLS[index];
      if (drill) {
        const run = await api<{ id: number; incidentId: number }>('startDrill', { scenarioId: scenario.id, actor: 'Lee Park' });
        await move(drill.ack * MINUTE);
        await api('acknowledgeIncident', { id: run.incidentId, actor: 'Priya Raman' });
        await move((drill.update - drill.ack) * MINUTE);
        await api('postStatusUpdate', { id: run.incidentId, audience: 'internal', text: 'Checkout errors; rolling back v87.', actor: 'Priya Raman' });
        await api('drillObservation', { id: run.id, text: drill.observation });
        await move((drill.mitigate - drill.update) * MINUTE);
        await api('changeStatus', { id: run.incidentId, status: 'monitoring', actor: 'Priya Raman' });
        await api('stopDrill', { id: run.id });
        lastDrill = run.id;
      }
      const incident = await api<{ id: number }>('declareIncident', { title: past.title, severity: past.severity, services: past.services });
      await move(past.ackMinutes * MINUTE);
      await api('acknowledgeIncident', { id: incident.id, actor: 'Priya Raman' });
      await api('logNote', { id: incident.id, text: past.note, actor: 'Priya Raman' });
      await move(past.resolveMinutes * MINUTE);
      await api('changeStatus', { id: incident.id, status: 'resolved', summary: past.summary, actor: 'Priya Raman' });
      await move(GAP_DAYS * DAY);
    }

    await page.goto(holdfast.url);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    const go = async (hash: string) => page.evaluate((target) => (window.location.hash = target), hash);

    // The library, searched.
    await page.keyboard.press('/');
    await page.keyboard.type('replication lag');
    await expect(page.locator('#runbook-results li').first()).toContainText('replication');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toContainText('replication');
    await shoot(page, 'library');

    // Who is on call.
    await go('#/oncall');
    await expect(page.getByRole('article').first()).toContainText('Escalation');
    await shoot(page, 'oncall');

    // A live incident, worked in the runner.
    await page.keyboard.press('Control+i');
    const declare = page.getByRole('dialog', { name: 'Declare an incident' });
    await declare.getByLabel('Title').fill('Checkout failing for card payments');
    await declare.getByRole('radio', { name: /^SEV1/ }).check();
    await declare.getByRole('button', { name: '+ checkout' }).click();
    await declare.getByRole('button', { name: 'Declare incident' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout failing for card payments' })).toBeVisible();
    await move(3 * MINUTE);
    const onCall = page.locator('.rota').first().locator('.person-card').first();
    const commander = (await onCall.locator('.person-name strong').innerText()).trim();
    await onCall.getByRole('button', { name: `Make commander: ${commander}` }).click();
    await page.getByRole('button', { name: 'Attach Checkout error rate above 2%' }).click();
    const runner = page.locator('.runner');
    await expect(runner.locator('.current-number')).toHaveText('Step 1');
    await move(2 * MINUTE);
    const mark = runner.getByRole('group', { name: 'Mark this step' });
    await mark.getByRole('button', { name: 'Done' }).click();
    await expect(runner.locator('.current-number')).toHaveText('Step 2');
    await move(4 * MINUTE);
    await runner.getByLabel(/^Note/).fill('Errors began 09:12, two minutes after deploy v143');
    await mark.getByRole('button', { name: 'Done' }).click();
    await expect(runner.locator('.current-number')).toHaveText('Step 3');
    await move(MINUTE);
    const note = page.getByLabel('Add a note to the timeline');
    await note.fill('Card payments failing with 502 from checkout-api; wallet payments fine.');
    await note.press('Enter');
    await expect(page.locator('.timeline-scroll').getByText('wallet payments fine')).toBeVisible();
    await shoot(page, 'incident');
    const liveHash = new URL(page.url()).hash;

    // A drill's scorecard and the scenario's trend.
    await go(`#/drills/runs/${lastDrill}`);
    await expect(page.getByRole('table', { name: 'Times against targets' })).toBeVisible();
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    await shoot(page, 'drill-scorecard');
    await go(`#/drills/scenarios/${scenario.id}/trends`);
    await expect(page.getByRole('table', { name: 'Past runs' })).toBeVisible();
    await shoot(page, 'drill-trends');

    // Its post-mortem, once resolved (an earlier one, with its history).
    const [provider] = await api<{ incident: { id: number } }[]>('searchIncidents', { query: 'payment provider' });
    if (!provider) throw new Error('the payment provider incident is missing from the history');
    await go(`#/incidents/${provider.incident.id}/postmortem`);
    await expect(page.getByRole('region', { name: 'Summary', exact: true })).toBeVisible();
    await shoot(page, 'postmortem');

    // MTTA and MTTR over the weeks.
    await go('#/metrics');
    await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    await shoot(page, 'metrics');

    // The SLO pictures are taken by slos.spec.ts, from a month of SLI data of their own.

    // A drill running now: the facilitator's console.
    const live = await api<{ id: number }>('startDrill', { scenarioId: scenario.id, actor: 'Lee Park' });
    await move(3 * MINUTE);
    await go(`#/drills/runs/${live.id}`);
    await expect(page.getByRole('region', { name: 'Drill clock' })).toContainText('Running');
    await shoot(page, 'drill-console');

    // The incident screen, dark, as it looks on a wall display at night.
    await page.evaluate(() => localStorage.setItem('holdfast.theme', 'dark'));
    await page.reload();
    await go(liveHash);
    await expect(page.getByRole('heading', { level: 1, name: 'Checkout failing for card payments' })).toBeVisible();
    await expect(runner.locator('.current-number')).toHaveText('Step 3');
    await expect(page.locator('.timeline-scroll').getByText('wallet payments fine')).toBeVisible();
    await shoot(page, 'incident-dark');
  } finally {
    await holdfast.stop();
  }
});
