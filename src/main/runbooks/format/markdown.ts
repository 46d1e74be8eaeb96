import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { RunbookMetadata } from '../../../shared/runbooks';
import { HoldfastError } from '../../errors';
import { checkMarkdownBounds } from './bounds';
import { FrontMatterError, interpretFrontMatter, readFrontMatterYaml, type FrontMatterFields } from './front-matter';
import { extractStructure, type RunbookStructure } from './structure';

export interface ParsedRunbook {
  uid: string | null;
  metadata: RunbookMetadata;
  extraFrontMatter: Record<string, unknown>;
  /** Markdown after the front matter, exactly as written. */
  body: string;
  /** The body's words without Markdown syntax, one block per line: what search indexes. */
  plainText: string;
  structure: RunbookStructure;
  /** Relative image paths the body refers to, as written. */
  images: string[];
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** The Markdown tree of a text, once it is known to be within the bounds the parser reads in reasonable time. */
export function parseMarkdown(text: string): Root {
  checkMarkdownBounds(text);
  return parser.parse(text);
}

/**
 * Reads a runbook file: YAML front matter (optional), then the body. The title is
 * the front matter's `title`, else the first level-1 heading, else the file name.
 */
export function parseRunbookFile(text: string, fileName: string, procedureHeadings: readonly string[]): ParsedRunbook {
  const tree = parseMarkdown(text);
  const first = tree.children[0];
  let body = text;
  let frontMatter: FrontMatterFields;
  try {
    const yamlText = first?.type === 'yaml' ? first.value : '';
    if (first?.type === 'yaml') body = text.slice(first.position?.end.offset ?? 0).replace(/^\r?\n/, '');
    frontMatter = interpretFrontMatter(readFrontMatterYaml(yamlText), yamlText);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new HoldfastError('VALIDATION', `${fileName}:${error.line}: ${error.message}`);
    throw error;
  }
  const { uid, metadata, extra } = frontMatter;
  const bodyTree = first?.type === 'yaml' ? withoutFrontMatter(tree, text, text.length - body.length) : tree;
  const title = metadata.title ?? firstHeading(bodyTree) ?? path.parse(fileName).name;
  return { uid, extraFrontMatter: extra, ...parseBody(body, procedureHeadings, bodyTree), metadata: { ...metadata, title } };
}

/**
 * The tree of the body, taken from the whole file's tree rather than parsed a
 * second time (parsing is most of an import's work): the front matter node is
 * dropped and every position moved back by what it took, so offsets index the
 * body text exactly as a parse of the body alone would.
 */
function withoutFrontMatter(tree: Root, text: string, removed: number): Root {
  const removedLines = text.slice(0, removed).split('\n').length - 1;
  const shift = (node: Nodes): void => {
    if (node.position) {
      node.position = {
        start: { line: node.position.start.line - removedLines, column: node.position.start.column, offset: (node.position.start.offset ?? removed) - removed },
        end: { line: node.position.end.line - removedLines, column: node.position.end.column, offset: (node.position.end.offset ?? removed) - removed },
      };
    }
    if ('children' in node) for (const child of node.children) shift(child);
  };
  const children = tree.children.slice(1);
  for (const child of children) shift(child);
  const end = tree.position?.end;
  return {
    type: 'root',
    children,
    ...(end ? { position: { start: { line: 1, column: 1, offset: 0 }, end: { line: end.line - removedLines, column: end.column, offset: (end.offset ?? removed) - removed } } } : {}),
  };
}

/** What Holdfast derives from a body: its searchable text, sections, steps and images. */
export function parseBody(
  body: string,
  procedureHeadings: readonly string[],
  tree: Root = parseMarkdown(body),
): Pick<ParsedRunbook, 'body' | 'plainText' | 'structure' | 'images'> {
  return {
    body,
    plainText: plainText(tree),
    structure: extractStructure(tree, body, procedureHeadings),
    images: relativeImages(tree),
  };
}

function firstHeading(tree: Root): string | null {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const text = heading ? toString(heading).trim() : '';
  return text || null;
}

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

function relativeImages(tree: Root): string[] {
  const found = new Set<string>();
  const walk = (node: Nodes) => {
    if (node.type === 'image' && isRelativeUrl(node.url)) found.add(decodeURI(node.url.split(/[?#]/)[0] ?? ''));
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return [...found].filter(Boolean);
}

export const isRelativeUrl = (url: string): boolean => !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url);
