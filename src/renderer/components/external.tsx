import { ask } from './confirm';

/** Only these leave the app; anything else (javascript:, file:, …) is never opened. */
export const isExternalUrl = (url: string | undefined): boolean => {
  if (!url) return false;
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};

/**
 * Opens a link outside Holdfast after asking, showing the whole address so a
 * look-alike host cannot hide. In the desktop app the shell turns the new window
 * into the system browser (shell.openExternal); in a browser it is a new tab.
 */
export async function openExternal(url: string): Promise<void> {
  if (!isExternalUrl(url)) return;
  const yes = await ask({
    title: 'Leave Holdfast?',
    body: (
      <p className="external-question">
        Open <code className="external-url">{url}</code> in your browser?
      </p>
    ),
    confirmLabel: 'Open in browser',
    cancelLabel: 'Stay here',
    focus: 'confirm',
  });
  if (yes) window.open(url, '_blank', 'noopener');
}
