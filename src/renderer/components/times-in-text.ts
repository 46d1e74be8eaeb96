/**
 * Text the core writes with instants in it ("a freeze is in force from
 * 2026-11-27T18:00Z to 2026-11-28T06:00Z"), cut into its words and its
 * instants, so the console can show each instant as every other time (in the
 * reader's zone, with the zone named) and the command line keeps UTC.
 */

/** An ISO-8601 instant with its offset: `2026-11-27T18:00Z`, `…T18:00:00.000Z`, `…T18:00:00+01:00`. */
const INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})/g;

export type TextPart = { text: string } | { iso: string };

export function timesInText(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(INSTANT)) {
    const at = Date.parse(match[0]);
    if (Number.isNaN(at)) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ iso: new Date(at).toISOString() });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
