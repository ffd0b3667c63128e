// Measures the scanner against a hand-labelled set: precision and recall per file and per line,
// then every miss and false alarm.
//   node scripts/eval-corpus.ts [DIR | shared | unseen] [--json] [--fetch]
// `shared` (the default) is ../shared/corpus, the set the rules were developed on; `unseen` is
// test/scan/unseen, labelled before the scanner ever ran on it. A MANIFEST.tsv with a sha256
// column has every copy checked against it; --fetch downloads missing copies from
// raw.githubusercontent.com at the recorded commit.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

// src/ is written for the bundler (`.js` import suffixes, parameter properties), not for Node's
// type stripping: map the suffixes back to `.ts` and transpile src/ files as they load.
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (err) {
      if (specifier.startsWith('.') && specifier.endsWith('.js'))
        return next(specifier.slice(0, -3) + '.ts', context);
      throw err;
    }
  },
  load(url, context, next) {
    if (!url.startsWith('file:') || !url.endsWith('.ts') || !url.includes('/src/'))
      return next(url, context);
    const out = ts.transpileModule(readFileSync(fileURLToPath(url), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
    });
    return { format: 'module', source: out.outputText, shortCircuit: true };
  },
});

const { scanText } =
  (await import('../src/scan/engine.ts')) as typeof import('../src/scan/engine.ts');
const { rule } =
  (await import('../src/scan/rules/catalog.ts')) as typeof import('../src/scan/rules/catalog.ts');

interface Row {
  file: string;
  repo: string;
  path: string;
  commit: string;
  sha256?: string;
  label: string;
  lines: number[];
}

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SETS: Record<string, string> = {
  shared: '../shared/corpus',
  corpus: '../shared/corpus',
  unseen: join(ROOT, 'test/scan/unseen'),
};
const args = process.argv.slice(2);
const which = args.find((a) => !a.startsWith('--')) ?? 'shared';
const dir = resolve(SETS[which] ?? which);
const asJson = args.includes('--json');
const fetchMissing = args.includes('--fetch');
const manifest = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
const header = manifest.shift()!.split('\t');
const col = (name: string) => header.indexOf(name);
const rows: Row[] = manifest.map((line) => {
  const c = line.split('\t');
  return {
    file: c[col('file')]!,
    repo: c[col('repo')]!,
    path: c[col('path')]!,
    commit: c[col('commit')] ?? '',
    sha256: col('sha256') >= 0 ? c[col('sha256')] : undefined,
    label: c[col('label')]!,
    lines: (c[col('long_lived_lines')] ?? '')
      .split(',')
      .filter((s) => s.trim() !== '')
      .map(Number),
  };
});
await ensureCopies(rows);

/** Every copy present and identical to the one labelled; with --fetch, missing ones downloaded. */
async function ensureCopies(all: Row[]): Promise<void> {
  mkdirSync(join(dir, 'files'), { recursive: true });
  for (const row of all) {
    const at = join(dir, 'files', row.file);
    if (!existsSync(at)) {
      if (!fetchMissing)
        throw new Error(
          `${row.file} is missing; run again with --fetch to download the labelled copies.`,
        );
      const url = `https://raw.githubusercontent.com/${row.repo}/${row.commit}/${row.path}`;
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      writeFileSync(at, Buffer.from(await res.arrayBuffer()));
    }
    if (row.sha256) {
      const got = createHash('sha256').update(readFileSync(at)).digest('hex');
      if (got !== row.sha256)
        throw new Error(`${row.file}: SHA-256 ${got} is not the labelled copy's ${row.sha256}.`);
    }
  }
}

const file = { tp: 0, fp: 0, fn: 0, tn: 0 };
const line = { tp: 0, fp: 0, fn: 0 };
const misses: string[] = [];
const falseAlarms: string[] = [];
const started = performance.now();
for (const row of rows) {
  const text = readFileSync(join(dir, 'files', row.file), 'utf8');
  const kind = /(^|\/)action\.ya?ml$/.test(row.path) ? 'action' : 'workflow';
  // Lines are counted as labelled: a file that does not parse is all misses, never skipped.
  // `uses: ./x` resolves to other corpus files of the same repository, when they were collected.
  const local = {
    read: (p: string) => {
      const hit = rows.find((r) => r.repo === row.repo && r.path === p.replace(/^\.\//, ''));
      return hit ? readFileSync(join(dir, 'files', hit.file), 'utf8') : undefined;
    },
  };
  const { findings } = scanText(text, row.path, kind, undefined, local);
  const cred = findings.filter((f) => rule(f.rule).credential);
  const predicted = new Set(cred.map((f) => f.line));
  const labelled = new Set(row.lines);
  const positive = row.label === 'long-lived' || row.label === 'mixed';
  const flagged = cred.length > 0;
  if (positive && flagged) file.tp++;
  else if (positive) file.fn++;
  else if (flagged) file.fp++;
  else file.tn++;
  const source = text.split(/\r?\n/);
  for (const l of labelled) {
    if (predicted.has(l)) line.tp++;
    else {
      line.fn++;
      misses.push(`${row.file}:${l}: ${source[l - 1]?.trim()}`);
    }
  }
  for (const f of cred) {
    if (labelled.has(f.line)) continue;
    line.fp++;
    falseAlarms.push(`${row.file}:${f.line}: ${f.rule} ${source[f.line - 1]?.trim()}`);
  }
}
const elapsed = performance.now() - started;
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const result = {
  set: which,
  files: rows.length,
  repositories: new Set(rows.map((r) => r.repo)).size,
  file: {
    ...file,
    precision: ratio(file.tp, file.tp + file.fp),
    recall: ratio(file.tp, file.tp + file.fn),
  },
  line: {
    ...line,
    precision: ratio(line.tp, line.tp + line.fp),
    recall: ratio(line.tp, line.tp + line.fn),
  },
  misses,
  falseAlarms,
  ms: Math.round(elapsed),
};
if (asJson) {
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
} else {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `${which}: ${rows.length} files from ${result.repositories} repositories in ${dir} (scanned in ${result.ms} ms)`,
  );
  console.log(
    `file level: precision ${pct(result.file.precision)}, recall ${pct(result.file.recall)}  (tp ${file.tp}, fp ${file.fp}, fn ${file.fn}, tn ${file.tn})`,
  );
  console.log(
    `line level: precision ${pct(result.line.precision)}, recall ${pct(result.line.recall)}  (tp ${line.tp}, fp ${line.fp}, fn ${line.fn})`,
  );
  console.log(`\nmisses (${misses.length}):`);
  for (const m of misses) console.log(`  ${m}`);
  console.log(`\nfalse alarms (${falseAlarms.length}):`);
  for (const f of falseAlarms) console.log(`  ${f}`);
}
