import { escapeHtml } from './markdown';

/**
 * A page that stands alone as one file (an export, the break-glass copy): UTF-8,
 * sized for the device, its Content-Security-Policy in the page itself (there is
 * no server to send one), no referrer on its links, its styles inline. `body` is
 * HTML already escaped.
 */
export function standalonePage(page: { title: string; contentSecurityPolicy: string; styles: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(page.contentSecurityPolicy)}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)}</title>
<style>${page.styles}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}
