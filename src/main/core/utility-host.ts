/**
 * Entry of the Electron utility process that owns the store (built to
 * dist/node/core-host.cjs). Plain Node: it talks to the main process only
 * through `process.parentPort`, so a long import never blocks the window.
 */
import type { ApiError } from '../../shared/result';
import { toApiError } from '../errors';
import type { ClientMessage, HostMessage, InitMessage } from './host-protocol';
import { CoreKeeper } from './keeper';

/** The part of Electron's ParentPort this host uses; declared here so the core never imports 'electron'. */
interface ParentPort {
  on(event: 'message', listener: (messageEvent: { data: ClientMessage }) => void): unknown;
  postMessage(message: HostMessage): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort | null }).parentPort;
if (!parentPort) {
  process.stderr.write('Holdfast: core-host must be started by the desktop app as a utility process.\n');
  process.exit(1);
}
const port: ParentPort = parentPort;

let keeper: CoreKeeper | undefined;
let initError: ApiError | undefined;
/** The store's opening, once: a request that arrives while it loads waits for it. */
let opening: Promise<void> | undefined;

/** Opens the store; a damaged one leaves the keeper in recovery mode, so the window shows the recovery screen. */
function init(message: InitMessage): Promise<void> {
  opening ??= open(message);
  return opening;
}

async function open(message: InitMessage): Promise<void> {
  try {
    keeper = await CoreKeeper.open({
      dataDir: message.dataDir,
      assetsDir: message.assetsDir,
      nativeBinding: message.nativeBinding,
      demo: true,
      scheduler: true,
      app: 'desktop',
    });
    keeper.events.subscribe((event) => port.postMessage({ type: 'event', event }));
    port.postMessage({ type: 'ready' });
  } catch (error) {
    initError = toApiError(error);
    port.postMessage({ type: 'init-failed', error: initError });
  }
}

async function answer(id: number, name: string, input: unknown, requestId: string | undefined, responder: string | undefined): Promise<void> {
  await opening;
  const result = keeper
    ? await keeper.dispatch(name, input, { role: 'responder', responder }, requestId)
    : { ok: false as const, error: initError ?? { code: 'INTERNAL' as const, message: 'Holdfast’s data is not open yet.' } };
  port.postMessage({ type: 'response', id, result });
}

port.on('message', ({ data }) => {
  switch (data.type) {
    case 'init':
      void init(data);
      break;
    case 'request':
      void answer(data.id, data.name, data.input, data.requestId, data.responder);
      break;
    case 'shutdown':
      process.exit(0);
  }
});

// better-sqlite3 closes synchronously, so the 'exit' handler can still checkpoint and optimize.
process.on('exit', () => keeper?.close());
process.on('SIGTERM', () => process.exit(0));
