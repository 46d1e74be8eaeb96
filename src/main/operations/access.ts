import type { Session } from '../../shared/access';
import type { Access } from './op';

/** Whether a session may call an operation of this access class: a viewer only reads. */
export const mayCall = (session: Session, access: Access): boolean => session.role === 'responder' || access === 'read';

/**
 * Why a session may not call an operation (for FORBIDDEN), or null if it may. In
 * words a person reads on a screen: never the operation's internal name.
 */
export function refusal(session: Session, access: Access): string | null {
  if (mayCall(session, access)) return null;
  return access === 'script'
    ? "This console is read-only (viewer link), and a drill's script (its scenarios, the injects before they fire, the facilitator's notes) is for the facilitator. Open the responder link to see it."
    : 'This console is read-only (viewer link): it cannot change anything. Open the responder link to make changes.';
}
