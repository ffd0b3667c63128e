// The bundler settings of dist/, shared with the benchmarks that measure SDKs bundled the same way.
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import * as promisesFs from 'node:fs/promises';
import * as https from 'node:https';
import { join } from 'node:path';
import { build, type CodeSplittingGroup, type RolldownOutput } from 'rolldown';

/**
 * Bundles `input` (name → source file) into CommonJS chunks in `dir`; returns the absolute paths of
 * every module that went in.
 *
 * What a step pays for first is compiling the code it loads (see bench/RESULTS.md), so the bundle
 * is built for loading little:
 * - The SDKs' ES module builds ("module" condition and field), which the bundler cuts down to the
 *   one client and command a step uses; their CommonJS builds are single files that load whole.
 * - CommonJS chunks, required synchronously: an ES module `import 'node:http'` evaluates every lazy
 *   export of node:http, one of which loads Node's own copy of undici (tens of milliseconds), and
 *   `dynamicImportInCjs: false` turns the SDKs' `await import('node:http')` into require too.
 * - Minified without comments; names kept, since errors are told apart by name.
 * - The Google clients' and MSAL's fetch classes from src/http/fetch-classes.ts (fetchClasses below).
 * - A package's default import of a Node builtin as the builtin itself (builtinDefaults below),
 *   and its TypeScript-compiled namespace import too (builtinNamespaces below).
 * - node:fs/promises functions taken when first called (lazyPromisesFs below).
 * - Modules a client imports only for paths the action never takes, left out, a stand-in in
 *   their place (standIns and STAND_INS below). Not for the benchmark's floors (`standIns:
 *   false`), which measure an SDK as it comes.
 * - A few chunks by the part of a step that loads them, not one per set of `import()`s
 *   (stepChunks below).
 */
export async function bundle(
  root: string,
  input: Record<string, string>,
  dir: string,
  { standIns: withStandIns = true }: { readonly standIns?: boolean } = {},
): Promise<Set<string>> {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { paths?: Record<string, string[]> };
  };
  // tsconfig "paths" apply to imports from node_modules too (a stand-in for a package).
  const alias = Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths ?? {}).map(([name, targets]) => [
      name,
      join(root, targets[0]!),
    ]),
  );
  const options = (groups: CodeSplittingGroup[] = []) => ({
    cwd: root,
    input,
    platform: 'node' as const,
    tsconfig: join(root, 'tsconfig.json'),
    resolve: {
      alias,
      // Module ids as the paths under the checkout, even where node_modules is a symlink (a git
      // worktree sharing one): the chunks' order and hashes follow the ids, and dist/ must come out
      // byte for byte the same in every checkout for CI's stale-dist check.
      symlinks: false,
      conditionNames: ['module', 'node', 'import', 'default'],
      mainFields: ['module', 'main'],
    },
    logLevel: 'warn' as const,
    plugins: [
      fetchClasses(root),
      builtinDefaults(),
      builtinNamespaces(),
      lazyPromisesFs(),
      lazyHttps(),
      ...(withStandIns ? [standIns(STAND_INS)] : []),
    ],
    output: {
      dir,
      format: 'cjs' as const,
      entryFileNames: '[name].cjs',
      chunkFileNames: '[name]-[hash].cjs',
      dynamicImportInCjs: false,
      codeSplitting: { groups },
      minify: true,
      keepNames: true,
      comments: false,
    },
  });
  // First as the bundler splits it by itself, to see what each part of a step loads.
  const { output: split } = await build({ ...options(), write: false });
  const { output } = await build(options(stepChunks(root, split)));
  return new Set(output.flatMap((file) => (file.type === 'chunk' ? file.moduleIds : [])));
}

/**
 * Puts `Headers` and `FormData` from src/http/fetch-classes.ts in scope of the Google clients
 * (gaxios, google-auth-library) and MSAL (@azure/*), in place of Node's lazy globals: the first
 * use of either global loads Node's whole bundled undici (20 to 30 ms of a Google main step).
 * MSAL's own fetch client is never used (src/providers/azure/entra.ts gives it the action's
 * transport), but nothing it bundles may load undici either. Only there: every other module keeps
 * the globals. A module of theirs that declared either name itself would fail the build.
 *
 * gaxios also asks whether each request body is a `File` or a `ReadableStream` (also read as
 * `globalThis.File`); those globals load Node's web streams and File, some 5 ms of a Google main
 * step. The action's bodies are strings and forms, so in gaxios they are classes no value is an
 * instance of, as FormData is.
 */
