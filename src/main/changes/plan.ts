import type { z } from 'zod';
import type { CreateChangeInput } from '../../shared/changes';
import { HoldfastError } from '../errors';
import type { RunbookLibrary } from '../runbooks/library';

/**
 * What a person typed (`change new`, the console's form) as the change record
 * parseNewChange judges: runbooks pinned to their current revision, the window
 * from its two instants and zone, each tier's gate from its own checks or the
 * change's, and the owner, when not named, the workspace's author if the
 * roster knows them. A runbook that does not exist is left for the reference
 * check to refuse with its field named.
 */
export function planChange(
  input: z.output<typeof CreateChangeInput>,
  context: { runbooks: RunbookLibrary; people: readonly { handle: string; name: string }[]; author: string },
): unknown {
  const pin = (pick: number | string | null | undefined) => {
    if (pick === null || pick === undefined) return null;
    try {
      const runbook = context.runbooks.get(pick);
      return { runbookId: runbook.id, revision: runbook.revision };
    } catch {
      return { runbookId: typeof pick === 'number' ? pick : 0, revision: 1 };
    }
  };
  const plan = pin(input.plan);
  const rollbackRef = pin(input.rollback ?? (input.rollbackSection ? input.plan : null));
  const rollback = rollbackRef && input.rollbackSection ? { ...rollbackRef, section: input.rollbackSection } : rollbackRef;
  return {
    title: input.title,
    services: input.services,
    type: input.type,
    risk: input.risk,
    owner: input.owner ?? ownerOf(context),
    approver: input.approver ?? null,
    window: { start: input.start, end: input.end, zone: input.zone },
    plan,
    rollback,
    tiers: input.tiers.map((tier) => ({
      name: tier.name,
      percent: tier.percent,
      soakMinutes: tier.soakMinutes,
      gate: { checks: tier.checks && tier.checks.length > 0 ? tier.checks : input.checks },
    })),
  };
}

function ownerOf({ people, author }: { people: readonly { handle: string; name: string }[]; author: string }): string {
  const wanted = author.trim().toLowerCase();
  const person = people.find((candidate) => candidate.handle.toLowerCase() === wanted || candidate.name.toLowerCase() === wanted);
  if (!person) {
    throw new HoldfastError('VALIDATION', `\`owner\`: name the change's owner by their roster handle (--owner HANDLE); "${author}", who is planning it, is not on the roster.`, 'owner');
  }
  return person.handle;
}
