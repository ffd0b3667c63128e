import { describeSource, type Origin } from '../flow/origin.js';
import type { Cloud } from '../types.js';
import type { RuleContext } from './context.js';

/**
 * A stored key reaches its use through variables: each env entry (JIT103) or script line (JIT104)
 * that held it on the way is a use of the same key, and reported at its own line.
 */
export function reportVia(
  ctx: RuleContext,
  origins: Origin[],
  useLine: number,
  cloud: Cloud,
): void {
  const seen = new Set<number>([useLine]);
  for (const o of origins) {
    for (const site of o.via) {
      if (seen.has(site.line)) continue;
      seen.add(site.line);
      ctx.report(
        site.kind === 'env' ? 'JIT103' : 'JIT104',
        site,
        `${describeSource(o.source)} is put in ${site.label ?? site.name} here, and reaches a use as a long-lived ${cloudLabel(cloud)} key on line ${useLine}.`,
        { cloud },
      );
    }
  }
}

function cloudLabel(c: Cloud): string {
  return c === 'aws' ? 'AWS' : c === 'azure' ? 'Azure' : c === 'gcp' ? 'Google Cloud' : 'cloud';
}
