import { EventSource } from 'eventsource';
import type { ChangeEvent } from '../../shared/events';
import type { Result } from '../../shared/result';
import type { Transport } from './transport';

/**
 * The web-mode transport: `POST /api/<operation>` and Server-Sent Events on
 * `/events`, both with the session token as a Bearer header (the browser's own
 * EventSource cannot send headers, so the eventsource package does it over fetch).
 */
export function httpTransport(token: string, origin = window.location.origin): Transport {
  const authorization = `Bearer ${token}`;
  return {
    kind: 'http',
    async call(operation, input) {
      let response: Response;
      try {
        response = await fetch(`${origin}/api/${encodeURIComponent(operation)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: authorization },
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
    subscribe(listener) {
      const source = new EventSource(`${origin}/events`, {
        fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, Authorization: authorization } }),
      });
      source.addEventListener('change', (message) => {
        listener(JSON.parse(String(message.data)) as ChangeEvent);
      });
      return () => source.close();
    },
  };
}

function unreachable(): Result<never> {
  return {
    ok: false,
    error: { code: 'IO', message: 'Cannot reach Holdfast. Is `holdfast web` still running in its terminal?' },
  };
}
