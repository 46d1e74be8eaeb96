/**
 * The README's wall display pictures (docs/screenshots/wall-light.png and
 * wall-dark.png): three open incidents being worked, on a 1080p TV, opened from
 * the viewer's wall link as a TV would.
 */
import { callApi, expect, startConsole, test } from '../../test/e2e/web-console';
import { advance, MINUTE, shoot } from './camera';

interface Incident {
  id: number;
  runbooks: { runbookId: number; steps: { id: string }[] }[];
}

test('wall display screenshots', async ({ browser, request }) => {
  // The incidents began a while ago on the core's clock, which ends at the browser's now.
  const holdfast = await startConsole(['--test-clock', new Date(Date.now() - 52 * MINUTE * 1000).toISOString()]);
  try {
    const api = <T>(operation: string, input: unknown) => callApi<T>(request, holdfast, operation, input);
    const move = (minutes: number) => advance(request, holdfast, minutes * MINUTE);
    const { items } = await api<{ items: { id: number; title: string }[] }>('listRunbooks', {});
    const runbook = (title: string) => {
      const found = items.find((item) => item.title === title);
      if (!found) throw new Error(`the demo workspace has no runbook "${title}"`);
      return found.id;
    };

    const checkout = await api<Incident>('declareIncident', { title: 'Checkout failing for card payments', severity: 'SEV1', services: ['checkout'], actor: 'Priya Raman' });
    await move(2);
    await api('acknowledgeIncident', { id: checkout.id, actor: 'Priya Raman' });
    await api('assignRole', { id: checkout.id, role: 'commander', person: { name: 'Priya Raman', handle: 'priya' }, actor: 'Priya Raman' });
    await api('assignRole', { id: checkout.id, role: 'communications', person: { name: 'Sam Okoro', handle: 'sam' }, actor: 'Priya Raman' });
    await api('attachRunbook', { id: checkout.id, runbookId: runbook('Checkout error rate above 2%'), actor: 'Priya Raman' });
    const attached = await api<Incident>('getIncident', { id: checkout.id });
    const walk = attached.runbooks[0];
    await move(4);
    for (const [index, state] of (['done', 'done', 'started'] as const).entries()) {
      await api('setStepState', { id: checkout.id, runbookId: walk?.runbookId, stepId: walk?.steps[index]?.id, state, actor: 'Priya Raman' });
      await move(3);
    }
    await api('logNote', { id: checkout.id, text: 'Errors began 09:12, two minutes after deploy v143', actor: 'Priya Raman' });
    await move(5);
    await api('postStatusUpdate', { id: checkout.id, audience: 'internal', text: 'Card payments failing; rolling back v143.', actor: 'Sam Okoro' });

    await move(8);
    const replica = await api<Incident>('declareIncident', { title: 'Replica lag on orders-db', severity: 'SEV3', services: ['postgres-primary'], actor: 'Lee Park' });
    await move(3);
    await api('acknowledgeIncident', { id: replica.id, actor: 'Lee Park' });
    await api('assignRole', { id: replica.id, role: 'commander', person: { name: 'Lee Park', handle: 'lee' }, actor: 'Lee Park' });
    await api('changeStatus', { id: replica.id, status: 'identified', actor: 'Lee Park' });
    await api('logNote', { id: replica.id, text: 'Long-running analytics query on replica 2; asked the data team to stop it.', actor: 'Lee Park' });

    await move(12);
    await api('declareIncident', { title: 'Edge certificate expires in 6 hours on eu-west proxies', severity: 'SEV2', services: ['edge-proxy'], actor: 'Inês Duarte' });
    await move(6);
    await api('logNote', { id: checkout.id, text: 'Card payments failing with 502 from checkout-api; wallet payments fine.', actor: 'Sam Okoro' });

    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      await page.addInitScript((choice) => localStorage.setItem('holdfast.theme', choice), theme);
      await page.goto(`${holdfast.viewerUrl}&to=/wall`);
      const tiles = page.getByTestId('wall').getByRole('article');
      await expect(tiles).toHaveCount(3);
      await expect(page.getByRole('region', { name: 'Last notes' }).first()).toContainText('wallet payments fine');
      await shoot(page, `wall-${theme}`);
      await context.close();
    }
  } finally {
    await holdfast.stop();
  }
});
