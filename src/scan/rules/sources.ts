import type { Origin } from '../flow/origin.js';
import type { Entry } from '../yaml-source.js';

/** Where a value comes from, summarised for the name-based rules. */
export interface ValueSources {
  secrets: string[];
  inputs: string[];
  stepOutputs: string[];
  vars: string[];
  /** 1Password references, keys decrypted from the repository. */
  stored: string[];
  /** The whole secrets context (`toJSON(secrets)`). */
  allSecrets: boolean;
  /** The value has text and no expression at all. */
  literal?: string;
  /** Everything it is made of, with the places it passed through. */
  origins: Origin[];
}

/** Summarises an entry's resolved origins (`${{ env.X }}` already followed to X's source). */
export function sourcesOf(entry: Entry, origins: Origin[]): ValueSources {
  const out: ValueSources = {
    secrets: [],
    inputs: [],
    stepOutputs: [],
    vars: [],
    stored: [],
    allSecrets: false,
    origins,
  };
  const text = entry.text;
  if (text === undefined) return out;
  if (entry.spans.length === 0) out.literal = text;
  for (const o of origins) {
    const s = o.source;
    if (s.kind === 'secret') {
      if (s.name === '*' && entry.spans.some((sp) => sp.flows.some((r) => r.whole)))
        out.allSecrets = true;
      else out.secrets.push(s.name);
    } else if (s.kind === 'input') out.inputs.push(s.name);
    else if (s.kind === 'output') out.stepOutputs.push(s.output);
    else if (s.kind === 'var') out.vars.push(s.name);
    else if (s.kind === 'stored') out.stored.push(s.ref);
  }
  return out;
}
