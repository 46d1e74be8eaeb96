/**
 * Every webContents the app ever creates (the console's window, and anything
 * a bug or a crafted page might open) stays on the console: navigation and
 * redirects anywhere but app://holdfast/ are cancelled, new windows are
 * denied (http(s)/mailto links go to the system browser instead), and
 * <webview> is refused. Installed once, app-wide, on 'web-contents-created',
 * before any window exists. Electron is only a type here, so this is tested
 * without it.
 */
import type { App, WebContents } from 'electron';

/** What the guard needs of a webContents; Electron's satisfies it. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: GuardedContents, appUrlPrefix: string, openExternally: (url: string) => void): void {
  const stayOnConsole = (event: { url: string; preventDefault(): void }) => {
    if (!event.url.startsWith(appUrlPrefix)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnConsole);
  contents.on('will-frame-navigate', stayOnConsole);
  contents.on('will-redirect', stayOnConsole);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/** Guards every webContents as it is created; call before the first window. */
export function installNavigationGuards(app: Pick<App, 'on'>, appUrlPrefix: string, openExternally: (url: string) => void): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appUrlPrefix, openExternally));
}
