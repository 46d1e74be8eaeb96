import { describe, expect, it } from 'vitest';
import { splitIdentifiers } from '../../../../src/main/runbooks/format/keywords';

describe('splitIdentifiers', () => {
  it('splits camelCase and PascalCase alert names into words, once each', () => {
    expect(splitIdentifiers('etcdNoLeader fired; see KubePodCrashLooping and etcdNoLeader')).toBe(
      'etcd No Leader\nKube Pod Crash Looping',
    );
    expect(splitIdentifiers('HTTPServerErrors on node2Down')).toBe('HTTP Server Errors\nnode2 Down');
  });

  it('ignores ordinary words', () => {
    expect(splitIdentifiers('Disk full on the database host. NASA OK.')).toBe('');
  });
});
