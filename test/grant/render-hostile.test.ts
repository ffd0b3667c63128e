/**
 * The job summary with hostile values where the ledger and token claims put them: rendered as
 * GitHub renders it, every table keeps its columns, every value reads as itself, and nothing
 * becomes HTML, a link or an image.
 */
import { describe, expect, it } from 'vitest';
import { foldEvents, type GrantEvent, type GrantState } from '../../src/grant/ledger.ts';
import { summaryBlock, timeline } from '../../src/grant/render.ts';
import { renderDecision } from '../../src/policy/render.ts';
import type { Decision } from '../../src/policy/types.ts';
import { formatMarkdown } from '../../src/scan/report/markdown.ts';
import type { ScanResult } from '../../src/scan/types.ts';
import { renderGfm, tableRows, tagsOf, textOf } from '../runner/gfm.ts';

const BRANCH = 'refs/heads/<h1>x</h1>|`y`<!--[z](javascript:alert(1))';
const ERROR =
  "Not authorized: sub 'repo:acme/site:ref:<img src=x onerror=alert(1)>' | ![i](https://evil.example/p.png)\nsecond line";
/** What the summary may contain: its own structure, nothing a value brought in. */
const ALLOWED = new Set([
  'h2',
  'h3',
  'p',
  'strong',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'details',
  'summary',
  'ul',
  'li',
  'pre',
]);

/**
 * A grant as hostile claims and a tampered ledger leave it, folded by the real fold (reading
 * the file would skip the hostile ids before they reach the renderer; here they are shown).
 */
function hostileGrants(): GrantState[] {
  const events: GrantEvent[] = [];
  const ledger = { append: (e: GrantEvent) => events.push(e) };
  const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 18, 0, s)).toISOString();
  const id = 'aws-1|<b>\n```\n</details>';
  ledger.append({
    time: at(0),
    grant: id,
    phase: 'requested',
    provider: 'aws',
    step: 'creds',
    mode: 'env',
    principal: 'arn:aws:iam::1:role/<script>alert(1)</script>',
    sessionName: '**bold**',
  });
  ledger.append({
    time: at(1),
    grant: id,
    phase: 'issued',
    provider: 'aws',
    expiresAt: at(300),
    effectiveTtl: 299,
    scope: '[scope](https://evil.example)',
    scopeDigest: '<i>digest</i>',
    claims: { ref: BRANCH, sub: `repo:acme/site:ref:${BRANCH}`, 'a|b': 'k' },
    tokenSha256: '`'.repeat(64),
    facts: { '<k>': 'v|v', AssumedRoleId: 'AROA:x' },
    notes: ['note with <u>html</u> and | pipe'],
  });
  ledger.append({
    time: at(2),
    grant: id,
    phase: 'delivered',
    provider: 'aws',
    envNames: ['AWS_ACCESS_KEY_ID', '<b>X</b>|'],
  });
  ledger.append({
    time: at(3),
    grant: 'aws-2',
    phase: 'requested',
    provider: '<marquee>aws</marquee>' as 'aws',
  });
  ledger.append({
    time: at(4),
    grant: 'aws-2',
    phase: 'denied',
    provider: '<marquee>aws</marquee>' as 'aws',
    error: ERROR,
  });
  return foldEvents(events);
}

describe('summaryBlock with hostile claims, errors and ledger values', () => {
  const grants = hostileGrants();
  const markdown = summaryBlock('🔑 jit-credentials · aws · env', grants, [timeline(grants)]);
  const html = renderGfm(markdown);

  it('adds no element of its own', () => {
    expect([...tagsOf(html)].filter((t) => !ALLOWED.has(t))).toEqual([]);
    expect(html).not.toMatch(/<(a|img|script|h1|b|i|u|marquee)\b/i);
    expect(html).not.toContain('<!--');
  });

  it('keeps every table row to its six columns, each value shown as it is', () => {
    const rows = tableRows(html);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(6);
    const [open, denied] = [rows[1]!.map(textOf), rows[2]!.map(textOf)];
    expect(open[0]).toBe('aws-1|<b> ``` </details>');
    expect(open[1]).toBe('aws arn:aws:iam::1:role/<script>alert(1)</script>');
    expect(open[2]).toBe('env (2 variables)');
    expect(denied[1]).toBe('<marquee>aws</marquee> —');
    expect(denied[5]).toBe(`refused: ${ERROR.replace('\n', ' ')}`);
  });

  it('shows the claims in the record exactly, branch name included', () => {
    const text = textOf(html);
    expect(text).toContain(`ref=${BRANCH}`);
    expect(text).toContain(`sub=repo:acme/site:ref:${BRANCH}`);
    expect(text).toContain('a|b=k');
    expect(text).toContain('scope: [scope](https://evil.example) (sha256 <i>digest</i>…)');
    expect(text).toContain('session: **bold**');
    expect(text).toContain('<k>: v|v');
    expect(text).toContain('variables: AWS_ACCESS_KEY_ID <b>X</b>|');
    expect(text).toContain('note: note with <u>html</u> and | pipe');
  });

  it('closes each record: a value cannot end the details block or the mermaid fence', () => {
    expect(html.match(/<details>/g)).toHaveLength(2);
    expect(html.match(/<\/details>/g)).toHaveLength(2);
    expect(html).toContain('<summary>Record of aws-1|&#60;b&#62; ``` &#60;/details&#62;</summary>');
    const fences = [
      ...html.matchAll(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g),
    ];
    expect(fences).toHaveLength(1);
    expect(fences[0]![1]).toMatch(/ {2}section aws-1_+b_+details_\n/);
    expect(fences[0]![1]).not.toMatch(/[<`|]/);
  });
});

describe('policy decision with hostile claim values', () => {
  it('renders the reasons as text', () => {
    const decision = {
      allowed: false,
      reasons: [`rule deploy: ref is '${BRANCH}', wants 'refs/heads/main'`],
      record: { policyDigest: 'sha256:' + 'a'.repeat(64), policyPath: '.github/<b>p</b>.yml' },
    } as unknown as Decision;
    const html = renderGfm(renderDecision(decision));
    expect([...tagsOf(html)].filter((t) => !ALLOWED.has(t))).toEqual([]);
    expect(textOf(html)).toContain(`rule deploy: ref is '${BRANCH}', wants 'refs/heads/main'`);
    expect(textOf(html)).toContain('.github/<b>p</b>.yml');
  });
});

describe('scan summary with a hostile workflow file', () => {
  it('keeps the findings table to four columns and shows the file and message as text', () => {
    const file = '.github/workflows/<img src=x>|a.yml';
    const message = 'key `AKIA` given to [x](javascript:alert(1)) | <h1>';
    const result: ScanResult = {
      files: [{ file, kind: 'workflow', oidcSteps: 0, longestTtlSeconds: 3600 }],
      findings: [{ rule: 'JIT101', severity: 'high', cloud: 'aws', file, line: 3, message }],
      suppressed: 0,
    } as unknown as ScanResult;
    const md = formatMarkdown(result, 'high');
    const html = renderGfm(md);
    expect([...tagsOf(html)].filter((t) => !ALLOWED.has(t))).toEqual([]);
    const row = tableRows(html).find((r) => r.length === 4 && textOf(r[0]!) === 'high')!;
    expect(textOf(row[2]!)).toBe(`${file}:3`);
    expect(textOf(row[3]!)).toBe(message);
    expect(textOf(html)).toContain(`1h (${file})`);
  });
});
