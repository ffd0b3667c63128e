/**
 * The runner's secret masker, for one job: values registered with `::add-mask::` (and the secrets
 * the runner knows itself, such as ACTIONS_ID_TOKEN_REQUEST_TOKEN) are replaced by `***` in
 * every line printed after the registration, in later steps too, and in step summaries.
 *
 *   const m = new Masker();
 *   m.add('s3cr3t-value');        // registers the value and the forms the runner derives
 *   m.mask('got s3cr3t-value');   // 'got ***'
 *   m.values();                   // the values registered (not the derived forms)
 *
 * Like the runner it also masks each line of a multi-line value, and the value's JSON-escaped,
 * URL-escaped and base64 forms (base64 also at byte offsets 1 and 2, trimmed, so the value is
 * found inside a longer base64 blob). Overlapping matches merge into one `***`.
 */

/** Derived forms shorter than this would blank unrelated text, so the runner does not add them. */
const MIN_DERIVED_LENGTH = 4;

export class Masker {
  #values: string[] = [];
  #patterns = new Set<string>();

  add(value: string): void {
    if (value.trim() === '') return;
    this.#values.push(value);
    const forms = new Set<string>([value]);
    for (const line of value.split(/\r?\n/)) if (line.trim() !== '') forms.add(line);
    for (const v of [...forms])
      for (const d of derivedForms(v)) if (d.length >= MIN_DERIVED_LENGTH) forms.add(d);
    for (const f of forms) this.#patterns.add(f);
  }

  values(): string[] {
    return [...this.#values];
  }

  mask(text: string): string {
    if (this.#patterns.size === 0 || text === '') return text;
    const ranges: Array<[number, number]> = [];
    for (const p of this.#patterns) {
      for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1))
        ranges.push([i, i + p.length]);
    }
    if (ranges.length === 0) return text;
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = '';
    let pos = 0;
    let cur: [number, number] | undefined;
    for (const r of ranges) {
      if (cur && r[0] <= cur[1]) {
        cur[1] = Math.max(cur[1], r[1]);
        continue;
      }
      if (cur) {
        out += text.slice(pos, cur[0]) + '***';
        pos = cur[1];
      }
      cur = [r[0], r[1]];
    }
    out += text.slice(pos, cur![0]) + '***' + text.slice(cur![1]);
    return out;
  }
}

/** The escaped and encoded forms under which a value can appear in output without being itself. */
export function derivedForms(value: string): string[] {
  const forms = [JSON.stringify(value).slice(1, -1), encodeURIComponent(value)];
  const bytes = Buffer.from(value, 'utf8');
  for (let shift = 0; shift < 3 && shift < bytes.length; shift++) {
    const slice = bytes.subarray(shift);
    forms.push(trimmedBase64(slice, 'base64'), trimmedBase64(slice, 'base64url'));
  }
  return forms.filter((f) => f !== value && f !== '');
}

/**
 * Base64 of `bytes` without padding and without the last character when the length is not a
 * multiple of 3, because that character also depends on whatever bytes follow inside a longer blob.
 */
export function trimmedBase64(bytes: Buffer, alphabet: 'base64' | 'base64url'): string {
  const s = bytes.toString(alphabet).replace(/=+$/, '');
  return bytes.length % 3 === 0 ? s : s.slice(0, -1);
}
