import type { Element, ElementContent, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

/**
 * A Markdown list whose items are plain text — backslash escapes and `<https://…>`
 * autolinks only, as a post-mortem writes a timeline of 10,000 events — turned
 * into HTML without the Markdown parser, which takes seconds on such a list. The
 * tree goes through the same sanitizer and serializer as `markdownToSafeHtml`,
 * and a property test holds the two to the same output. Anything else (emphasis,
 * code, a nested list, a bare address GFM would link) returns null: the caller
 * renders it as Markdown.
 */
export function plainListToHtml(markdown: string): string | null {
  const lines = markdown.split('\n');
  const items: ElementContent[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const content = line.startsWith('- ') ? line.slice(2) : null;
    const children = content === null ? null : plainInline(content);
    if (!children) return null;
    // A long text written whole under its line: a fenced code block indented into the item (as a post-mortem writes a pasted log).
    const fence = /^ {2}(`{3,})$/.exec(lines[index + 1] ?? '')?.[1];
    if (fence !== undefined) {
      const block = codeBlock(lines, index + 2, fence);
      if (!block) return null;
      children.push({ type: 'text', value: '\n' }, block.pre, { type: 'text', value: '\n' });
      index = block.end;
    }
    items.push({ type: 'text', value: '\n' }, { type: 'element', tagName: 'li', properties: {}, children });
  }
  const list: Element = { type: 'element', tagName: 'ul', properties: {}, children: [...items, { type: 'text', value: '\n' }] };
  const tree: Root = { type: 'root', children: [list] };
  return serialize.stringify(sanitize.runSync(tree));
}

/**
 * The code block whose content starts at `start` and ends at the line holding
 * just the fence (indented two spaces): each line indented two spaces or blank.
 * Null for anything else (an unclosed fence, a line not indented, NUL, CR).
 */
function codeBlock(lines: string[], start: number, fence: string): { pre: Element; end: number } | null {
  const content: string[] = [];
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line === `  ${fence}`) {
      const code: Element = { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: content.map((text) => `${text}\n`).join('') }] };
      return { pre: { type: 'element', tagName: 'pre', properties: {}, children: [code] }, end: index };
    }
    if (/[\0\r]/.test(line) || (line !== '' && !/^ {2}\S|^ {2}[ \t]*\S/.test(line))) return null;
    if (new RegExp(`^ {2,5}\`{${fence.length},}[ \\t]*$`).test(line)) return null;
    content.push(line.slice(2));
  }
  return null;
}

const sanitize = unified().use(rehypeSanitize);
const serialize = unified().use(rehypeStringify);

/** Characters micromark keeps as they are in a link destination; with them an address is its own href. */
const AUTOLINK = /<(https?:\/\/(?:[!#$&-;=?-Z_a-z~]|%[\dA-Fa-f]{2})+)>/gu;
const ESCAPE = /\\([!-/:-@[-`{-~])/gu;
/** What could make Markdown more than text: formatting characters, raw HTML, entities, GFM's bare links. */
const NOT_PLAIN = /[\\`*[\]<>~&|]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|www\.|@|:\/\//u;

function plainInline(content: string): ElementContent[] | null {
  // Leading or trailing space, or a start that could open a block (list, heading, quote, rule, fence): not plain.
  if (content.trim() !== content || content === '' || /^(\d{1,9}[.)]|[-+*#>=|])/u.test(content)) return null;
  const children: ElementContent[] = [];
  let last = 0;
  for (const match of content.matchAll(AUTOLINK)) {
    const text = plainPart(content.slice(last, match.index));
    if (text === null) return null;
    if (text) children.push({ type: 'text', value: text });
    const href = match[1] ?? '';
    children.push({ type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: href }] });
    last = match.index + match[0].length;
  }
  const rest = plainPart(content.slice(last));
  if (rest === null) return null;
  if (rest) children.push({ type: 'text', value: rest });
  return children;
}

/** Text with backslash escapes and nothing else Markdown would act on, unescaped; null otherwise. */
function plainPart(text: string): string | null {
  if (NOT_PLAIN.test(text.replace(ESCAPE, ''))) return null;
  return text.replace(ESCAPE, '$1');
}
