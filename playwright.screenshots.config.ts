import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** `npm run screenshots`: the README's pictures, taken from the demo workspace by scripts/screenshots. */
export default defineConfig({
  ...base,
  testDir: 'scripts/screenshots',
  outputDir: 'test-results/screenshots',
  workers: 1,
  timeout: 180_000,
});
