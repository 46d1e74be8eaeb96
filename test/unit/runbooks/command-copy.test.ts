import fs from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/main/runbooks/format/markdown';
import { commandToCopy } from '../../../src/shared/command-copy';
import { memoryCore, op } from '../../fixtures/core';
import { corpusDir, skipWithoutCorpus } from '../../fixtures/corpus';

const runbooksDir = () => path.join(corpusDir(), 'content', 'runbooks');

/** The fenced code blocks of a corpus runbook, as the reader's Copy button gets them. */
function codeBlocks(relative: string): string[] {
  const blocks: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'code') blocks.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(parseMarkdown(fs.readFileSync(path.join(runbooksDir(), relative), 'utf8')));
  return blocks;
}

describe('the text a Copy button copies', () => {
  it('drops the $ prompt, and the output lines of a session', () => {
    expect(commandToCopy('$ kubectl -n monitoring get pods')).toBe('kubectl -n monitoring get pods');
    expect(commandToCopy('$ kubectl get pods\nNAME       READY\nweb-0      1/1\n$ kubectl logs web-0')).toBe('kubectl get pods\nkubectl logs web-0');
    expect(commandToCopy('  $ df -h /var\n')).toBe('df -h /var');
    expect(commandToCopy('PS C:\\Users\\ops> Get-Service holdfast\nStatus   Name\nPS> Restart-Service holdfast')).toBe(
      'Get-Service holdfast\nRestart-Service holdfast',
    );
  });

  it('keeps comments as written: # may be a root prompt, but a note must never run', () => {
    expect(commandToCopy('# TODO: command needed')).toBe('# TODO: command needed');
    expect(commandToCopy('# rm the old files first\n$ ls /var/log')).toBe('# rm the old files first\nls /var/log');
  });

  it('follows a command over continued lines and a here-document, without their > prompts', () => {
    expect(commandToCopy('$ kubectl -n monitoring \\\n>   logs prometheus-k8s-0 \\\n    -c prometheus\nlevel=info msg=ready')).toBe(
      'kubectl -n monitoring \\\n  logs prometheus-k8s-0 \\\n    -c prometheus',
    );
    expect(commandToCopy("$ cat <<'EOF' | kubectl apply -f -\n> apiVersion: v1\n> kind: Namespace\n> EOF\nnamespace/x created")).toBe(
      "cat <<'EOF' | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nEOF",
    );
  });

  it('copies a block without prompts exactly as written, first-line indentation included', () => {
    const yaml = '  tolerations:\n    - key: node.kubernetes.io/not-ready\n';
    expect(commandToCopy(yaml)).toBe(yaml);
    expect(commandToCopy('$HOME/bin/rotate --dry-run')).toBe('$HOME/bin/rotate --dry-run');
    expect(commandToCopy('echo $ 1')).toBe('echo $ 1');
  });
});

describe.skipIf(skipWithoutCorpus)('copying the commands of the prometheus-operator runbooks', () => {
  it('copies the corpus sessions as commands a shell runs', () => {
    expect(codeBlocks('node/NodeFilesystemSpaceFillingUp.md').map(commandToCopy)).toContain(
      'NODE_NAME=<instance label from alert>\nkubectl -n default debug node/$NODE_NAME\nchroot /host',
    );
    // A user session that becomes root: the # lines stay inert comments, the output is left out.
    expect(codeBlocks('node/NodeFileDescriptorLimit.md').map(commandToCopy)).toContain(
      "NODE_NAME='<value of instance label from alert>'\noc debug \"node/$NODE_NAME\"\n# sysctl -a | grep 'fs.file-'\n# lsof -n",
    );
  });

  it('leaves no prompt in any command or code block of the corpus, and changes no block without one', async () => {
    const { core } = memoryCore();
    await op(core, 'importRunbooks', { paths: [corpusDir()] });
    const list = await op(core, 'listRunbooks', {});
    const texts: string[] = [];
    for (const item of list.items) {
      const runbook = await op(core, 'getRunbook', { id: item.id });
      texts.push(...runbook.steps.flatMap((step) => step.commands), ...codeBlocks(item.relativePath?.replace('content/runbooks/', '') ?? ''));
    }
    const prompted = texts.filter((text) => /^\s*\$ /m.test(text));
    expect(prompted.length).toBeGreaterThan(10);
    for (const text of prompted) expect(commandToCopy(text), text).not.toMatch(/^\s*\$ /m);
    for (const text of texts.filter((candidate) => !prompted.includes(candidate))) expect(commandToCopy(text)).toBe(text);
  });
});
