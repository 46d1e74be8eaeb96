import { isIP } from 'node:net';
import os from 'node:os';

/**
 * Where `holdfast web` is reachable, and so which `Host` and `Origin` headers a
 * genuine request can carry. A page on another site that rebinds its own DNS name
 * to this machine still sends its own name as `Host`, so it is refused.
 */
export interface ServedAddress {
  /** `host:port` values a request may name in its `Host` header, lower case. */
  hosts: ReadonlySet<string>;
  /** `http://host:port` origins a request may come from. */
  origins: ReadonlySet<string>;
  /** The address printed in the console's link. */
  origin: string;
}

/** True for 127.0.0.0/8, ::1 and `localhost`: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  if (bare.startsWith('::ffff:')) return isLoopbackHost(bare.slice('::ffff:'.length));
  return isIP(bare) === 4 && bare.startsWith('127.');
}

const isWildcard = (address: string): boolean => address === '0.0.0.0' || address === '::';

const forUrl = (address: string): string => (isIP(address) === 6 ? `[${address}]` : address);

/** The addresses of this machine's network interfaces, for a server bound to all of them. */
function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.address.toLowerCase().startsWith('fe80:')) // link-local needs a zone id in URLs
    .map((entry) => entry.address);
}

/** What a server bound to `address` on `port` answers to. */
export function servedAddress(address: string, port: number): ServedAddress {
  const names = new Set<string>([address]);
  if (isLoopbackHost(address)) names.add('localhost');
  if (isWildcard(address)) {
    for (const name of [...interfaceAddresses(), os.hostname(), 'localhost']) names.add(name);
  }
  const hosts = new Set([...names].map((name) => `${forUrl(name)}:${port}`.toLowerCase()));
  const shown = isWildcard(address) ? (interfaceAddresses().find((name) => !isLoopbackHost(name) && isIP(name) === 4) ?? '127.0.0.1') : address;
  return {
    hosts,
    origins: new Set([...hosts].map((host) => `http://${host}`)),
    origin: `http://${forUrl(shown)}:${port}`,
  };
}

export interface Refusal {
  /** 421 Misdirected Request for a wrong `Host`, 403 for another origin. */
  status: 421 | 403;
  message: string;
}

/**
 * Why a request must be refused, or null when it comes from the console itself
 * (or a tool such as curl): its `Host` must be one this server answers to, and it
 * must not come from a page of another origin. A top-level navigation to the
 * console's page from a link elsewhere is allowed: it carries no token and gets
 * only the static page.
 */
export function refusal(served: ServedAddress, request: { method: string; path: string; header(name: string): string | undefined }): Refusal | null {
  const host = request.header('host')?.toLowerCase();
  if (!host || !served.hosts.has(host)) {
    const expected = new URL(served.origin).host;
    return { status: 421, message: `Holdfast answers only to ${expected}; this request named the host "${(host ?? '').slice(0, 100)}".` };
  }
  const isApi = request.path === '/api' || request.path.startsWith('/api/') || request.path === '/events' || request.path.startsWith('/test/');
  const isNavigation = !isApi && request.method === 'GET' && request.header('sec-fetch-mode') === 'navigate';
  if (isNavigation) return null;
  const site = request.header('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, message: `Holdfast refuses requests from other sites (Sec-Fetch-Site: ${site.slice(0, 40)}).` };
  }
  const origin = request.header('origin');
  if (origin !== undefined && !served.origins.has(origin.toLowerCase())) {
    return { status: 403, message: `Holdfast refuses requests from other origins (Origin: ${origin.slice(0, 100)}).` };
  }
  return null;
}
