import { readFileSync } from 'node:fs';

/**
 * The schema ships for editors; the loader is what the action runs. Both must accept and
 * refuse the same sample files. No schema library is pulled in for this: the validator below
 * knows exactly the keywords the schema uses and fails on any other, so it cannot pass a
 * schema it does not understand.
 */
export type Schema = Record<string, unknown> | boolean;
export const schema = JSON.parse(
  readFileSync(new URL('../../schema/jit-policy.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs']);

export function validate(
  s: Schema,
  value: unknown,
  root: Record<string, unknown>,
  path = '$',
): string[] {
  if (s === true) return [];
  if (s === false) return [`${path}: false schema`];
  const errs: string[] = [];
  for (const [kw, arg] of Object.entries(s)) {
    if (ANNOTATIONS.has(kw) || kw === 'then') continue;
    switch (kw) {
      case '$ref': {
        const name = String(arg).replace('#/$defs/', '');
        const target = (root['$defs'] as Record<string, Schema>)[name];
        if (target === undefined) throw new Error(`unresolved $ref ${String(arg)}`);
        errs.push(...validate(target, value, root, path));
        break;
      }
      case 'type': {
        const ok =
          arg === 'object'
            ? typeof value === 'object' && value !== null && !Array.isArray(value)
            : arg === 'array'
              ? Array.isArray(value)
              : arg === 'integer'
                ? Number.isInteger(value)
                : arg === 'number'
                  ? typeof value === 'number'
                  : arg === 'string'
                    ? typeof value === 'string'
                    : arg === 'boolean'
                      ? typeof value === 'boolean'
                      : (() => {
                          throw new Error(`type ${String(arg)}`);
                        })();
        if (!ok) errs.push(`${path}: not ${String(arg)}`);
        break;
      }
      case 'enum':
        if (!(arg as unknown[]).includes(value)) errs.push(`${path}: not in enum`);
        break;
      case 'const':
        if (value !== arg) errs.push(`${path}: not const`);
        break;
      case 'minLength':
        if (typeof value === 'string' && [...value].length < (arg as number))
          errs.push(`${path}: too short`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value))
          errs.push(`${path}: pattern ${String(arg)}`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (arg as number))
          errs.push(`${path}: below minimum`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (arg as number))
          errs.push(`${path}: above maximum`);
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (arg as number))
          errs.push(`${path}: too few items`);
        break;
      case 'items':
        if (Array.isArray(value))
          value.forEach((v, i) => errs.push(...validate(arg as Schema, v, root, `${path}[${i}]`)));
        break;
      case 'required':
        if (isObject(value))
          for (const k of arg as string[]) if (!(k in value)) errs.push(`${path}: missing ${k}`);
        break;
      case 'properties':
        if (isObject(value)) {
          for (const [k, sub] of Object.entries(arg as Record<string, Schema>)) {
            if (k in value) errs.push(...validate(sub, value[k], root, `${path}.${k}`));
          }
        }
        break;
      case 'additionalProperties':
        if (isObject(value)) {
          const known = Object.keys((s['properties'] as object | undefined) ?? {});
          for (const k of Object.keys(value)) {
            if (!known.includes(k))
              errs.push(
                ...validate(arg as Schema, value[k], root, `${path}.${k}`).map(
                  (e) => `${e} (additional)`,
                ),
              );
          }
        }
        break;
      case 'allOf':
        for (const sub of arg as Schema[]) errs.push(...validate(sub, value, root, path));
        break;
      case 'anyOf':
        if (!(arg as Schema[]).some((sub) => validate(sub, value, root, path).length === 0))
          errs.push(`${path}: no anyOf branch`);
        break;
      case 'oneOf':
        if (
          (arg as Schema[]).filter((sub) => validate(sub, value, root, path).length === 0)
            .length !== 1
        )
          errs.push(`${path}: not exactly one oneOf branch`);
        break;
      case 'not':
        if (validate(arg as Schema, value, root, path).length === 0)
          errs.push(`${path}: matches 'not'`);
        break;
      case 'if':
        if (validate(arg as Schema, value, root, path).length === 0 && s['then'] !== undefined) {
          errs.push(...validate(s['then'] as Schema, value, root, path));
        }
        break;
      default:
        throw new Error(
          `the test's validator does not know keyword '${kw}': teach it before using it in the schema`,
        );
    }
  }
  return errs;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
