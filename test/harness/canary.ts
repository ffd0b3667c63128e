/**
 * The leak canary: looks for secret values (and their base64, hex, URL- and JSON-escaped forms) in
 * every channel a job can leave them in, and reports where without ever printing them.
 *
 *   const leaks = findLeaks([...oidc.issued, oidc.requestToken, ...sts.issuedSecrets], await jobChannels(job));
 *   expect(leaksOutside(leaks, [/^step:creds:envWrites$/])).toEqual([]);
 *
 * `findLeaks(secrets, channels)` → `[{ secret: 'AKIA…', channel, form, count, context }]`, one per
 * secret, channel and form; `context` is the text around the first hit with every secret in it
 * replaced by `<secret>`. Secrets shorter than 8 characters are refused: they would match by chance.
 *
 * `jobChannels(job, steps = job.steps)` names the channels as `<phase>:<step id>:<channel>`, with
 * channels stdout / stderr (raw, without the `::add-mask::` lines: those are how an action asks the
 * runner to mask, not output; everything else counts even if the runner would have masked it),
 * summary (raw file), outputs, state, envWrites; and `file:<path>` for every file under the job's
 * root (RUNNER_TEMP, HOME, GITHUB_WORKSPACE) except the runner's own file-command files, which the
 * outputs / state / envWrites / summary channels already stand for.
 */
import type { Job, StepResult } from './job.ts';
import { trimmedBase64 } from './masker.ts';

export type LeakForm = 'raw' | 'base64' | 'base64url' | 'hex' | 'url' | 'json';

export interface Leak {
  /** The first 4 characters and an ellipsis: enough to tell secrets apart, too little to use. */
  secret: string;
  channel: string;
  form: LeakForm;
  count: number;
  context: string;
}

const MIN_SECRET_LENGTH = 8;
const CONTEXT_CHARS = 32;

export function secretLabel(secret: string): string {
  return `${secret.slice(0, 4)}…`;
}

/** The forms under which `secret` can sit in a text, as src/runner/secret-forms.ts has them. */
export function searchForms(secret: string): Array<{ form: LeakForm; text: string }> {
  const forms: Array<{ form: LeakForm; text: string }> = [{ form: 'raw', text: secret }];
  const bytes = Buffer.from(secret, 'utf8');
  for (let shift = 0; shift < 3; shift++) {
    forms.push({ form: 'base64', text: trimmedBase64(bytes.subarray(shift), 'base64') });
    forms.push({ form: 'base64url', text: trimmedBase64(bytes.subarray(shift), 'base64url') });
  }
  forms.push({ form: 'hex', text: bytes.toString('hex') });
  forms.push({ form: 'hex', text: bytes.toString('hex').toUpperCase() });
  forms.push({ form: 'url', text: encodeURIComponent(secret) });
  forms.push({ form: 'json', text: JSON.stringify(secret).slice(1, -1) });
  // Drop forms identical to an earlier one (a URL-safe secret's url form is itself) and any too short to mean anything.
  const seen = new Set<string>();
  return forms.filter(
    (f) => f.text.length >= MIN_SECRET_LENGTH - 2 && !seen.has(f.text) && (seen.add(f.text), true),
  );
}

export function findLeaks(secrets: string[], channels: Record<string, string>): Leak[] {
  const unique = [...new Set(secrets)];
  for (const s of unique) {
    if (s.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `findLeaks: a secret of ${s.length} characters would match by chance; give values of at least ${MIN_SECRET_LENGTH}.`,
      );
    }
  }
  const searches = unique.map((s) => ({ secret: s, forms: searchForms(s) }));
  const leaks: Leak[] = [];
  for (const [channel, text] of Object.entries(channels)) {
    if (!text) continue;
    const hits: Array<{ secret: string; form: LeakForm; start: number; end: number }> = [];
    for (const { secret, forms } of searches) {
      for (const f of forms) {
        for (let i = text.indexOf(f.text); i >= 0; i = text.indexOf(f.text, i + 1))
          hits.push({ secret, form: f.form, start: i, end: i + f.text.length });
      }
    }
    if (hits.length === 0) continue;
    const redacted = redact(text, hits);
    const byKey = new Map<string, Leak>();
    for (const h of hits) {
      const key = `${h.secret}\u0000${h.form}`;
      const existing = byKey.get(key);
      if (existing) {
        existing.count++;
        continue;
      }
      const at = redacted.positionOf(h.start);
      const context = redacted.text.slice(
        Math.max(0, at - CONTEXT_CHARS),
        at + '<secret>'.length + CONTEXT_CHARS,
      );
      byKey.set(key, { secret: secretLabel(h.secret), channel, form: h.form, count: 1, context });
    }
    leaks.push(...byKey.values());
  }
  return leaks;
}

/** Leaks in channels other than the allowed ones (names or patterns). */
export function leaksOutside(leaks: Leak[], allowed: Array<string | RegExp>): Leak[] {
  return leaks.filter(
    (l) => !allowed.some((a) => (typeof a === 'string' ? a === l.channel : a.test(l.channel))),
  );
}

/** Replaces every hit (merged where they overlap) by `<secret>`, and maps an original offset into the result. */
function redact(
  text: string,
  hits: Array<{ start: number; end: number }>,
): { text: string; positionOf(start: number): number } {
  const ranges = hits
    .map((h) => [h.start, h.end] as [number, number])
    .sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  let out = '';
  let pos = 0;
  const placed: Array<{ range: [number, number]; at: number }> = [];
  for (const m of merged) {
    out += text.slice(pos, m[0]);
    placed.push({ range: m, at: out.length });
    out += '<secret>';
    pos = m[1];
  }
  out += text.slice(pos);
  return {
    text: out,
    positionOf: (start) => placed.find((p) => start >= p.range[0] && start < p.range[1])!.at,
  };
}

export async function jobChannels(
  job: Job,
  steps: StepResult[] = job.steps,
): Promise<Record<string, string>> {
  const channels: Record<string, string> = {};
  for (const s of steps) {
    const base = `${s.phase}:${s.id}`;
    const put = (name: string, text: string): void => {
      // The same id can run twice in a phase (a test reusing ids); keep both rather than overwrite.
      let key = `${base}:${name}`;
      for (let n = 2; key in channels; n++) key = `${base}#${n}:${name}`;
      channels[key] = text;
    };
    put('stdout', s.stdoutWithoutMaskCommands);
    put('stderr', s.stderrWithoutMaskCommands);
    put('summary', s.rawSummary);
    put('outputs', keyValues(s.outputs));
    put('state', keyValues(s.state));
    put('envWrites', keyValues(s.envWrites));
  }
  for (const f of await job.allFiles()) {
    if (f.path.split('/').includes('_runner_file_commands')) continue;
    channels[`file:${f.path}`] = f.content;
  }
  return channels;
}

function keyValues(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}
