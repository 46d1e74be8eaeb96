import { encodeResponder } from '../../shared/sync';
import type { Core } from '../core/core';
import { resolveResponder } from '../sync/identity';

/**
 * Who the CLI's writes are by, as a console would say it (`Session.responder`):
 * `--as NAME`, else `HOLDFAST_AS`, read as the roster's person when it is their
 * handle or name (src/main/sync/identity.ts). Undefined when neither names
 * anyone: the dispatcher then writes under the Settings name. A name that cannot
 * be one is refused in words, saying whether it came from --as or HOLDFAST_AS.
 */
export function cliResponder(as: string | undefined, env: NodeJS.ProcessEnv, core: Core): string | undefined {
  if (as === undefined && !env.HOLDFAST_AS?.trim()) return undefined;
  const { name, handle } = resolveResponder({ as, env, settingsName: core.settings.author(), roster: core.rosters.roster().people });
  return encodeResponder({ name, handle });
}
