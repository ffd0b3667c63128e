/**
 * `npm run summary:png`: the picture of the job summary at the top of the README.
 *
 * Runs the demo (scripts/demo.ts, which writes the summary's Markdown when DEMO_SUMMARY_FILE is
 * set), renders that Markdown as GitHub does (micromark with GFM; the summary's own HTML, such
 * as its <details>, is kept) in a page styled like GitHub's, and screenshots it with a headless
 * Chromium at the width of a job summary. Mermaid blocks are shown as code: nothing is fetched.
 *
 *   npm run summary:png [-- OUT.png]       (default docs/summary.png; CHROMIUM=path overrides)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { REPO_ROOT } from '../test/harness/node.ts';

/** About the width GitHub gives a job summary on a desktop screen. */
const WIDTH = 1000;
const MAX_HEIGHT = 8000;

function runDemo(summaryFile: string): string {
  const demo = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/demo.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, DEMO_SUMMARY_FILE: summaryFile },
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (demo.status !== 0) {
    process.stderr.write(`${demo.stdout}${demo.stderr}`);
    throw new Error(`the demo failed (exit ${demo.status ?? demo.signal}); nothing was rendered`);
  }
  return readFileSync(summaryFile, 'utf8');
}

function htmlPage(markdown: string): string {
  // The summary is our own output, already escaped where it quotes untrusted values; its HTML
  // (<code>, <details>) is what GitHub renders too.
  const body = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>${CSS}</style></head>
<body><main class="markdown-body">${body}</main>
<script>document.body.dataset.height = String(Math.ceil(document.documentElement.scrollHeight));</script>
</body></html>`;
}

function findChromium(): string {
  const candidates = [process.env['CHROMIUM'], 'chromium', 'chromium-browser', 'google-chrome'];
  for (const c of candidates) {
    if (c && spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0) return c;
  }
  throw new Error(
    'No Chromium found: install it (Debian: `apt-get install chromium`) or set CHROMIUM to its path.',
  );
}

function chromiumArgs(work: string, height: number): string[] {
  return [
    '--headless',
    '--disable-gpu',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    '--no-first-run',
    `--user-data-dir=${path.join(work, 'profile')}`,
    `--window-size=${WIDTH},${height}`,
    // Chromium's sandbox refuses to start as root (a container); the page is our own file.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
}

function runChromium(chromium: string, args: string[]): string {
  const r = spawnSync(chromium, args, { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${chromium} failed (exit ${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** The page's full height, read back from the attribute its script sets once laid out. */
function measureHeight(chromium: string, page: string, work: string): number {
  const dom = runChromium(chromium, [...chromiumArgs(work, 800), '--dump-dom', `file://${page}`]);
  const m = /data-height="(\d+)"/.exec(dom);
  if (!m) throw new Error('Chromium did not lay the page out (no data-height in its DOM).');
  return Number(m[1]);
}

function screenshot(chromium: string, page: string, work: string, file: string, height: number) {
  runChromium(chromium, [...chromiumArgs(work, height), `--screenshot=${file}`, `file://${page}`]);
}

/** The parts of GitHub's Markdown style a summary uses. */
const CSS = `
body { margin: 0; background: #fff; }
.markdown-body { box-sizing: border-box; width: ${WIDTH}px; padding: 16px 24px;
  font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "Liberation Sans",
    "DejaVu Sans", sans-serif, "Apple Color Emoji", "Noto Color Emoji";
  font-size: 14px; line-height: 1.5; color: #1f2328; word-wrap: break-word; }
h1, h2, h3, h4 { font-weight: 600; line-height: 1.25; margin: 24px 0 16px; }
h3 { font-size: 1.25em; } h4 { font-size: 1em; }
p, ul, ol, table, pre, details { margin: 0 0 16px; }
ul, ol { padding-left: 2em; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, "Liberation Mono", "DejaVu Sans Mono", monospace;
  font-size: 85%; padding: .2em .4em; background: rgba(175,184,193,.2); border-radius: 6px; }
pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45; background: #f6f8fa;
  border-radius: 6px; }
pre code { padding: 0; background: transparent; font-size: 100%; }
table { border-spacing: 0; border-collapse: collapse; display: block; width: max-content;
  max-width: 100%; overflow: auto; }
th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
th { font-weight: 600; }
tr:nth-child(2n) { background: #f6f8fa; }
summary { cursor: pointer; }
`;

function main(): void {
  const out = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'docs/summary.png'));
  const work = mkdtempSync(path.join(tmpdir(), 'jit-summary-png-'));
  try {
    const markdown = runDemo(path.join(work, 'summary.md'));
    const page = path.join(work, 'summary.html');
    writeFileSync(page, htmlPage(markdown));
    const chromium = findChromium();
    const height = Math.min(measureHeight(chromium, page, work), MAX_HEIGHT);
    mkdirSync(path.dirname(out), { recursive: true });
    screenshot(chromium, page, work, out, height);
    console.log(`${path.relative(process.cwd(), out)}: ${WIDTH} × ${height} px`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
