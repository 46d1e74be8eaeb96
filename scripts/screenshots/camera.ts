/** What the README's screenshot scripts share: where the pictures go, the test clock, and taking one. */
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '../../test/e2e/web-console';

export const OUT = path.resolve('docs', 'screenshots');
export const MINUTE = 60;

/** Moves the console's test clock (`holdfast web --test-clock`) forward. */
export async function advance(request: APIRequestContext, holdfast: { origin: string; token: string }, seconds: number): Promise<void> {
  const response = await request.post(`${holdfast.origin}/test/clock`, { headers: { Authorization: `Bearer ${holdfast.token}` }, data: { seconds } });
  expect(response.ok()).toBe(true);
}

/** docs/screenshots/<name>.png of the page as it is, the pointer out of the way. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
}
