/**
 * The small part of CEL that attribute conditions and Credential Access Boundary conditions
 * are written in here: `a == 'x'`, `a != 'x'`, `a.startsWith('x')`, joined by `&&` (binding
 * tighter) and `||`, where `a` is `assertion.NAME`, `resource.name` or
 * `api.getAttribute('KEY', 'DEFAULT')`. Anything else is refused as Google refuses a
 * condition it cannot compile, so a provider that sends something else finds out.
 */
export interface CelContext {
  assertion?: Record<string, unknown>;
  resourceName?: string;
  attributes?: Record<string, string>;
}

export class CelError extends Error {
  override name = 'CelError';
}

/** Splits on `sep` outside single-quoted strings. */
function splitTop(expr: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && expr.startsWith(sep, i)) {
      parts.push(expr.slice(start, i));
      start = i + sep.length;
      i += sep.length - 1;
    }
  }
  if (quoted) throw new CelError(`unterminated string in '${expr}'`);
  parts.push(expr.slice(start));
  return parts.map((p) => p.trim());
}

const LIT = "'((?:[^'\\\\])*)'";
const VALUE = `(assertion\\.[A-Za-z_][\\w]*|resource\\.name|api\\.getAttribute\\(${LIT},\\s*${LIT}\\))`;
const COMPARE = new RegExp(`^${VALUE}\\s*(==|!=)\\s*${LIT}$`);
const STARTS = new RegExp(`^${VALUE}\\.startsWith\\(${LIT}\\)$`);

function valueOf(
  ref: string,
  attrKey: string | undefined,
  attrDefault: string | undefined,
  ctx: CelContext,
): string {
  if (ref.startsWith('assertion.')) {
    const v = ctx.assertion?.[ref.slice('assertion.'.length)];
    return v === undefined || v === null ? '' : String(v);
  }
  if (ref === 'resource.name') return ctx.resourceName ?? '';
  return ctx.attributes?.[attrKey ?? ''] ?? attrDefault ?? '';
}

/** Checks that `expr` compiles (in this subset) without evaluating it. */
export function checkCel(expr: string): void {
  evaluateCel(expr, {});
}

export function evaluateCel(expr: string, ctx: CelContext): boolean {
  if (expr.trim() === '') throw new CelError('empty condition');
  let any = false;
  for (const alternative of splitTop(expr, '||')) {
    let all = true;
    for (const term of splitTop(alternative, '&&')) {
      let m = COMPARE.exec(term);
      if (m) {
        const [, ref, k, d, op, lit] = m as unknown as [
          string,
          string,
          string | undefined,
          string | undefined,
          string,
          string,
        ];
        const equal = valueOf(ref, k, d, ctx) === lit;
        all &&= op === '==' ? equal : !equal;
        continue;
      }
      m = STARTS.exec(term);
      if (m) {
        const [, ref, k, d, lit] = m as unknown as [
          string,
          string,
          string | undefined,
          string | undefined,
          string,
        ];
        all &&= valueOf(ref, k, d, ctx).startsWith(lit);
        continue;
      }
      throw new CelError(`cannot compile '${term}'`);
    }
    any ||= all;
  }
  return any;
}
