import { describe, expect, it } from 'vitest';
import { codeBlocks, docFiles, read } from './markdown.ts';
import { checkBlock, kindOf, POLICY_MARKER } from './yaml-blocks.ts';

const blocks = docFiles().flatMap((file) =>
  codeBlocks(read(file))
    .filter((b) => b.lang === 'yaml' || b.lang === 'yml')
    .map((block) => ({ file, block })),
);

describe('every yaml example in the documentation can be pasted', () => {
  it('finds the examples (a parser change that found none would pass everything)', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    expect(new Set(blocks.map((b) => kindOf(b.block.text)))).toEqual(
      new Set(['workflow', 'steps', 'policy', 'scan-config']),
    );
  });

  for (const { file, block } of blocks) {
    const first = block.text.split('\n').find((l) => l.trim()) ?? '';
    it(`${file}:${block.line} (${kindOf(block.text)}) ${first.trim().slice(0, 50)}`, async () => {
      expect(await checkBlock(file, block)).toEqual([]);
    });
  }
});

describe('the checker itself refuses what a reader could not paste', () => {
  const block = (text: string) => ({ lang: 'yaml', text, line: 10 });

  it('a workflow actionlint rejects, at its line in the Markdown file', async () => {
    const text = 'on: push\njobs:\n  a:\n    steps:\n      - run: echo\n';
    const problems = await checkBlock('X.md', block(text));
    expect(problems.join('\n')).toMatch(/^X\.md:13:\d+: .*runs-on/m);
  });

  it('a list of steps with a mistake, at its line in the Markdown file', async () => {
    const text =
      '      - uses: actions/checkout@v5\n        with: { fetch-depth: 1 }\n      - run: echo\n        shell: nope\n';
    const problems = await checkBlock('X.md', block(text));
    expect(problems.join('\n')).toMatch(/^X\.md:14:\d+: .*nope/m);
  });

  it('steps or permissions at the top level without jobs: is an unknown kind', async () => {
    const text = 'permissions:\n  id-token: write\nsteps:\n  - run: echo\n';
    expect(kindOf(text)).toBe('unknown');
    expect(await checkBlock('X.md', block(text))).toEqual([
      expect.stringMatching(/^X\.md:11: a yaml block that is neither/),
    ]);
  });

  it('a policy file the loader refuses', async () => {
    const text = `${POLICY_MARKER}\nversion: 1\nrules:\n  - name: x\n    when: { repository: a/b }\n    allow: { provider: aws }\n`;
    const problems = await checkBlock('X.md', block(text));
    expect(problems.join('\n')).toMatch(/policy loader refuses it: [\s\S]*needs .role./);
  });

  it('a scan config the loader refuses', async () => {
    const text = '# .github/jit-credentials-scan.yml\nfail-on: hihg\n';
    expect(await checkBlock('X.md', block(text))).toEqual([
      expect.stringMatching(/scan config loader refuses it: .*hihg/),
    ]);
  });
});
