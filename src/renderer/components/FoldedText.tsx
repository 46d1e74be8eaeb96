import { useState, type ReactNode } from 'react';

/** More lines or characters than these fold; folded, the first lines are shown (at most `SHOWN_CHARS`). */
const FOLD_LINES = 12;
const FOLD_CHARS = 2_000;
const SHOWN_LINES = 6;
const SHOWN_CHARS = 800;

/** What a long text shows folded, and how much there is; null when it is short enough to show whole. */
export function fold(text: string): { start: string; lines: number; chars: number } | null {
  const lines = countLines(text);
  if (lines <= FOLD_LINES && text.length <= FOLD_CHARS) return null;
  let end = -1;
  for (let line = 0; line < SHOWN_LINES; line += 1) {
    end = text.indexOf('\n', end + 1);
    if (end === -1) break;
  }
  const start = text.slice(0, Math.min(end === -1 ? text.length : end, SHOWN_CHARS)).trimEnd();
  return { start, lines, chars: text.length };
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return lines;
}

/**
 * A text shown whole when short, folded when long (a pasted log): its first
 * lines and "Show all 1,523 lines", which unfolds it in place. Nothing is cut:
 * the whole text is one click away and copies whole. `expanded`/`onToggle` let a
 * virtualized list keep a row unfolded while it scrolls out of view and back.
 */
export function FoldedText(props: { text: string; expanded?: boolean; onToggle?: () => void; render?: (text: string) => ReactNode }) {
  const [ownExpanded, setOwnExpanded] = useState(false);
  const expanded = props.expanded ?? ownExpanded;
  const toggle = props.onToggle ?? (() => setOwnExpanded((value) => !value));
  const render = props.render ?? ((text: string) => text);
  const folded = fold(props.text);
  if (folded === null) return <>{render(props.text)}</>;
  const amount = folded.lines > 1 ? `${count(folded.lines)} lines` : `${count(folded.chars)} characters`;
  return (
    <>
      {expanded ? render(props.text) : <>{render(folded.start)}…</>}
      <span className="fold-toggle-row">
        <button type="button" className="link-button fold-toggle" aria-expanded={expanded} onClick={toggle}>
          {expanded ? `Show less (fold the ${amount})` : `Show all ${amount}`}
        </button>
      </span>
    </>
  );
}

const count = (value: number): string => value.toLocaleString('en');
