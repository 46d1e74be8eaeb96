/**
 * The contract of every operation Holdfast offers: its name, the zod schema of
 * its input and the type of its output. The core implements it (src/main/api.ts),
 * the Electron preload, the web server and the CLI expose it, and the renderer's
 * client is typed by it. Add an operation here and the compiler asks for the rest.
 */
import type { z } from 'zod';
import {
  GetRunbookInput,
  ImportRunbooksInput,
  ListRunbooksInput,
  SearchRunbooksInput,
  type ImportReport,
  type Runbook,
  type RunbookHit,
  type RunbookList,
} from './runbooks';
import { EmptyInput, type WorkspaceInfo } from './workspace';

export interface OperationSpec<I extends z.ZodType, O> {
  input: I;
  summary: string;
  /** Never set: carries the output type. */
  readonly output?: O;
}

const returns =
  <O>() =>
  <I extends z.ZodType>(input: I, summary: string): OperationSpec<I, O> => ({ input, summary });

export const contract = {
  getWorkspace: returns<WorkspaceInfo>()(EmptyInput, 'Where the data lives and what it holds.'),
  loadDemoWorkspace: returns<WorkspaceInfo>()(EmptyInput, 'Add the sample runbooks of the demo workspace.'),
  clearDemoWorkspace: returns<WorkspaceInfo>()(EmptyInput, 'Remove the demo workspace’s sample data, keeping everything else.'),
  listRunbooks: returns<RunbookList>()(ListRunbooksInput, 'List runbooks, optionally by tag or service, with the tag and service counts.'),
  searchRunbooks: returns<RunbookHit[]>()(SearchRunbooksInput, 'Full-text search over runbooks, best match first.'),
  getRunbook: returns<Runbook>()(GetRunbookInput, 'One runbook with its metadata and Markdown.'),
  importRunbooks: returns<ImportReport>()(ImportRunbooksInput, 'Import Markdown runbooks from files or folders (recursively).'),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller sends (defaults not yet applied). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives, after the schema has parsed it. */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = Contract[N] extends OperationSpec<z.ZodType, infer O> ? O : never;

export const operationNames = Object.keys(contract) as OperationName[];

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(contract, name);

/** The IPC channel an operation travels on in the desktop app. */
export const ipcChannel = (name: OperationName): string => `holdfast:op:${name}`;
export const IPC_EVENT_CHANNEL = 'holdfast:event';
