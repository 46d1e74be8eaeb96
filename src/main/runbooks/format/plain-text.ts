import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';

const BLOCK_CONTAINERS = new Set(['root', 'list', 'listItem', 'blockquote', 'table', 'tableRow']);

/** Text of a Markdown tree with block boundaries kept as line breaks (toString alone runs them together). */
export function plainText(node: Nodes): string {
  if (node.type === 'yaml') return '';
  if (BLOCK_CONTAINERS.has(node.type) && 'children' in node) {
    const separator = node.type === 'tableRow' ? ' | ' : '\n';
    return node.children
      .map((child) => plainText(child))
      .filter((text) => text !== '')
      .join(separator);
  }
  return toString(node);
}
