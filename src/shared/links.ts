/**
 * Where a link in Holdfast may point: a web page or an e-mail address. Anything
 * else (`javascript:`, `data:`, `file:`, a custom scheme) could run code or open
 * a local file when clicked, and is refused wherever a link is written.
 */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

export const LINK_RULE = 'must be an http(s) or mailto link';

export function isAllowedLink(url: string): boolean {
  try {
    return LINK_PROTOCOLS.has(new URL(url.trim()).protocol);
  } catch {
    return false;
  }
}
