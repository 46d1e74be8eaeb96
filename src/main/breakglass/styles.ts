/** The break-glass page's styles: large and plain, light or dark as the system is, and a clean print. */
export const BREAK_GLASS_STYLES = `
:root { color-scheme: light dark; --bg: #fbfbfc; --text: #16181d; --muted: #4b5563; --line: #d5d9e0; --raised: #f0f2f5; --accent: #0b5cad; --warn: #7a4100; --warn-bg: #fff1d6; --gap: #a3161a; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f1115; --text: #e8eaed; --muted: #aab1bd; --line: #2e3440; --raised: #1a1d24; --accent: #6cb6ff; --warn: #ffd27a; --warn-bg: #3a2a05; --gap: #ff8a80; }
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { background: var(--bg); color: var(--text); }
body { font: 17px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; max-width: 62rem; margin: 0 auto; padding: 0 1.25rem 4rem; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
pre { background: var(--raised); padding: 0.6rem 0.8rem; overflow-x: auto; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.25rem; }
th, td { border-bottom: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { color: var(--muted); font-weight: 600; }
h2 { font-size: 1.45rem; border-bottom: 2px solid var(--line); padding-bottom: 0.2rem; margin-top: 2.25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 0.25rem; }
.muted, .labels, .utc { color: var(--muted); font-weight: 400; }
.page-head { padding: 0.75rem 0 0; }
.kicker { margin: 0; font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.85rem; color: var(--muted); }
.page-head h1 { margin: 0.1rem 0 0.25rem; font-size: 1.6rem; }
.stale .page-head h1 { color: var(--warn); }
.stale .page-head h1::after { content: " — this copy is more than a day old"; font-size: 1rem; }
.snapshot { margin: 0 0 0.5rem; padding: 0.4rem 0.7rem; background: var(--warn-bg); color: var(--warn); border-radius: 6px; font-size: 0.95rem; }
.jump { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin-bottom: 0.5rem; }
.search { position: sticky; top: 0; z-index: 1; background: var(--bg); display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; padding: 0.5rem 0; border-bottom: 2px solid var(--line); }
.search label { font-weight: 600; }
.search input { flex: 1 1 20rem; font: inherit; padding: 0.45rem 0.7rem; color: var(--text); background: var(--bg); border: 2px solid var(--line); border-radius: 6px; }
.search input:focus { outline: 3px solid var(--accent); outline-offset: 1px; }
#search-status { flex-basis: 100%; margin: 0; color: var(--muted); font-size: 0.95rem; }
.runbook-index { padding-left: 1.5rem; }
.runbook-index li { margin: 0.3rem 0; }
.runbook-index a { font-weight: 600; }
.summary { color: var(--muted); }
.runbook { border-top: 3px solid var(--line); margin-top: 2rem; scroll-margin-top: 6rem; }
.runbook:target, .runbook:focus { outline: 3px solid var(--accent); outline-offset: 6px; }
.runbook > h2 { border: 0; margin-top: 1rem; }
.facts { color: var(--muted); margin-top: 0; }
.markdown h3 { font-size: 1.2rem; }
.markdown h4 { font-size: 1.05rem; }
.markdown h5, .markdown h6 { font-size: 1rem; }
.markdown img { max-width: 100%; }
.image-missing { color: var(--muted); font-style: italic; }
.gap { color: var(--gap); }
.override { font-size: 0.8rem; border: 1px solid var(--line); border-radius: 4px; padding: 0 0.3rem; color: var(--muted); }
.contact { display: inline-block; margin-right: 0.9rem; white-space: nowrap; }
.levels li { margin: 0.4rem 0; }
.back { font-size: 0.9rem; }
section { scroll-margin-top: 6rem; }
@media print {
  :root { color-scheme: light; --bg: #fff; --text: #000; --muted: #333; --line: #999; --raised: #f3f3f3; --accent: #000; }
  body { max-width: none; font-size: 11pt; padding: 0; }
  .page-head { position: static; }
  .search, .jump, .back { display: none; }
  [hidden] { display: block !important; }
  li[hidden] { display: list-item !important; }
  .runbook { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, pre, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;
