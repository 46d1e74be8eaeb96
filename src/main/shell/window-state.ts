/**
 * Remembers the main window's size, position and maximized state in
 * `window-state.json` under userData, and puts it back on a display that exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { z } from 'zod';

const FILE = 'window-state.json';
const SAVE_DELAY_MS = 500;
const DEFAULT_SIZE = { width: 1280, height: 820 };

const WindowState = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
  maximized: z.boolean(),
});
type WindowState = z.infer<typeof WindowState>;

export interface InitialWindowState {
  bounds: Partial<Rectangle> & Pick<Rectangle, 'width' | 'height'>;
  maximized: boolean;
}

export function loadWindowState(dir: string): InitialWindowState {
  const saved = readState(path.join(dir, FILE));
  if (!saved) return { bounds: DEFAULT_SIZE, maximized: false };
  return { bounds: fitOnDisplay(saved), maximized: saved.maximized };
}

/** Saves on close, and shortly after the window stops moving or resizing. */
export function trackWindowState(win: BrowserWindow, dir: string): void {
  const file = path.join(dir, FILE);
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (win.isDestroyed()) return;
    writeState(file, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', save);
}

function readState(file: string): WindowState | undefined {
  try {
    const parsed = WindowState.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // missing or broken file: start with the default size
  }
}

function writeState(file: string, state: WindowState): void {
  try {
    const temp = `${file}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(state));
    fs.renameSync(temp, file);
  } catch (error) {
    console.warn('[holdfast] could not save the window state:', error);
  }
}

/** A monitor may have been unplugged since: keep the window wholly inside the nearest work area. */
function fitOnDisplay(bounds: Rectangle): Rectangle {
  const area = screen.getDisplayMatching(bounds).workArea;
  const width = Math.round(Math.min(bounds.width, area.width));
  const height = Math.round(Math.min(bounds.height, area.height));
  return {
    x: Math.round(clamp(bounds.x, area.x, area.x + area.width - width)),
    y: Math.round(clamp(bounds.y, area.y, area.y + area.height - height)),
    width,
    height,
  };
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);
