import { isExampleValue } from '../names.js';
import type { Cloud } from '../types.js';
import type { RuleContext } from './context.js';

const PATTERNS: Array<{ re: RegExp; what: string; cloud: Cloud }> = [
  { re: /\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/g, what: 'an AWS access key id', cloud: 'aws' },
  { re: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/g, what: 'a private key', cloud: 'other' },
  {
    re: /"type"\s*:\s*"service_account"/g,
    what: 'a Google Cloud service-account key',
    cloud: 'gcp',
  },
  {
    re: /"private_key_id"\s*:\s*"[0-9a-f]{16,}"/g,
    what: 'a Google Cloud service-account key',
    cloud: 'gcp',
  },
  {
    re: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/g,
    what: 'an Azure storage account key',
    cloud: 'azure',
  },
];

/** Credentials written into the file itself (JIT105); published example and emulator keys are skipped. */
/** One pass over the whole file first: most files hold none of these and need no line scan. */
const ANY = /AKIA|ASIA|PRIVATE KEY|service_account|private_key_id|AccountKey=/;

export function checkLiterals(ctx: RuleContext): void {
  if (!ANY.test(ctx.src.text)) return;
  const lines = ctx.src.lines;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    for (const p of PATTERNS) {
      p.re.lastIndex = 0;
      const m = p.re.exec(text);
      if (!m) continue;
      const token = m[0].startsWith('AccountKey=') ? m[0].slice('AccountKey='.length) : m[0];
      if (isExampleValue(token) || /EXAMPLE/i.test(text)) continue;
      ctx.report(
        'JIT105',
        { line: i + 1, column: m.index + 1, endLine: i + 1, endColumn: m.index + m[0].length + 1 },
        `The file contains ${p.what} in clear text.`,
        { cloud: p.cloud },
      );
      break;
    }
  }
}
