import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardWebContents, installNavigationGuards, type GuardedContents } from '../../../src/main/shell/navigation-guard';
import { APP_ROOT } from '../../fixtures/temp';

const PREFIX = 'app://holdfast/';

/** A stand-in webContents that records what the guard registers. */
function fakeContents() {
  const handlers = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, handler: (event: { url: string; preventDefault(): void }) => void) => {
      handlers.set(name, handler);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      windowOpen = handler;
    },
  };
  /** Fires `name` for `url`; true when the guard cancelled it. */
  const fire = (name: string, url: string): boolean => {
    let prevented = false;
    handlers.get(name)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents: contents as unknown as GuardedContents, handlers, fire, open: (url: string) => windowOpen?.({ url }) };
}

describe('the navigation guard on every webContents', () => {
  it('cancels navigation and redirects off the console, in any frame, and lets the console move within itself', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents, PREFIX, () => undefined);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://holdfastx/', 'javascript:alert(1)', 'data:text/html,<b>x</b>']) {
        expect(fake.fire(event, url), `${event} ${url}`).toBe(true);
      }
      expect(fake.fire(event, `${PREFIX}index.html#/incidents`), event).toBe(false);
    }
    expect(fake.fire('will-attach-webview', PREFIX)).toBe(true);
  });

  it('denies every new window, handing only the link to the system browser', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    guardWebContents(fake.contents, PREFIX, (url) => opened.push(url));
    expect(fake.open('https://runbooks.example/disk')).toEqual({ action: 'deny' });
    expect(fake.open(`${PREFIX}index.html`)).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://runbooks.example/disk', `${PREFIX}index.html`]);
  });

  it('is installed app-wide on web-contents-created, so a webContents the app did not make itself is guarded too', () => {
    let created: ((event: unknown, contents: GuardedContents) => void) | undefined;
    const app = { on: (name: string, handler: (event: unknown, contents: GuardedContents) => void) => ((created = name === 'web-contents-created' ? handler : created), app) };
    installNavigationGuards(app as never, PREFIX, () => undefined);
    const fake = fakeContents();
    created?.({}, fake.contents);
    expect(fake.fire('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('the shell installs it before any window, and no window sets navigation handlers of its own', () => {
    const main = fs.readFileSync(path.join(APP_ROOT, 'src/main/shell/main.ts'), 'utf8');
    const install = main.indexOf('installNavigationGuards(app, APP_URL_PREFIX, openExternally)');
    expect(install).toBeGreaterThan(0);
    expect(install).toBeLessThan(main.indexOf('.whenReady()'));
    expect(main).not.toMatch(/\.on\('will-navigate'|setWindowOpenHandler/);
  });
});
