/**
 * Every operation Holdfast offers, each domain's set merged into one table: the
 * source of the contract's types (src/shared/contract.ts through ./api.ts), of
 * the generated list of names and sets (src/shared/operation-names.ts), and of
 * the checks that run over every operation. The dispatcher (./api.ts) loads only
 * the set an operation is in; this file loads them all.
 */
import { changeOps } from './changes/ops';
import { drillOps } from './drills/ops';
import { incidentOps } from './incidents/ops';
import { combine } from './operations/op';
import { postmortemOps } from './postmortems/ops';
import { recoveryOps } from './recovery/ops';
import { rosterOps } from './rosters/ops';
import { runbookOps } from './runbooks/ops';
import { sloOps } from './slos/ops';
import { syncOps } from './sync/ops';
import { workspaceOps } from './workspace/ops';

/** Each domain's set by the name the dispatcher loads it under (./api.ts, OP_SET_LOADERS). */
export const OP_SETS = {
  recovery: recoveryOps,
  workspace: workspaceOps,
  runbooks: runbookOps,
  rosters: rosterOps,
  incidents: incidentOps,
  postmortems: postmortemOps,
  drills: drillOps,
  slos: sloOps,
  changes: changeOps,
  sync: syncOps,
};

/** Every operation Holdfast offers. A name declared in two sets does not compile. */
export const operations = combine(recoveryOps, workspaceOps, runbookOps, rosterOps, incidentOps, postmortemOps, drillOps, sloOps, changeOps, syncOps);

export type Operations = typeof operations;
export type OpSetName = keyof typeof OP_SETS;
