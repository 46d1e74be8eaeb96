import GithubSlugger from 'github-slugger';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';

const HEADING = /^h[1-6]$/;

export interface HeadingIdsOptions {
  /** Drop the document's opening `# Title` when it repeats this text (the page shows the title already). */
  dropTitle?: string | undefined;
}

/**
 * Gives each heading of the document the anchor the core gives its section
 * (`RunbookSection.id`): GitHub's slugs of the heading's trimmed text, numbered
 * -1, -2… when repeated. Like the core, only the document's own headings count,
 * not headings inside quotes or lists.
 * Runs after rehype-sanitize, so the ids are ours and never `user-content-` prefixed.
 * The repeated title is removed only after counting, so later duplicate slugs
 * still match the core's.
 */
export function rehypeHeadingIds(options: HeadingIdsOptions = {}) {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    for (const node of tree.children) {
      if (node.type === 'element' && HEADING.test(node.tagName) && node.properties.id === undefined) {
        node.properties.id = slugger.slug(toString(node).trim());
      }
    }
    if (options.dropTitle !== undefined) dropRepeatedTitle(tree, options.dropTitle);
  };
}

function dropRepeatedTitle(tree: Root, title: string): void {
  const index = tree.children.findIndex((node) => node.type !== 'text' || node.value.trim() !== '');
  const first = tree.children[index];
  if (first?.type === 'element' && first.tagName === 'h1' && toString(first).trim() === title.trim()) {
    tree.children.splice(index, 1);
  }
}
