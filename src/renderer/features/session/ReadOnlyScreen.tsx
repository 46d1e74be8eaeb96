import { routeHref, type Route } from '../../app/route';

/** Why a viewer's console does not open a screen, and where to go instead. */
export interface Closed {
  title: string;
  reason: string;
  back: Route;
  backLabel: string;
}

/**
 * The screens only a responder's console opens: they change data as they open or
 * exist to change it. A viewer (the read-only link) is told so in a sentence.
 */
export function closedToViewers(route: Route): Closed | null {
  switch (route.screen) {
    case 'new-runbook':
    case 'edit-runbook':
      return {
        title: 'Runbooks are written on a responder’s console',
        reason: 'This console is read-only (viewer link), so it cannot write or edit a runbook. Open the responder link that holdfast web printed to do that.',
        back: route.screen === 'edit-runbook' ? { screen: 'runbook', id: route.id } : { screen: 'library' },
        backLabel: route.screen === 'edit-runbook' ? 'Read the runbook' : 'Go to the runbook library',
      };
    case 'new-drill-scenario':
    case 'edit-drill-scenario':
      return {
        title: 'Drill scenarios are for the facilitator',
        reason: 'This console is read-only (viewer link): it shows drills as responders see them, never their script. Open the responder link to write or edit a scenario.',
        back: { screen: 'drills' },
        backLabel: 'Go to the drills',
      };
    case 'postmortem':
      return {
        title: `The post-mortem of incident #${route.id} opens on a responder’s console`,
        reason: 'This console is read-only (viewer link), and a post-mortem is written from the incident’s record when it is first opened. Open the responder link to read or edit it.',
        back: { screen: 'incident', id: route.id },
        backLabel: `Go to incident #${route.id}`,
      };
    default:
      return null;
  }
}

export function ReadOnlyScreen({ closed }: { closed: Closed }) {
  return (
    <div className="not-found read-only-screen">
      <h1>{closed.title}</h1>
      <p>{closed.reason}</p>
      <a href={routeHref(closed.back)}>{closed.backLabel}</a>
    </div>
  );
}
