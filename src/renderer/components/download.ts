/** Hands text or bytes to the browser (or the desktop app) as a file download, with no request to anywhere. */
export function downloadFile(fileName: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only keeps the content alive.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file name from something a person typed: no path separators or characters that upset file systems. */
export const safeFileName = (name: string): string =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  name.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-').replace(/^[.\s-]+|[.\s]+$/g, '') || 'download';
