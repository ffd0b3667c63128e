import { closeSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { ConfigurationError } from '../errors.js';

export type FileKind = 'workflow' | 'action';

export interface TargetFile {
  /** Absolute path. */
  abs: string;
  /** As reported: relative to cwd, forward slashes. */
  rel: string;
  kind: FileKind;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'vendor']);
const YAML = /\.ya?ml$/;

/**
 * Workflows are `*.yml|yaml` in a `workflows` directory, actions are `action.yml|yaml` anywhere
 * (composite actions live under `.github/actions/` or the repository root). Any other YAML file
 * whose top level has both `on:` and `jobs:` is a workflow too (a folder of workflows copied out
 * of a repository). A file named on the command line is scanned whatever its name. A directory
 * that holds none of these is a mistake, not a clean result.
 */
export function findTargets(paths: string[], cwd: string): TargetFile[] {
  const out = new Map<string, TargetFile>();
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new ConfigurationError(
        `Path '${p}' does not exist. Give workflow files or directories to scan (default .github/).`,
      );
    }
    if (st.isFile()) {
      out.set(abs, target(abs, cwd));
      continue;
    }
    const before = out.size;
    walk(abs, cwd, out, 0);
    if (out.size === before) {
      throw new ConfigurationError(
        `No workflow or action files in '${p}': nothing was checked. Give a repository, its .github directory, or workflow files (YAML files with 'on:' and 'jobs:', or action.yml).`,
      );
    }
  }
  return [...out.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

function walk(dir: string, cwd: string, out: Map<string, TargetFile>, depth: number): void {
  if (depth > 30) return;
  let dirents;
  try {
    dirents = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const d of dirents) {
    const name = d.name;
    const abs = join(dir, name);
    // A checkout's symbolic links may point anywhere on the runner (or at their own directory):
    // the walk never follows one.
    if (d.isSymbolicLink()) continue;
    const isDir = d.isDirectory();
    if (isDir) {
      if (!SKIP_DIRS.has(name)) walk(abs, cwd, out, depth + 1);
    } else if (
      d.isFile() &&
      YAML.test(name) &&
      (basename(dir) === 'workflows' || /^action\.ya?ml$/.test(name) || looksLikeWorkflow(abs))
    ) {
      out.set(abs, target(abs, cwd));
    }
  }
}

const SNIFF_BYTES = 64 * 1024;

/** Top-level `on:` and `jobs:` keys in the file's first 64 KiB. */
function looksLikeWorkflow(abs: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0);
    const head = buf.subarray(0, n).toString('utf8');
    return /^jobs\s*:/m.test(head) && /^(?:on|"on"|'on'|true)\s*:/m.test(head);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function target(abs: string, cwd: string): TargetFile {
  const rel = relative(cwd, abs).split(sep).join('/') || basename(abs);
  const kind: FileKind = /^action\.ya?ml$/.test(basename(abs)) ? 'action' : 'workflow';
  return { abs, rel: rel.startsWith('../') ? abs.split(sep).join('/') : rel, kind };
}

/** The repository root a file belongs to: the directory holding its `.github`, else `fallback`. */
export function repoRoot(abs: string, fallback: string): string {
  const i = abs.lastIndexOf(`${sep}.github${sep}`);
  return i >= 0 ? abs.slice(0, i) : fallback;
}
