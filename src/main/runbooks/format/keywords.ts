/**
 * The words hidden inside identifiers: `etcdNoLeader` → `etcd No Leader`,
 * `KubePodCrashLooping` → `Kube Pod Crash Looping`, `HTTPServerErrors` →
 * `HTTP Server Errors`. Alert names are written this way, and people search
 * for them in plain words.
 */
export function splitIdentifiers(text: string): string {
  const found = new Set<string>();
  for (const [identifier] of text.matchAll(/\b[\p{L}\p{N}]*(?:[\p{Ll}\p{N}]\p{Lu}|\p{Lu}{2}\p{Ll})[\p{L}\p{N}]*\b/gu)) {
    found.add(spaceIdentifiers(identifier));
  }
  return [...found].join('\n');
}

/** Text with a space at each change of case inside a word: "etcdMembersDown on node2" → "etcd Members Down on node2". */
export function spaceIdentifiers(text: string): string {
  // The same rule in ASCII, several times faster, for the text most names are written in.
  if (/^[ -~\t\n\r]*$/.test(text)) return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  return text.replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
}
