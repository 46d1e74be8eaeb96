import { routeHref } from '../../../app/route';
import { Markdown } from '../../../components/Markdown';
import { imageLoader } from '../../runbooks/assets';

/** "Open in the library": the runbook as it is now, in the reader. */
export function OpenInLibrary({ runbookId, title }: { runbookId: number; title: string }) {
  return (
    <a className="open-in-library" href={routeHref({ screen: 'runbook', id: runbookId })} aria-label={`Open ${title} in the library`}>
      Open in the library
    </a>
  );
}

/**
 * The one step of a runbook written without steps ("Read and follow the runbook."):
 * its text as the reader shows it, code blocks with their Copy buttons, so the
 * responder reads it where they work instead of hitting a dead end.
 */
export function RunbookToRead(props: { runbookId: number; title: string; body: string }) {
  return (
    <div className="read-and-follow">
      <p className="read-and-follow-lead">
        <strong>Read and follow the runbook.</strong> <span className="muted">It has no list of steps; mark this step when you have worked through it.</span>{' '}
        <OpenInLibrary runbookId={props.runbookId} title={props.title} />
      </p>
      {props.body ? (
        <section className="read-and-follow-body" aria-label={`${props.title}: the runbook`} tabIndex={0}>
          <Markdown source={props.body} loadImage={imageLoader(props.runbookId)} />
        </section>
      ) : (
        <p className="muted">The runbook holds nothing but its title.</p>
      )}
    </div>
  );
}
