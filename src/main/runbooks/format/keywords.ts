/**
 * The words hidden inside identifiers: `etcdNoLeader` → `etcd No Leader`,
 * `KubePodCrashLooping` → `Kube Pod Crash Looping`, `HTTPServerErrors` →
 * `HTTP Server Errors`. Alert names are written this way, and people search
 * for them in plain words.
 */
export function splitIdentifiers(text: string): string {
  const found = new Set<string>();
  for (const [identifier] of text.matchAll(/\b[\p{L}\p{N}]*(?:[\p{Ll}\p{N}]\p{Lu}|\p{Lu}{2}\p{Ll})[\p{L}\p{N}]*\b/gu)) {
    found.add(
      identifier
        .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
        .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2'),
    );
  }
  return [...found].join('\n');
}
