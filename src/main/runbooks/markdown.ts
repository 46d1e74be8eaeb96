import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { RunbookFrontMatter } from '../../shared/runbooks';
import { HoldfastError } from '../errors';

export interface ParsedRunbook {
  title: string;
  /** Markdown after the front matter. */
  body: string;
  /** The body's words without Markdown syntax, one block per line: what search indexes and quotes. */
  plainText: string;
  frontMatter: Record<string, unknown>;
  tags: string[];
  services: string[];
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return parser.parse(text);
}

/**
 * Reads a runbook's Markdown: YAML front matter (optional), then the body.
 * The title is the front matter's `title`, else the first level-1 heading,
 * else the file name without its extension.
 */
export function parseRunbook(text: string, fileName: string): ParsedRunbook {
  const tree = parseMarkdown(text);
  const first = tree.children[0];
  let frontMatter: Record<string, unknown> = {};
  let body = text;
  if (first?.type === 'yaml') {
    frontMatter = readFrontMatter(first.value);
    const end = first.position?.end.offset ?? 0;
    body = text.slice(end).replace(/^\r?\n/, '');
  }
  const known = RunbookFrontMatter.safeParse(frontMatter);
  if (!known.success) {
    const issue = known.error.issues[0];
    throw new HoldfastError(
      'VALIDATION',
      `front matter: "${issue?.path.join('.') ?? '?'}" ${issue?.message ?? 'is invalid'}`,
    );
  }
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const title =
    nonEmpty(known.data.title) ?? nonEmpty(heading ? toString(heading) : undefined) ?? path.parse(fileName).name;
  return {
    title,
    body,
    plainText: plainText(tree),
    frontMatter,
    tags: unique(known.data.tags ?? []),
    services: unique([...(known.data.services ?? []), ...(known.data.service ?? [])]),
  };
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

function readFrontMatter(yamlText: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseYaml(yamlText);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0] ? ` at line ${error.linePos[0].line + 1}` : '';
      throw new HoldfastError('VALIDATION', `front matter is not valid YAML${where}: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new HoldfastError('VALIDATION', 'front matter must be a YAML mapping of keys to values');
  }
  return value as Record<string, unknown>;
}

const nonEmpty = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

const unique = (values: string[]): string[] => [...new Set(values)];
