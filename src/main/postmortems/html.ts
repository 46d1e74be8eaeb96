import { markdownToSafeHtml } from '../html/markdown';
import { standalonePage } from '../html/page';
import { plainListToHtml } from '../html/plain-list';

const STYLES = `
  :root { color-scheme: light; }
  body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #16181d; max-width: 58rem; margin: 2rem auto; padding: 0 1.5rem; }
  h1 { font-size: 1.8rem; margin-bottom: 0.5rem; }
  h2 { font-size: 1.3rem; border-bottom: 1px solid #d5d9e0; padding-bottom: 0.2rem; margin-top: 2rem; }
  h3 { font-size: 1.1rem; }
  table { border-collapse: collapse; margin: 0.75rem 0; width: 100%; }
  th, td { border: 1px solid #d5d9e0; padding: 0.3rem 0.55rem; text-align: left; vertical-align: top; }
  th { background: #f0f2f5; }
  code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
  pre { background: #f0f2f5; padding: 0.6rem 0.8rem; overflow-x: auto; }
  a { color: #0b5cad; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11pt; }
    h2 { break-after: avoid; }
    table, pre, li { break-inside: avoid; }
    a { color: inherit; }
  }
`;

/**
 * One self-contained HTML file: inline styles (with print styles), no scripts,
 * nothing fetched from elsewhere. Each block is rendered on its own so that a
 * section that is a plain list (the full timeline) skips the Markdown parser.
 */
export function postmortemHtml(title: string, heading: string, sections: { title: string; content: string }[]): string {
  const body = [
    markdownToSafeHtml(heading),
    ...sections.flatMap((section) => [markdownToSafeHtml(`## ${section.title}`), plainListToHtml(section.content) ?? markdownToSafeHtml(section.content)]),
  ].join('\n');
  return standalonePage({ title, contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:", styles: STYLES, body });
}
