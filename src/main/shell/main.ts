/**
 * Electron main process (built to dist/node/shell.cjs). Thin: it owns the
 * window and its lock-down, serves the built renderer on app://holdfast, and
 * forwards API calls to the core running in a utility process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, net, protocol, session, shell } from 'electron';
import { appPaths, defaultDataDir } from '../core/paths';
import { MENU_COMMAND_CHANNEL } from '../../shared/menu';
import { SECURITY_HEADERS } from '../server/security';
import { exportBreakGlassFromMenu } from './breakglass';
import { CoreClient } from './core-client';
import { registerIpc, sendChange } from './ipc';
import { installMenu } from './menu';
import { installNavigationGuards } from './navigation-guard';
import { electronNativeBinding } from './native-binding';
import { registerPrintToPdf } from './pdf';
import { loadWindowState, trackWindowState } from './window-state';

const SCHEME = 'app';
const HOST = 'holdfast';
const APP_URL_PREFIX = `${SCHEME}://${HOST}/`;
const START_URL = `${APP_URL_PREFIX}index.html`;
const BACKGROUND = '#0f1115';
/**
 * Copy buttons need clipboard writes, and step timers raise notifications; every
 * other permission is denied, and these two only to the console itself.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write', 'notifications']);

/** `--data=DIR` or `--data DIR`, as the CLI takes it, so both can point at one store. */
function dataDirFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg?.startsWith('--data=')) return arg.slice('--data='.length) || undefined;
    if (arg === '--data') return argv[i + 1];
  }
  return undefined;
}

// Before ready, and before the lock: the single-instance lock lives in userData.
const dataArg = dataDirFromArgv(process.argv);
const dataDir = dataArg ? path.resolve(dataArg) : defaultDataDir();
app.setPath('userData', dataDir);
// Chromium's caches and storage go in a subfolder, so the data folder the CLI shares stays readable.
app.setPath('sessionData', path.join(dataDir, 'electron-session'));

let mainWindow: BrowserWindow | undefined;
let core: CoreClient | undefined;
let coreStopped = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
  // Before any window: every webContents stays on the console and opens no window of its own.
  installNavigationGuards(app, APP_URL_PREFIX, openExternally);
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('before-quit', (event) => {
    if (!core || coreStopped) return;
    // Let the core close its store cleanly before Electron tears the process down.
    event.preventDefault();
    void core.stop().finally(() => {
      coreStopped = true;
      app.quit();
    });
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[holdfast] could not start:', error);
      app.exit(1);
    });
}

function start(): void {
  const root = app.getAppPath();
  const { assetsDir, rendererDir } = appPaths(root);

  serveRenderer(rendererDir);
  lockDownSession();

  core = new CoreClient({
    hostPath: path.join(root, 'dist', 'node', 'core-host.cjs'),
    init: { dataDir: app.getPath('userData'), assetsDir, nativeBinding: electronNativeBinding(root) },
    onEvent: (event) => {
      if (mainWindow && !mainWindow.isDestroyed()) sendChange(mainWindow.webContents, event);
    },
    onFatal: (failure, error) => {
      const title = failure === 'init-failed' ? 'Holdfast cannot open its data' : 'Holdfast’s data process keeps stopping';
      dialog.showErrorBox(title, error.message);
      app.quit();
    },
  });
  const client = core;
  registerIpc((name, input, requestId, responder) => client.request(name, input, requestId, responder), APP_URL_PREFIX);
  registerPrintToPdf(APP_URL_PREFIX);
  core.start();
  installMenu({
    dataDir: app.getPath('userData'),
    exportBreakGlass: () => void exportBreakGlassFromMenu((name, input) => client.request(name, input), mainWindow),
    send: (command) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MENU_COMMAND_CHANNEL, command);
    },
  });
  mainWindow = createWindow();
}

function createWindow(): BrowserWindow {
  const userData = app.getPath('userData');
  const state = loadWindowState(userData);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: BACKGROUND,
    title: 'Holdfast',
    webPreferences: {
      preload: path.join(app.getAppPath(), 'dist', 'node', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // No middle-click (auxclick) navigation into new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  trackWindowState(win, userData);
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });

  // Navigation, redirects, new windows and <webview> are refused by the guards on every webContents (navigation-guard.ts).
  win.loadURL(START_URL).catch((error: unknown) => console.error('[holdfast] could not load the console:', error));
  return win;
}

/** Links leave the app only for the system browser or mail client, and only as http(s) or mailto. */
function openExternally(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (['http:', 'https:', 'mailto:'].includes(parsed.protocol)) void shell.openExternal(parsed.href);
}

function lockDownSession(): void {
  const isOurs = (url: string | undefined): boolean => url?.startsWith(APP_URL_PREFIX) ?? false;
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isOurs(details.requestingUrl));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin) => {
    return ALLOWED_PERMISSIONS.has(permission) && isOurs(`${origin}/`);
  });
}

/** Serves dist/renderer on app://holdfast/ with the console's security headers; nothing outside it. */
function serveRenderer(rendererDir: string): void {
  protocol.handle(SCHEME, async (request) => {
    const file = rendererFile(rendererDir, request.url);
    if (!file) return notFound();
    try {
      if (!(await fs.promises.stat(file)).isFile()) return notFound();
      const response = await net.fetch(pathToFileURL(file).href);
      const headers = new Headers(response.headers);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
      return new Response(response.body, { status: response.status, headers });
    } catch {
      return notFound();
    }
  });
}

function rendererFile(rendererDir: string, url: string): string | undefined {
  try {
    const { host, pathname } = new URL(url);
    if (host !== HOST) return undefined;
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(rendererDir, `.${relative}`);
    const inside = path.relative(rendererDir, file);
    if (!inside || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return undefined;
    return file;
  } catch {
    return undefined; // unparsable URL or malformed percent-encoding
  }
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}
