import type { Entry } from '../yaml-source.js';

/** Where a value comes from, as far as the file shows. */
export interface ValueSources {
  secrets: string[];
  inputs: string[];
  stepOutputs: string[];
  vars: string[];
  /** The whole secrets context (`toJSON(secrets)`). */
  allSecrets: boolean;
  /** The value has text and no expression at all. */
  literal?: string;
}

export function sourcesOf(entry: Entry): ValueSources {
  const out: ValueSources = {
    secrets: [],
    inputs: [],
    stepOutputs: [],
    vars: [],
    allSecrets: false,
  };
  const text = entry.text;
  if (text === undefined) return out;
  if (entry.spans.length === 0) {
    out.literal = text;
    return out;
  }
  for (const span of entry.spans) {
    for (const r of span.refs) {
      if (r.context === 'secrets') {
        if (r.whole) out.allSecrets = true;
        else out.secrets.push(r.path[0] ?? '*');
      } else if (r.context === 'inputs' && r.path[0]) out.inputs.push(r.path[0]);
      else if (r.context === 'steps' && r.path[1] === 'outputs')
        out.stepOutputs.push(r.path[2] ?? '*');
      else if (r.context === 'needs' && r.path[1] === 'outputs')
        out.stepOutputs.push(r.path[2] ?? '*');
      else if (r.context === 'vars' && r.path[0]) out.vars.push(r.path[0]);
    }
  }
  return out;
}
