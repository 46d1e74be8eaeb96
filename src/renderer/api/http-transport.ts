import { EventSource } from 'eventsource';
import { REQUEST_ID_HEADER, type ChangeEvent } from '../../shared/events';
import type { Result } from '../../shared/result';
import { RESPONDER_HEADER } from '../../shared/sync';
import type { Transport } from './transport';

/**
 * The web-mode transport: `POST /api/<operation>` and Server-Sent Events on
 * `/events`, both with the session token as a Bearer header (the browser's own
 * EventSource cannot send headers, so the eventsource package does it over fetch).
 */
export function httpTransport(token: string, origin = window.location.origin): Transport {
  const authorization = `Bearer ${token}`;
  // One event stream per page, shared by every listener: each stream holds one of the
  // browser's six connections to the server, and a few pages open at once would use them all.
  const listeners = new Set<(event: ChangeEvent) => void>();
  const gapListeners = new Set<() => void>();
  let source: EventSource | null = null;
  return {
    kind: 'http',
    async call(operation, input, requestId, responder) {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/${encodeURIComponent(operation)}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: authorization,
            ...(requestId ? { [REQUEST_ID_HEADER]: requestId } : {}),
            ...(responder ? { [RESPONDER_HEADER]: responder } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return unreachable();
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'IO', message: `Holdfast answered ${response.status} without a result.` } };
      }
    },
    subscribe(listener, onGap) {
      listeners.add(listener);
      if (onGap) gapListeners.add(onGap);
      if (source === null) {
        source = new EventSource(`${origin}/events`, {
          fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, Authorization: authorization } }),
        });
        source.addEventListener('change', (message) => {
          const event = JSON.parse(String(message.data)) as ChangeEvent;
          for (const each of [...listeners]) each(event);
        });
        // The stream reconnects by itself after a cut; whatever changed meanwhile was never heard.
        let cut = false;
        source.addEventListener('error', () => {
          cut = true;
        });
        source.addEventListener('open', () => {
          if (!cut) return;
          cut = false;
          for (const each of [...gapListeners]) each();
        });
      }
      return () => {
        listeners.delete(listener);
        if (onGap) gapListeners.delete(onGap);
        if (listeners.size === 0) {
          source?.close();
          source = null;
        }
      };
    },
  };
}

function unreachable(): Result<never> {
  return {
    ok: false,
    error: { code: 'IO', message: 'Cannot reach Holdfast. Is `holdfast web` still running in its terminal?' },
  };
}