function fetchClasses(root: string) {
  const shim = JSON.stringify(join(root, 'src/http/fetch-classes.ts'));
  const scope = /[\\/]node_modules[\\/](gaxios|google-auth-library|@azure[\\/][^\\/]+)[\\/]/;
  const gaxios = /[\\/]node_modules[\\/]gaxios[\\/]/;
  return {
    name: 'fetch-classes',
    transform(code: string, id: string) {
      if (!scope.test(id)) return null;
      const candidates = gaxios.test(id)
        ? ['Headers', 'FormData', 'File', 'ReadableStream']
        : ['Headers', 'FormData'];
      const names = candidates.filter((n) => new RegExp(`\\b${n}\\b`).test(code));
      if (names.length === 0) return null;
      const esm = /^\s*(import|export)\s/m.test(code);
      const line = esm
        ? `import { ${names.join(', ')} } from ${shim};\n`
        : `const { ${names.join(', ')} } = require(${shim});\n`;
      // After a "use strict" directive, which only counts as the first statement.
      const prologue = /^\s*(['"])use strict\1;?\n?/.exec(code)?.[0] ?? '';
      const body = code
        .slice(prologue.length)
        .replace(/\bglobalThis\.(File|ReadableStream)\b/g, (whole, n: string) =>
          names.includes(n) ? n : whole,
        );
      return { code: prologue + line + body, map: null };
    },
  };
}

/**
 * `import https from "node:https"` in a package (the AWS SDK's HTTP handlers) takes
 * `process.getBuiltinModule("node:https")`, from a one-line module of its own: the bundler's
 * CommonJS interop would otherwise copy the builtin's properties into a namespace, and asking a
 * builtin such as node:util for its property descriptors loads what its lazy ones hold (some 40
 * modules behind node:util's: parseArgs, diff, the worker and stream machinery; 4 ms of an Azure
 * main step when the Azure SDK's logger did it). The value is the same: a builtin's default
 * export is its module object.
 */
function builtinDefaults() {
  const statement = /^(import\s+[A-Za-z_$][\w$]*\s+from\s+)(["'])(node:[a-z_/]+)\2/gm;
  const prefix = '\0builtin-default:';
  return {
    name: 'builtin-defaults',
    transform(code: string, id: string) {
      if (!/[\\/]node_modules[\\/]/.test(id) || !code.includes('node:')) return null;
      const out = code.replace(
        statement,
        (_m, head: string, q: string, name: string) => `${head}${q}${prefix}${name}${q}`,
      );
      return out === code ? null : { code: out, map: null };
    },
    resolveId(source: string) {
      return source.startsWith(prefix) ? source : null;
    },
    load(id: string) {
      if (!id.startsWith(prefix)) return null;
      return `export default process.getBuiltinModule(${JSON.stringify(id.slice(prefix.length))});\n`;
    },
  };
}

/**
 * `const util = __importStar(require("util"))`, TypeScript's CommonJS form of `import * as util`,
 * takes the builtin itself. The helper asks for the descriptor of every property, and for
 * node:util and node:process that loads what their lazy properties hold (parseArgs, the diff and
 * worker machinery): google-logging-utils, which every Google step loads with gaxios, does this
 * for both (2.8 ms of a Google main step). The namespace differs from the builtin only by its
 * `default`, so a file that reads `<name>.default` keeps its helper.
 */
function builtinNamespaces() {
  const statement =
    /\b(const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*__importStar\(require\((["'])([a-z_:/]+)\3\)\);/g;
  return {
    name: 'builtin-namespaces',
    transform(code: string, id: string) {
      if (!/[\\/]node_modules[\\/]/.test(id) || !code.includes('__importStar(require('))
        return null;
      const out = code.replace(
        statement,
        (whole: string, kind: string, local: string, q: string, name: string) =>
          isBuiltin(name) &&
          !new RegExp(`\\b${local.replace(/\$/g, '\\$')}\\.default\\b`).test(code)
            ? `${kind} ${local} = require(${q}${name}${q});`
            : whole,
      );
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** A module in place of another, for one importer: `code` is its whole source. */
interface StandIn {
  readonly from: RegExp;
  readonly code: string;
}

/**
 * Modules a client imports only for paths the action never takes, each left out of the bundle for
 * the importers `from` matches, with a stand-in in its place (`STAND_INS` below). What is never
 * run still costs a step its parsing, some 55 µs a KiB on this machine, and what its module does
 * at load (bench/FIRST-STEP.md).
 */
function standIns(list: Readonly<Record<string, StandIn>>) {
  const prefix = '\0stand-in:';
  return {
    name: 'stand-ins',
    resolveId(source: string, importer: string | undefined) {
      const s = Object.hasOwn(list, source) ? list[source] : undefined;
      return s && importer && s.from.test(importer) ? prefix + source : null;
    },
    load(id: string) {
      return id.startsWith(prefix) ? list[id.slice(prefix.length)]!.code : null;
    },
  };
}

/** A CommonJS module whose every property read throws `why`: for code that must never run. */
function absent(name: string, why: string): string {
  const message = JSON.stringify(`${name} is not in jit-credentials' bundle: ${why}`);
  // The bundler's interop asks for __esModule when the importer loads; any other read is a use.
  return `module.exports = new Proxy({}, { get: (_, key) => { if (key === '__esModule' || typeof key === 'symbol') return undefined; throw new Error(${message}); } });\n`;
}

/** Matches a module id under node_modules/ that starts with `path` (slashes either way). */
const nodeModules = (path: string) =>
  new RegExp(`[\\\\/]node_modules[\\\\/]${path.replaceAll('/', '[\\\\/]').replaceAll('.', '\\.')}`);

const STAND_INS: Record<string, StandIn> = {
  // msal-node signs a client assertion from a certificate with it; the action's assertion is the
  // GitHub token (src/providers/azure/entra.ts gives MSAL no certificate). Even loaded lazily, its
  // code (with semver, jws and lodash helpers) cost a cold Azure main step 24 M instructions.
  jsonwebtoken: {
    from: nodeModules('@azure/msal-node/'),
    code: absent('jsonwebtoken', 'the action signs no client assertion'),
  },
  // The clients' Node handler: every AWS client the action makes is given its own
  // (src/providers/aws/client-config.ts, http-handler.ts), which answers with bytes, so the
  // handler's stream collector is never asked either. `create` is what the client's runtime
  // configuration calls with the handler it was given.
  '@smithy/node-http-handler': {
    from: nodeModules('@aws-sdk/client-'),
    code: `export class NodeHttpHandler {
  static create(handler) {
    if (typeof handler?.handle === 'function') return handler;
    throw new Error('jit-credentials gives every AWS client its own request handler');
  }
}
export const streamCollector = () => {
  throw new Error('jit-credentials answers the AWS clients with bytes, never a stream');
};
`,
  },
  // The default credential chain (environment, files, SSO, IMDS, ...): the action's clients sign
  // with the credentials they are given, or not at all (AssumeRoleWithWebIdentity).
  '@aws-sdk/credential-provider-node': {
    from: nodeModules('@aws-sdk/client-'),
    code: `export const defaultProvider = () => () => {
  throw new Error('jit-credentials gives every AWS client that signs its credentials');
};
`,
  },
  // google-auth-library's debug log, on only when GOOGLE_SDK_NODE_LOGGING names it: its module
  // sets up colours for process.stderr at load, which makes the stream (some 1 ms of a Google main
  // step). What it would log is each request's headers and each answer's body, the tokens among
  // them; the action's Google calls go through no client that logs (src/providers/gcp/exchange.ts).
  'google-logging-utils': {
    from: nodeModules('google-auth-library/'),
    code: `const off = () => {};
const logger = Object.assign(off, { debug: off, info: off, warn: off, error: off, sublog: () => logger });
exports.log = () => logger;
`,
  },
  // Its crypto for browsers (with base64-js), taken only where `window.crypto.subtle` exists.
  './browser/crypto': {
    from: nodeModules('google-auth-library/build/src/crypto/crypto.js'),
    code: absent('google-auth-library/build/src/crypto/browser/crypto', 'the action runs on Node'),
  },
};

/** `a, b as c` of a named import: [imported, local] pairs, local left out when the same. */
function importedNames(names: string): Array<[string, string?]> {
  return names
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n) => n.split(/\s+as\s+/) as [string, string?]);
}

/**
 * `import { readFile } from "node:fs/promises"` in a package becomes a function that takes
 * node:fs/promises when first called. The AWS SDK's shared-config reader imports it at load,
 * although the action's clients never read those files (src/providers/aws/client-config.ts).
 * node:fs/promises brings readline and the REPL's history module: 4 ms after node:http in an
 * otherwise empty Node, less in a step that has loaded some of it already. Only an import of
 * functions alone is rewritten (checked against node:fs/promises itself at build time).
 */
function lazyPromisesFs() {
  const statement = /^import\s*\{([^}]*)\}\s*from\s*(["'])node:fs\/promises\2;?$/gm;
  return {
    name: 'lazy-fs-promises',
    transform(code: string, id: string) {
      if (!/[\\/]node_modules[\\/]/.test(id) || !code.includes('node:fs/promises')) return null;
      const out = code.replace(statement, (whole: string, names: string) => {
        const pairs = importedNames(names);
        // A non-function (`constants`) would break only when used: such an import stays as it is.
        if (pairs.some(([imported]) => typeof promisesFs[imported as 'open'] !== 'function'))
          return whole;
        const bindings = pairs.map(
          ([imported, local = imported]) =>
            `${local} = (...args) => process.getBuiltinModule("node:fs/promises").${imported}(...args)`,
        );
        return `const ${bindings.join(', ')};`;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * `import { Agent as HTTPSAgent } from 'https'` in a package becomes a constructor that takes
 * node:https when first called. gaxios imports it at load for mutual TLS, which the action never
 * asks of it, and node:https brings node:tls and Node's root certificates, read on a thread of
 * their own as soon as tls loads (45 M instructions) and waited for: 8 to 12 ms of a Google
 * main step whose endpoints are plain HTTP (bench/FIRST-STEP.md). Over HTTPS the action's own
 * agents load it anyway (src/runner/proxy.ts). Only a binding used as `new X(` alone is
 * rewritten, so nothing can tell the stand-in from the class; any other use keeps the import.
 */
function lazyHttps() {
  const statement = /^import\s*\{([^}]*)\}\s*from\s*(["'])(?:node:)?https\2;?$/gm;
  return {
    name: 'lazy-https',
    transform(code: string, id: string) {
      if (!/[\\/]node_modules[\\/]/.test(id) || !/from\s*["'](node:)?https["']/.test(code))
        return null;
      const out = code.replace(statement, (whole: string, names: string) => {
        const pairs = importedNames(names);
        const onlyConstructed = pairs.every(([imported, local = imported]) => {
          // An identifier may hold `$`, which \b does not take for part of a word.
          const name = local.replace(/\$/g, '\\$');
          const uses = code.match(new RegExp(`(?<![\\w$.])${name}(?![\\w$])`, 'g'))?.length ?? 0;
          const constructed =
            code.match(new RegExp(`(?<![\\w$.])new\\s+${name}\\s*\\(`, 'g'))?.length ?? 0;
          return typeof https[imported as 'Agent'] === 'function' && uses === constructed + 1;
        });
        if (!onlyConstructed) return whole;
        const bindings = pairs.map(
          ([imported, local = imported]) =>
            `${local} = function (...args) { return new (process.getBuiltinModule("node:https").${imported})(...args); }`,
        );
        return `const ${bindings.join(', ')};`;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * The chunks a step loads, one per part of the job's work instead of one per set of `import()`s
 * that reach a module. Left to itself the bundler gives each such set a chunk of its own, and a
 * cold AWS main step loaded 44 files, a Google post step 19: Node pays for each file apart from
 * its code (resolving, reading, wrapping and compiling it, some 0.2 ms), and packing them into
 * the chunks below took 9 to 13 ms off a cold main step (bench/FIRST-STEP.md).
 *
 * What each part loads is read from the bundler's own split (`split`, a first build not written):
 * the modules of the chunks its roots' chunks require, which leaves out what only an `import()`
 * reaches, and what tree shaking dropped. Each chunk below holds what its roots load (and, with
 * `sharedWith`, what the roots given there load too), less what an earlier chunk holds, so that a
 * chunk only requires chunks above it. What no root loads stays split as the bundler likes, as
 * does a build without these roots (the benchmark's floors).
 */
const MAIN_SIDE = ['src/entry/main.ts'];
// Each cloud's closer: every post step closes with one, and every main step's provider is built
// on one, so they go with what both load instead of in a chunk of their own.
const CLOSERS = ['src/providers/closers.ts'];
const POST_SIDE = ['src/entry/post.ts', ...CLOSERS];
const STEP_CHUNKS: ReadonlyArray<{
  name: string;
  roots: readonly string[];
  sharedWith?: readonly string[];
}> = [
  // What a main step shares with a post step (and its cloud's provider): the ledger, the record,
  // the summary, the runner's commands.
  { name: 'shared', roots: [...MAIN_SIDE, ...CLOSERS], sharedWith: POST_SIDE },
  // GitHub's token over node:http: every main step, and a post step when it revokes.
  { name: 'github', roots: ['src/runner/oidc.ts'] },
  // The rest of every main step: the grant's phases, the token's verification, the policy gate.
  { name: 'grant', roots: MAIN_SIDE },
  // A post step and actions/revoke: closing every grant of the job.
  { name: 'close', roots: ['src/entry/post.ts', 'src/entry/revoke.ts'] },
  // Each cloud: what plans and closes its grants (main and post), then its SDK's exchange (main).
  { name: 'aws', roots: ['src/providers/aws/index.ts'] },
  { name: 'aws-sts', roots: ['src/providers/aws/sts.ts'] },
  { name: 'gcp', roots: ['src/providers/gcp/index.ts'] },
  { name: 'gcp-exchange', roots: ['src/providers/gcp/exchange.ts', 'src/providers/gcp/errors.ts'] },
  { name: 'azure', roots: ['src/providers/azure/index.ts'] },
  { name: 'azure-entra', roots: ['src/providers/azure/entra.ts'] },
];

function stepChunks(root: string, split: RolldownOutput['output']): CodeSplittingGroup[] {
  const chunks = split.filter((file) => file.type === 'chunk');
  const bundled = (file: string) => chunks.some((c) => c.moduleIds.includes(join(root, file)));
  // Another build (the benchmark's floors) is split as the bundler likes; in the action's, a
  // root that is gone (renamed, moved) would quietly leave its part to the bundler.
  if (!bundled(MAIN_SIDE[0]!)) return [];
  const gone = STEP_CHUNKS.flatMap((c) => [...c.roots, ...(c.sharedWith ?? [])]).filter(
    (file) => !bundled(file),
  );
  if (gone.length)
    throw new Error(
      `scripts/bundle.ts STEP_CHUNKS names files not in the bundle: ${gone.join(', ')}`,
    );
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  /** Every module in the chunks a root's chunk requires, as the bundler first split them. */
  const loaded = (roots: readonly string[]): Set<string> => {
    const ids = roots.map((r) => join(root, r));
    const todo = chunks.filter((c) => c.moduleIds.some((m) => ids.includes(m)));
    const seen = new Set(todo);
    const modules = new Set<string>();
    for (let c = todo.pop(); c !== undefined; c = todo.pop()) {
      for (const m of c.moduleIds) modules.add(m);
      for (const name of c.imports) {
        const next = byName.get(name);
        if (!next || seen.has(next)) continue;
        seen.add(next);
        todo.push(next);
      }
    }
    return modules;
  };
  const chunkOf = new Map<string, string>();
  for (const { name, roots, sharedWith } of STEP_CHUNKS) {
    const shared = sharedWith && loaded(sharedWith);
    for (const id of loaded(roots))
      if (!chunkOf.has(id) && (!shared || shared.has(id))) chunkOf.set(id, name);
  }
  return STEP_CHUNKS.map(({ name }, i) => ({
    name,
    // A module that two groups would take stays in the earlier one.
    priority: STEP_CHUNKS.length - i,
    test: (id: string) => chunkOf.get(id) === name,
  }));
}
