/**
 * `jit-credentials report` (the organisation report, written to the job summary by
 * .github/workflows/org-scan.yml) quotes names and messages a member repository's workflow
 * chooses (a job id in JIT202's message): none of it may render as a link, an image or emphasis.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCli } from '../../src/cli/report.ts';
import { scanCli } from '../../src/cli/scan.ts';
import { renderGfm, tagsOf } from '../runner/gfm.ts';

describe('organisation report Markdown', () => {
  it('a job id in a scanned workflow renders as text in report.md, not an image or a link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'org-report-md-'));
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, '.github/workflows'), { recursive: true });
    writeFileSync(
      join(repo, '.github/workflows/ci.yml'),
      [
        'on: push',
        'jobs:',
        '  "![p](https://evil.example/p.png) [Approve here](https://evil.example/login) **ok**":',
        '    runs-on: ubuntu-latest',
        '    permissions: { id-token: write }',
        '    steps:',
        '      - run: echo',
        '',
      ].join('\n'),
    );
    mkdirSync(join(dir, 'results'));
    const io = (cwd: string) => ({ stdout: () => {}, stderr: () => {}, cwd });
    await scanCli(
      [
        '.',
        '-f',
        'json',
        '-o',
        join(dir, 'results/octo__web.json'),
        '--repository',
        'octo/web',
        '--fail-on',
        'none',
      ],
      io(repo),
    );
    expect(readFileSync(join(dir, 'results/octo__web.json'), 'utf8')).toContain('JIT202');
    expect(
      await reportCli(['results', '--markdown', 'report.md', '--json', 'report.json'], io(dir)),
    ).toBe(0);
    const html = renderGfm(readFileSync(join(dir, 'report.md'), 'utf8'));
    const tags = tagsOf(html);
    expect(tags.has('img'), html).toBe(false);
    expect(tags.has('a'), html).toBe(false);
    expect(tags.has('strong'), html).toBe(false);
  });
});
