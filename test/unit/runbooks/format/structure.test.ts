import { describe, expect, it } from 'vitest';
import { parseBody } from '../../../../src/main/runbooks/format/markdown';
import { DEFAULT_PROCEDURE_HEADINGS } from '../../../../src/main/runbooks/format/structure';
import { stepLine, stepSummary } from '../../../../src/shared/step-text';
import { readTimer, withoutTimer } from '../../../../src/shared/step-timer';

const structure = (body: string, headings = DEFAULT_PROCEDURE_HEADINGS) => parseBody(body, headings).structure;

const BODY = `# Checkout errors

Intro paragraph.

## Meaning

- not a step: this list explains

## Diagnosis

1. Check the deploy history ⏱ 2m
   \`\`\`bash
   kubectl rollout history deployment/checkout
   \`\`\`
   - nested: stays inside step 1
2. Read the logs with \`kubectl logs -l app=checkout\`

### Deeper checks

- Look at the database {timer=1h30m}

## Mitigation

- [ ] Roll back ⏱ 5m
      \`kubectl rollout undo deployment/checkout\`

## Notes

- [x] A task anywhere is a step too
- plain note, not a step
`;

describe('sections and steps', () => {
  it('finds every heading as a section with a GitHub-style anchor', () => {
    expect(structure(BODY).sections.map((s) => [s.id, s.depth])).toEqual([
      ['checkout-errors', 1],
      ['meaning', 2],
      ['diagnosis', 2],
      ['deeper-checks', 3],
      ['mitigation', 2],
      ['notes', 2],
    ]);
  });

  it('turns procedure list items and task items into steps, nested lists staying inside', () => {
    const { steps } = structure(BODY);
    expect(steps.map((s) => [s.number, s.section, s.timerSeconds, s.isTask])).toEqual([
      [1, 'Diagnosis', 120, false],
      [2, 'Diagnosis', null, false],
      [3, 'Deeper checks', 5400, false],
      [4, 'Mitigation', 300, true],
      [5, 'Notes', null, true],
    ]);
    expect(steps[0]?.text).toBe(
      'Check the deploy history ⏱ 2m\n```bash\nkubectl rollout history deployment/checkout\n```\n- nested: stays inside step 1',
    );
    expect(steps[0]?.commands).toEqual(['kubectl rollout history deployment/checkout']);
    expect(steps[1]?.commands).toEqual(['kubectl logs -l app=checkout']);
    expect(steps[3]?.text).toBe('Roll back ⏱ 5m\n    `kubectl rollout undo deployment/checkout`');
    expect(steps[3]?.sectionId).toBe('mitigation');
  });

  it("keeps the indentation of a code block's first line in its command, so a YAML fragment keeps its structure", () => {
    const body = '## Mitigation\n\n1. Add the toleration under the pod spec:\n\n   ```yaml\n\n     tolerations:\n       - key: node.kubernetes.io/not-ready\n         effect: NoExecute\n   ```\n';
    expect(structure(body).steps[0]?.commands).toEqual(['  tolerations:\n    - key: node.kubernetes.io/not-ready\n      effect: NoExecute']);
  });

  it('keeps a step’s id while its text is unchanged, whatever else is edited', () => {
    const before = structure(BODY).steps;
    const edited = BODY.replace('## Diagnosis', '## Diagnosis\n\n0. A new first step').replace('Read the logs', 'Read all the logs');
    const after = structure(edited).steps;
    const idOf = (steps: typeof before, start: string) => steps.find((s) => s.text.startsWith(start))?.id;
    expect(idOf(after, 'Check the deploy history')).toBe(idOf(before, 'Check the deploy history'));
    expect(idOf(after, 'Roll back')).toBe(idOf(before, 'Roll back'));
    expect(idOf(after, 'Read all the logs')).not.toBe(idOf(before, 'Read the logs'));
    expect(new Set(after.map((s) => s.id)).size).toBe(after.length);
  });

  it('gives identical steps distinct ids', () => {
    const { steps } = structure('## Steps\n\n- Check the logs\n- Check the logs\n');
    expect(steps).toHaveLength(2);
    expect(steps[0]?.id).not.toBe(steps[1]?.id);
  });

  it('uses the workspace’s own procedure headings', () => {
    expect(structure('## Runbook actions\n\n- do it\n').steps).toHaveLength(0);
    expect(structure('## Runbook actions\n\n- do it\n', ['actions']).steps).toHaveLength(1);
  });

  it('warns about a timer marker it cannot read', () => {
    expect(structure('## Steps\n\n- wait ⏱ soon\n').warnings).toEqual([expect.stringContaining('timer marker without a duration')]);
  });
});

