/**
 * The front doors' lists agree with their action.yml files, with the peers' released action.yml
 * (when /work/shared/peers is present) and with the README's migration tables.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { awsFront } from '../../src/fronts/aws.ts';
import { azureFront } from '../../src/fronts/azure.ts';
import { ENGINE_INPUTS, type Front } from '../../src/fronts/front.ts';
import { gcpFront } from '../../src/fronts/gcp.ts';
import { REPO_ROOT } from '../harness/node.ts';

const PEERS = '/work/shared/peers';
const cases: Array<{ front: Front; action: string; peer?: string; section: string }> = [
  {
    front: awsFront,
    action: 'actions/aws/action.yml',
    peer: 'configure-aws-credentials-v6.2.3',
    section: '### From configure-aws-credentials',
  },
  {
    front: gcpFront,
    action: 'actions/gcp/action.yml',
    peer: 'google-github-actions-auth-v3.0.0',
    section: '### From google-github-actions/auth',
  },
  { front: azureFront, action: 'actions/azure/action.yml', section: '### From azure/login' },
];

interface ActionYml {
  inputs: Record<string, { default?: unknown } | null>;
  outputs: Record<string, unknown>;
}

const read = (file: string): ActionYml => parse(readFileSync(file, 'utf8')) as ActionYml;
const root = read(path.join(REPO_ROOT, 'action.yml'));

function readmeSection(heading: string): string {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}`);
  expect(start, `README has no section '${heading}'`).toBeGreaterThan(0);
  const rest = readme.slice(start + 1);
  const end = rest.slice(heading.length).search(/\n#{2,3} /);
  return end < 0 ? rest : rest.slice(0, heading.length + end);
}

describe.each(cases)('$action', ({ front, action, peer, section }) => {
  const yml = read(path.join(REPO_ROOT, action));

  it('declares exactly the inputs the front door knows, and every peer output', () => {
    expect(Object.keys(yml.inputs).sort()).toEqual(
      // A peer input of the same name as one of ours (http-proxy) is declared once.
      [...new Set([...front.own, ...Object.keys(front.inputs)])].sort(),
    );
    for (const name of Object.keys(front.outputs)) expect(yml.outputs).toHaveProperty(name);
  });

  it("takes the engine's inputs with the root action's defaults (a door must not weaken policy-source)", () => {
    for (const name of ENGINE_INPUTS) {
      expect(front.own, name).toContain(name);
      expect(root.inputs, name).toHaveProperty(name);
      expect(yml.inputs[name]?.default, name).toEqual(root.inputs[name]?.default);
    }
  });

  it('gives no default to a peer input, so that "not given" stays visible', () => {
    for (const name of Object.keys(front.inputs)) {
      expect((yml.inputs[name] as { default?: unknown } | null)?.default, name).toBeUndefined();
    }
  });

  it.skipIf(!peer || !existsSync(path.join(PEERS, peer ?? '')))(
    "knows every input and output of the peer's released action.yml",
    () => {
      const released = read(path.join(PEERS, peer!, 'action.yml'));
      expect(Object.keys(front.inputs).sort()).toEqual(Object.keys(released.inputs).sort());
      for (const name of Object.keys(released.outputs)) expect(front.outputs).toHaveProperty(name);
    },
  );

  it('has a README row for every peer input and output, saying what happens to it', () => {
    const text = readmeSection(section);
    for (const [name, spec] of Object.entries(front.inputs)) {
      const row = text.split('\n').find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row, `README row for input ${name}`).toBeDefined();
      const word =
        spec.kind === 'refused'
          ? 'refused'
          : spec.kind === 'mapped' && spec.to !== name
            ? 'mapped'
            : 'supported';
      expect(row!, name).toMatch(new RegExp(`\\| ${word}`));
    }
    for (const name of Object.keys(front.outputs)) {
      expect(text, `README row for output ${name}`).toContain(`| \`${name}\` (output) |`);
    }
  });

  it("lists the door's own inputs in the README, exactly", () => {
    const line = readmeSection(section)
      .split('\n')
      .find((l) => l.includes(`Own inputs of \`${front.name}\`:`));
    expect(line, `README line 'Own inputs of ${front.name}'`).toBeDefined();
    const named = line!.slice(line!.indexOf('Own inputs of')).match(/`[a-z-]+`/g) ?? [];
    expect(named.map((n) => n.slice(1, -1)).sort()).toEqual([...front.own].sort());
  });
});
