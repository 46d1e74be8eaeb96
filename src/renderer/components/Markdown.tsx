import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { createContext, useContext, useEffect, useState, type ComponentProps, type MouseEvent, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { looksLikeCommand } from '../../shared/step-text';
import { commandToCopy } from '../../shared/command-copy';
import { CopyButton } from './CopyButton';
import { isExternalUrl, openExternal } from './external';
import { rehypeHeadingIds } from './heading-ids';
import { TimerIcon } from './icons';
import { rehypeTimerMarks, TIMER_MARK } from './timer-marks';

/** Loads an image stored with the runbook (a relative path) as a data: URL; null when there is none. */
export type ImageLoader = (path: string) => Promise<string | null>;

const ImageLoaderContext = createContext<ImageLoader | null>(null);

/**
 * GitHub-flavoured Markdown. Raw HTML in a document is parsed and then passed
 * through rehype-sanitize's GitHub-like allow-list, so a runbook can never run
 * script; remote images are never fetched (the console works offline, and the
 * CSP would block them); links out of the app ask first.
 *
 * `variant="step"` is for one step's text in an outline: its code blocks are left
 * out, because the outline lists them as commands with their own copy buttons,
 * and inline code that reads as a command gets its Copy button where it stands
 * (a name such as `payments-api` gets none; src/shared/step-text.ts).
 *
 * `variant="inline"` is for one line of a step (its summary) in a list, a table
 * or a sentence: no block around it, and with `plainLinks` links read as words
 * (inside a button, where a link cannot be).
 */
export function Markdown(props: {
  source: string;
  /** Leaves out an opening `# Title` that repeats the page's own title. */
  title?: string | undefined;
  loadImage?: ImageLoader | undefined;
  variant?: 'document' | 'step' | 'inline';
  plainLinks?: boolean;
}) {
  if (props.variant === 'inline') {
    return (
      <span className="markdown markdown-inline">
        <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeRaw, rehypeSanitize]} components={props.plainLinks ? plainInlineComponents : inlineComponents}>
          {props.source}
        </ReactMarkdown>
      </span>
    );
  }
  const step = props.variant === 'step';
  return (
    <ImageLoaderContext value={props.loadImage ?? null}>
      <div className={step ? 'markdown markdown-step' : 'markdown'}>
        <ReactMarkdown
          remarkPlugins={[remarkGfm]}
          rehypePlugins={
            step ? [rehypeRaw, rehypeSanitize, rehypeTimerMarks] : [rehypeRaw, rehypeSanitize, [rehypeHeadingIds, { dropTitle: props.title }], rehypeTimerMarks]
          }
          components={step ? stepComponents : documentComponents}
        >
          {props.source}
        </ReactMarkdown>
      </div>
    </ImageLoaderContext>
  );
}

type WithNode<T extends keyof React.JSX.IntrinsicElements> = ComponentProps<T> & { node?: Element | undefined };

function CodeBlock({ node, children, ...props }: WithNode<'pre'>) {
  // Shown as written; copied without shell prompts and their output (see commandToCopy).
  const text = node ? commandToCopy(toString(node).replace(/\n$/, '')) : '';
  return (
    <div className="code-block">
      {/* Focusable so a long line can be scrolled with the keyboard. */}
      <pre {...props} tabIndex={0}>
        {children}
      </pre>
      <CopyButton text={text} label="Copy" />
    </div>
  );
}

function Link({ node: _node, href, children, ...props }: WithNode<'a'>) {
  if (href !== undefined && isExternalUrl(href)) {
    const leave = (event: MouseEvent) => {
      event.preventDefault();
      void openExternal(href);
    };
    return (
      <a {...props} href={href} className="external-link" onClick={leave} onAuxClick={leave} title={href}>
        {children}
      </a>
    );
  }
  if (href?.startsWith('#')) {
    // An anchor inside the document: scroll to its heading rather than change the console's route.
    const scroll = (event: MouseEvent<HTMLAnchorElement>) => {
      event.preventDefault();
      const id = decodeURIComponent(href.slice(1));
      event.currentTarget.closest('.markdown')?.querySelector(`#${CSS.escape(id)}`)?.scrollIntoView({ block: 'start' });
    };
    return (
      <a {...props} href={href} onClick={scroll}>
        {children}
      </a>
    );
  }
  // A relative link points at a file next to the Markdown source, which the console cannot open.
  return (
    <a
      {...props}
      href={href}
      className="dead-link"
      title={href ? `${href} (a file beside the runbook; not opened here)` : undefined}
      onClick={(event) => event.preventDefault()}
    >
      {children}
    </a>
  );
}

