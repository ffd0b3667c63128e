import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanTargets } from '../../src/scan/engine.ts';
import { findTargets } from '../../src/scan/files.ts';
import { formatAnnotations } from '../../src/scan/report/github.ts';
import { formatJson } from '../../src/scan/report/json.ts';
import { formatMarkdown } from '../../src/scan/report/markdown.ts';
import { formatSarif } from '../../src/scan/report/sarif.ts';
import { formatText } from '../../src/scan/report/text.ts';
import { RULE_LIST } from '../../src/scan/rules/catalog.ts';
import type { Log } from 'sarif';

const repo = join(import.meta.dirname, 'fixtures/repo');
const result = scanTargets(findTargets(['.github'], repo), repo);
const multitool = join(
  import.meta.dirname,
  '../../node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool',
);

describe('JSON report', () => {
  it('has the documented shape and figures that match the findings', () => {
    const out = JSON.parse(formatJson(result));
    expect(Object.keys(out)).toEqual(['version', 'findings', 'summary', 'notChecked', 'files']);
    expect(out.notChecked).toEqual([
      { file: '.github/workflows/broken.yml', reason: expect.stringMatching(/not valid YAML/) },
    ]);
    expect(out.summary.checked + out.summary.notChecked).toBe(out.summary.files);
    expect(out.files).toHaveLength(out.summary.files);
    for (const f of out.findings) {
      expect(Object.keys(f).slice(0, 10)).toEqual(
        [
          'rule',
          'severity',
          'file',
          'line',
          'column',
          'endLine',
          'endColumn',
          'message',
          'help',
          ...(f.cloud ? ['cloud'] : []),
        ].slice(0, 10),
      );
      expect(f.line).toBeGreaterThan(0);
      expect(f.endLine).toBeGreaterThanOrEqual(f.line);
    }
    expect(out.summary.findings).toBe(out.findings.length);
    const credential = new Set(RULE_LIST.filter((r) => r.credential).map((r) => r.id));
    const keyUses = out.findings.filter((f: { rule: string }) => credential.has(f.rule)).length;
    const s = out.summary.staticKeyUses;
    expect(s.aws + s.azure + s.gcp + s.other).toBe(keyUses);
    expect(out.summary.longestTtlSeconds).toBe(3600);
    expect(out.summary.suppressed).toBe(1);
  });
});

describe('SARIF report', () => {
  let sarifPath: string;
  beforeAll(() => {
    // npm blocked the binary package's postinstall chmod.
    chmodSync(multitool, 0o755);
    const dir = mkdtempSync(join(tmpdir(), 'sarif-'));
    sarifPath = join(dir, 'scan.sarif');
    writeFileSync(sarifPath, formatSarif(result));
  });

  it('passes Microsoft SARIF Multitool validation with GitHub ingestion rules, no errors or warnings', () => {
    const out = join(sarifPath + '.validation.sarif');
    execFileSync(
      multitool,
      [
        'validate',
        '--rule-kind',
        'Gh;Sarif',
        '--level',
        'Error;Warning',
        '--output',
        out,
        sarifPath,
      ],
      { stdio: 'pipe' },
    );
    const validation = JSON.parse(readFileSync(out, 'utf8')) as Log;
    const problems = (validation.runs[0]!.results ?? []).map(
      (r) => `${r.ruleId} ${r.message.id ?? r.message.text}`,
    );
    expect(problems).toEqual([]);
  });

  it('the validator does catch a broken log (so the check above can fail)', () => {
    const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as Log;
    delete log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!.startLine;
    const bad = sarifPath.replace('.sarif', '.bad.sarif');
    writeFileSync(bad, JSON.stringify(log));
    const out = bad + '.validation.sarif';
    execFileSync(
      multitool,
      ['validate', '--rule-kind', 'Gh;Sarif', '--level', 'Error;Warning', '--output', out, bad],
      { stdio: 'pipe' },
    );
    const validation = JSON.parse(readFileSync(out, 'utf8')) as Log;
    expect(validation.runs[0]!.results!.length).toBeGreaterThan(0);
  });

  it('carries rule metadata code scanning uses: help, security-severity, fingerprints', () => {
    const log = JSON.parse(readFileSync(sarifPath, 'utf8')) as Log;
    const run = log.runs[0]!;
    for (const r of run.tool.driver.rules!) {
      expect(r.fullDescription?.text).toBeTruthy();
      expect(r.help?.markdown).toMatch(/Fix:/);
      expect(Number(r.properties!['security-severity'])).toBeGreaterThan(0);
    }
    for (const res of run.results!) {
      expect(run.tool.driver.rules![res.ruleIndex!]!.id).toBe(res.ruleId);
      expect(res.partialFingerprints!['jitCredentials/v1']).toMatch(/^[0-9a-f]{32}$/);
      expect(res.locations![0]!.physicalLocation!.artifactLocation!.uri).not.toMatch(/^\//);
    }
    expect(run.results!.length).toBe(result.findings.length);
  });
});

describe('annotations', () => {
  it('escapes data and properties so a message cannot end the command early', () => {
    const out = formatAnnotations([
      {
        rule: 'JIT103',
        severity: 'high',
        file: 'a,b:c.yml',
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 9,
        message: '50% of\nkeys',
        help: 'do: this',
      },
      {
        rule: 'JIT202',
        severity: 'low',
        file: 'w.yml',
        line: 1,
        column: 1,
        endLine: 2,
        endColumn: 4,
        message: 'm',
        help: 'h',
      },
    ]);
    const [first, second] = out.trimEnd().split('\n');
    expect(first).toBe(
      '::error file=a%2Cb%3Ac.yml,line=3,endLine=3,col=5,endColumn=9,title=JIT103 static-key-env (high)::50%25 of%0Akeys%0A%0AFix: do: this',
    );
    expect(second).toMatch(/^::notice file=w\.yml,line=1,endLine=2,title=/);
  });
});

describe('text and summary', () => {
  it('text lists each finding with its place and fix, then the figures', () => {
    const text = formatText(result);
    expect(text).toMatch(
      /^\.github\/actions\/setup\/action\.yml:\d+:\d+: medium JIT108 action-accepts-key: /m,
    );
    expect(text).toMatch(/ {4}fix: /);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(
      /^\d+ files checked, 1 could not be checked: \d+ findings .*longest requested lifetime 1h\.$/,
    );
  });

  it('the job summary shows the posture figures and escapes table cells', () => {
    const md = formatMarkdown(result, 'high');
    expect(md).toMatch(
      /\| long-lived key uses \| AWS \d+, Azure \d+, Google Cloud \d+, other \d+ \|/,
    );
    expect(md).toMatch(/\| files already on OIDC \| \d+/);
    expect(md).toMatch(
      /\| longest requested credential lifetime \| 1h \(\.github\/workflows\/oidc\.yml\) \|/,
    );
    for (const row of md.split('\n').filter((l) => l.startsWith('| high'))) {
      expect(row.split(/(?<!\\)\|/).length).toBe(6);
    }
  });
});
