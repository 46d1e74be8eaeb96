import type { Element, Root } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface MarkdownHtmlOptions {
  /**
   * What an image's `src` becomes, after sanitizing: a data: URI for a stored
   * image, or null to drop the image and keep its alt text. Without it every
   * image is dropped: a file that leaves Holdfast must not fetch anything (a
   * remote image is a beacon that says who opened the file, and when).
   */
  image?: (src: string) => string | null;
  /** Levels to move every heading down, so the Markdown nests under the page's own (`#` with 2 becomes h3; h6 is the floor). */
  headingOffset?: number;
}

const sanitized = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize);

/**
 * GitHub-flavoured Markdown as HTML with everything unsafe removed (scripts,
 * event handlers, raw HTML, javascript: URLs): rehype-sanitize's GitHub schema.
 * Used wherever Markdown leaves Holdfast as a file: post-mortem exports and the
 * break-glass page.
 */
export function markdownToSafeHtml(markdown: string, options: MarkdownHtmlOptions = {}): string {
  const tree = sanitized.runSync(sanitized.parse(markdown));
  rewriteImages(tree, options.image ?? (() => null));
  if (options.headingOffset) lowerHeadings(tree, options.headingOffset);
  return unified().use(rehypeStringify).stringify(tree);
}

function rewriteImages(tree: Root, image: (src: string) => string | null): void {
  const visit = (node: Root | Element): void => {
    node.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      if (child.tagName === 'img') {
        const src = typeof child.properties.src === 'string' ? image(child.properties.src) : null;
        if (src) child.properties.src = src;
        else {
          const alt = typeof child.properties.alt === 'string' && child.properties.alt ? child.properties.alt : 'image';
          node.children[index] = { type: 'element', tagName: 'span', properties: { className: ['image-missing'] }, children: [{ type: 'text', value: `[${alt}]` }] };
        }
        return;
      }
      visit(child);
    });
  };
  visit(tree);
}

function lowerHeadings(tree: Root | Element, offset: number): void {
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    const level = /^h([1-6])$/.exec(child.tagName)?.[1];
    if (level) child.tagName = `h${Math.min(6, Number(level) + offset)}`;
    lowerHeadings(child, offset);
  }
}