describe('steps from prose', () => {
  const PROSE = `# Cache hit ratio low

## Meaning

The cache answers fewer reads than usual.

## Diagnosis

Check which keys miss most, from a cache pod:

\`\`\`shell
$ redis-cli --hotkeys
\`\`\`

Then compare with the ratio an hour ago in the \`cache\` dashboard.

![miss ratio](img/misses.png)

<!-- a comment for editors -->

## Mitigation

If a deploy flushed the cache, let it warm up ⏱ 10m

### Raise the memory limit

Give the cache more room:

\`\`\`shell
kubectl -n cache set resources statefulset/redis --limits=memory=8Gi
\`\`\`

Watch the evictions fall.

### Rollback

Roll back the release that changed the key format.

Check the ratio again.
`;

  it('makes each paragraph under a procedure heading a step, with the code and pictures after it', () => {
    const { steps } = structure(PROSE);
    expect(steps.map((s) => [s.number, s.section, stepLine(s.text), s.commands])).toEqual([
      [1, 'Diagnosis', 'Check which keys miss most, from a cache pod:', ['$ redis-cli --hotkeys']],
      [2, 'Diagnosis', 'Then compare with the ratio an hour ago in the cache dashboard.', []],
      [3, 'Mitigation', 'If a deploy flushed the cache, let it warm up', []],
      [4, 'Raise the memory limit', 'Raise the memory limit', ['kubectl -n cache set resources statefulset/redis --limits=memory=8Gi']],
      [5, 'Rollback', 'Roll back the release that changed the key format.', []],
      [6, 'Rollback', 'Check the ratio again.', []],
    ]);
    // The picture belongs to the paragraph before it; the HTML comment starts nothing.
    expect(steps[1]?.text).toBe('Then compare with the ratio an hour ago in the `cache` dashboard.\n\n![miss ratio](img/misses.png)\n\n<!-- a comment for editors -->');
    expect(steps[2]?.timerSeconds).toBe(600);
    expect(steps.every((s) => !s.isTask)).toBe(true);
  });

  it('makes a heading nested below a procedure heading one step: its title, then everything under it', () => {
    const step = structure(PROSE).steps[3];
    expect(step?.text).toBe(
      'Raise the memory limit\n\nGive the cache more room:\n\n```shell\nkubectl -n cache set resources statefulset/redis --limits=memory=8Gi\n```\n\nWatch the evictions fall.',
    );
    expect(stepSummary(step?.text ?? '')).toBe('Raise the memory limit');
    expect(step?.sectionId).toBe('raise-the-memory-limit');
  });

  it('keeps list rules for a section with a list; the prose section beside it gets prose steps', () => {
    const body = '## Diagnosis\n\nRead this first.\n\n- Check the pods\n- Check the nodes\n\n```shell\nkubectl get events\n```\n\n## Mitigation\n\nScale up.\n\nThen tell support.\n';
    expect(structure(body).steps.map((s) => [s.section, stepLine(s.text)])).toEqual([
      ['Diagnosis', 'Check the pods'],
      ['Diagnosis', 'Check the nodes'],
      ['Mitigation', 'Scale up.'],
      ['Mitigation', 'Then tell support.'],
    ]);
  });

  it('makes code before any paragraph a step of its own, summed up by its first line', () => {
    const { steps } = structure('## Diagnosis\n\n```shell\nkubectl get pods\nNAME READY\n```\n\nLook at the restarts.\n');
    expect(steps.map((s) => stepSummary(s.text))).toEqual(['`kubectl get pods`', 'Look at the restarts.']);
  });

  it('finds no step in prose outside procedure headings, nor under an empty procedure heading', () => {
    expect(structure('# Notes\n\nJust reading.\n\n## Impact\n\nUsers wait.\n\n## Diagnosis\n\n## Mitigation\n\n### Nothing here\n').steps).toEqual([]);
  });

  it('keeps a prose step’s id when other paragraphs change, and gives it a new one when its own words do', () => {
    const before = structure(PROSE).steps;
    const after = structure(PROSE.replace('Watch the evictions fall.', 'Watch the evictions drop.').replace('## Mitigation\n', '## Mitigation\n\nPage the cache owners.\n')).steps;
    const idOf = (steps: typeof before, start: string) => steps.find((s) => s.text.startsWith(start))?.id;
    expect(idOf(after, 'Check which keys')).toBe(idOf(before, 'Check which keys'));
    expect(idOf(after, 'Roll back the release')).toBe(idOf(before, 'Roll back the release'));
    expect(idOf(after, 'Raise the memory limit')).not.toBe(idOf(before, 'Raise the memory limit'));
    expect(after).toHaveLength(before.length + 1);
  });
});

describe('readTimer', () => {
  it('reads the documented forms', () => {
    expect(readTimer('⏱ 5m').seconds).toBe(300);
    expect(readTimer('⏱90s').seconds).toBe(90);
    expect(readTimer('⏱ 1h30m').seconds).toBe(5400);
    expect(readTimer('wait {timer=10 min} then check').seconds).toBe(600);
    expect(readTimer('no timer here').seconds).toBeNull();
  });
});

describe('withoutTimer', () => {
  it('takes out exactly the marker the timer was read from, so a step reads as a sentence wherever the timer shows apart', () => {
    expect(withoutTimer('Roll back the last deploy ⏱ 5m')).toBe('Roll back the last deploy');
    expect(withoutTimer('Wait {timer=1h30m} then check the queue')).toBe('Wait then check the queue');
    expect(withoutTimer('Drain 5m of traffic, then ⏱ 90s')).toBe('Drain 5m of traffic, then');
    expect(withoutTimer('⏱ is the timer sign')).toBe('⏱ is the timer sign');
  });
});