function Image({ node: _node, src, alt }: WithNode<'img'>) {
  const loadImage = useContext(ImageLoaderContext);
  const source = typeof src === 'string' ? src : '';
  if (/^https?:/i.test(source) || !source || !loadImage) return <ImagePlaceholder alt={alt} src={source} />;
  return <StoredImage path={source} alt={alt ?? ''} loadImage={loadImage} />;
}

/** A picture that would need the network (or was not imported): say what it is instead of showing a broken image. */
function ImagePlaceholder({ alt, src, reason }: { alt: string | undefined; src: string; reason?: string }) {
  return (
    <span className="image-placeholder" title={reason ?? 'Remote images are not loaded: Holdfast works offline'}>
      [image: {alt?.trim() || 'no description'}
      {src && (
        <>
          {' — '}
          {isExternalUrl(src) ? <Link href={src}>{src}</Link> : <code>{src}</code>}
        </>
      )}
      ]
    </span>
  );
}

function StoredImage({ path, alt, loadImage }: { path: string; alt: string; loadImage: ImageLoader }) {
  const [loaded, setLoaded] = useState<{ path: string; url: string | null } | null>(null);
  useEffect(() => {
    let current = true;
    void loadImage(path).then((url) => {
      if (current) setLoaded({ path, url });
    });
    return () => {
      current = false;
    };
  }, [path, loadImage]);
  if (loaded?.path !== path) return <span className="image-loading" aria-label={`image: ${alt}`} />;
  if (loaded.url === null) return <ImagePlaceholder alt={alt} src={path} reason="This image was not imported with the runbook" />;
  return <img src={loaded.url} alt={alt} />;
}

/** A task-list box (`- [ ]`) is read-only in a runbook; it still needs a name for screen readers. */
function TaskBox({ node, ...props }: WithNode<'input'>) {
  void node;
  return props.type === 'checkbox' ? <input {...props} aria-label="Task" /> : <input {...props} />;
}

/** Inline code in a step: a command keeps its Copy button beside it (code blocks never reach here: the step variant leaves them out). */
function StepCode({ node, children, ...props }: WithNode<'code'>) {
  const text = node ? toString(node).trim() : '';
  if (!looksLikeCommand(text)) return <code {...props}>{children}</code>;
  return (
    <>
      <code {...props}>{children}</code>
      <CopyButton text={commandToCopy(text)} label="Copy" what={`command ${text}`} inline />
    </>
  );
}

/** A paragraph of a one-line summary: its words, without a block around them. */
const Words = ({ children }: { children?: ReactNode }) => <>{children}</>;

/** A link read as words, where a link cannot be (inside a button). */
const LinkWords = ({ children }: { children?: ReactNode }) => <span className="link-words">{children}</span>;

/** A step's timer mark (⏱), drawn: the character is missing from many fonts. */
function Span({ node: _node, className, ...props }: WithNode<'span'>) {
  if (className === TIMER_MARK) return <TimerIcon label="timer" className="timer-icon" />;
  return <span className={className} {...props} />;
}

const documentComponents: Components = { pre: CodeBlock, a: Link, img: Image, input: TaskBox, span: Span };
const stepComponents: Components = { pre: () => null, code: StepCode, a: Link, img: Image, input: TaskBox, span: Span };
const inlineComponents: Components = { p: Words, a: Link, img: Image, input: TaskBox, span: Span };
const plainInlineComponents: Components = { p: Words, a: LinkWords, img: Image, input: TaskBox, span: Span };
