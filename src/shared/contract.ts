/**
 * The contract of every operation Holdfast offers, derived from the operations
 * the domains declare (src/main/<domain>/ops.ts, merged in src/main/api.ts):
 * types only, so nothing of the main process reaches the renderer's bundle.
 * To add an operation, declare it in its domain's ops.ts; these follow.
 */
export type { InputOf, OperationName, OpSetName, OutputOf, ParsedInputOf } from '../main/api';
