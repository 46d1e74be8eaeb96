import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import type { ComponentProps } from 'react';
import ReactMarkdown from 'react-markdown';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { CopyButton } from './CopyButton';

/**
 * GitHub-flavoured Markdown. Raw HTML in a document is parsed and then passed
 * through rehype-sanitize's GitHub-like allow-list, so a runbook can never run
 * script or load anything; the page's CSP is the second wall.
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeRaw, rehypeSanitize]}
        components={{ pre: CodeBlock, a: Link }}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}

function CodeBlock({ node, children, ...props }: ComponentProps<'pre'> & { node?: Element | undefined }) {
  const text = node ? toString(node).replace(/\n$/, '') : '';
  return (
    <div className="code-block">
      <pre {...props}>{children}</pre>
      <CopyButton text={text} label="Copy" />
    </div>
  );
}

function Link({ node: _node, href, children, ...props }: ComponentProps<'a'> & { node?: Element | undefined }) {
  const external = href !== undefined && /^(https?:|mailto:)/i.test(href);
  return (
    <a href={href} {...props} {...(external ? { target: '_blank', rel: 'noreferrer noopener' } : {})}>
      {children}
    </a>
  );
}
