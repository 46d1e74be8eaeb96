/**
 * Turns what a person types into an FTS5 query that cannot be a syntax error.
 * Every word is matched as a literal (so `kube-apiserver`, `NOT` or `c++` are
 * words, not operators), "quoted text" is a phrase, all terms must match, and
 * the last term matches as a prefix while the person is still typing it.
 * Returns null when there is nothing to search for.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const pattern = /"([^"]*)("?)|([^\s"]+)/g;
  let lastIsOpen = false;
  for (const match of input.matchAll(pattern)) {
    const [, phrase, closingQuote, word] = match;
    const text = (phrase ?? word ?? '').trim();
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    terms.push(`"${text.replaceAll('"', '""')}"`);
    const endsInput = (match.index ?? 0) + match[0].length === input.length;
    lastIsOpen = endsInput && (word !== undefined || closingQuote === '');
  }
  if (terms.length === 0) return null;
  if (lastIsOpen) terms[terms.length - 1] += '*';
  return terms.join(' ');
}
