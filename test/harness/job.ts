/**
 * Runs built actions (dist/*.js) the way the GitHub runner runs a `node24` action, one job at a time.
 *
 *   const job = await createJob({ idToken: oidc.forJob, env: { NODE_EXTRA_CA_CERTS: ca } });
 *   const main = await job.runStep({ entry: 'dist/main.js', id: 'creds', inputs: { provider: 'aws' } });
 *   main.exitCode; main.outputs; main.envWrites; main.state; main.summary; main.annotations;
 *   const next = await job.runStep({ entry: 'test/harness/fixtures/print-env.mjs' });  // sees job.env
 *   const post = await job.runPost(main);                // STATE_* from main, same inputs and id
 *   job.env; job.root; await job.allFiles(); await job.cleanup();
 *
 * The job: a temp root holding `_temp` (RUNNER_TEMP, with the per-step file-command files under
 * `_temp/_runner_file_commands/` as the runner keeps them), `workspace` (GITHUB_WORKSPACE, the cwd of
 * every step; `options.workspace` is copied into it) and `home` (HOME).
 *
 * A step's environment, later entries winning: a minimal base (PATH with GITHUB_PATH additions in
 * front, HOME, LANG — not this process's environment, so tests are hermetic); the runner's GITHUB_* /
 * RUNNER_* context (repository, ref, sha, run ids... derived from `options.context` with the OIDC
 * emulator's defaults, so a job and its tokens agree); ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN when
 * `idToken` is given; what earlier steps wrote to GITHUB_ENV (except NODE_OPTIONS, GITHUB_*,
 * RUNNER_*, which the runner refuses); `options.env` (the workflow's job-level `env:`, which beats
 * GITHUB_ENV on the runner, and the place for pass-through such as NODE_EXTRA_CA_CERTS); the step's
 * `env`; the fresh file-command paths and GITHUB_ACTION; `INPUT_<NAME>` (upper-cased, spaces to `_`,
 * hyphens kept); for post, `STATE_<name>`.
 *
 * `action: 'action.yml'` instead of `entry` reads the metadata like the runner: the entry is
 * `runs.main` (or `runs.post` in runPost) and inputs not given take their literal `default:`
 * (defaults that are `${{ }}` expressions are left unset: the harness has no expression engine).
 *
 * Output: lines from stdout and stderr go through the runner's command processing in arrival
 * order (see workflow-commands.ts); masks persist across the job's steps, and the token in
 * `idToken` and `options.secrets` are masked from the start, as the runner masks its own secrets.
 *
 * Cancel: the runner's sequence is SIGINT to the step's process, SIGTERM `cancelGraceMs` (7.5 s)
 * later, then SIGKILL to its process group `killGraceMs` (2.5 s) later. `cancelOn` starts it once
 * the step shows it is ready to be cancelled: a line of its stdout (`{ stdout: 'ready' }`, a string
 * equal to the whole line or a RegExp, matched on the raw line before masking) or a file it creates
 * (`{ file: '/path' }`). A step prints that line after installing its signal handlers, so the test
 * never races the step's start-up; if the line never comes, `timeoutMs` still ends the step (and the
 * test sees `cancelled: false`). `cancelAfterMs` starts the sequence at a fixed time whatever the
 * step is doing (a process that has not installed its handlers yet simply dies of SIGINT): never use
 * it to wait for a step. `timeoutMs` (default 60 s, like a step's timeout-minutes) runs the same
 * sequence. Processes left holding the step's output after it exits are killed after 3 s, and
 * `orphansKilled` says so.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { deriveClaims, type JobClaimsInput } from '../emulators/oidc.ts';
import { isBlockedEnvName, parseKeyValueFile, parsePathFile } from './file-commands.ts';
import { Masker } from './masker.ts';
import { nodeBinary, REPO_ROOT } from './node.ts';
import { StepLog, type Annotation, type Stream } from './workflow-commands.ts';

export interface JobOptions {
  /** The runner's token endpoint (e.g. `oidc.forJob`); omit or `false` for a job without `id-token: write`. */
  idToken?: { url: string; token: string } | false;
  /** The workflow's job-level `env:`, plus pass-through variables (NODE_EXTRA_CA_CERTS, ...). */
  env?: Record<string, string>;
  /** A directory copied into the job's GITHUB_WORKSPACE. */
  workspace?: string;
  /** The github context; defaults agree with the OIDC emulator's default claims. */
  context?: JobClaimsInput;
  /** GITHUB_JOB, default `deploy`. */
  jobId?: string;
  /** Values masked from the start of the job, as the runner masks `secrets.*`. */
  secrets?: string[];
  cancelGraceMs?: number;
  killGraceMs?: number;
}

export type InputValue = string | number | boolean;

export interface StepOptions {
  /** The script to run, relative to the project root or absolute. */
  entry?: string;
  /** An action.yml (relative to the project root or absolute) whose runs.main/post and input defaults apply. */
  action?: string;
  inputs?: Record<string, InputValue>;
  /** The step's id: GITHUB_ACTION. Default `step<N>`. */
  id?: string;
  env?: Record<string, string>;
  /** Cancel once the step is ready: a whole stdout line (string) or a match (RegExp), or a file that appears. */
  cancelOn?: CancelOn;
  /** Cancel at a fixed time after the start, whatever the step is doing; not a way to wait for it. */
  cancelAfterMs?: number;
  timeoutMs?: number;
}

/** The readiness signal that starts the cancel sequence. */
export type CancelOn = { stdout: string | RegExp } | { file: string };

export interface StepResult {
  id: string;
  phase: 'main' | 'post';
  entry: string;
  action?: string;
  /** Inputs as given (stringified), before action.yml defaults. */
  inputs: Record<string, string>;
  /** The step-level env given, kept for the post step. */
  stepEnv: Record<string, string>;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** As the runner shows it: masks applied from each `::add-mask::` line on. */
  stdout: string;
  rawStdout: string;
  stderr: string;
  rawStderr: string;
  /** Raw stdout without the `::add-mask::` command lines (the masking channel, not output). */
  stdoutWithoutMaskCommands: string;
  stderrWithoutMaskCommands: string;
  outputs: Record<string, string>;
  /** Everything written to GITHUB_ENV, including names the runner refuses (see `ignoredEnv`). */
  envWrites: Record<string, string>;
  ignoredEnv: string[];
  state: Record<string, string>;
  /** The step summary through the masker, as the runner shows it. */
  summary: string;
  rawSummary: string;
  paths: string[];
  masks: string[];
  annotations: Annotation[];
  /** Malformed file commands; the runner fails the step on any. */
  fileCommandErrors: string[];
  cancelled: boolean;
  timedOut: boolean;
  signalsSent: Array<{ signal: NodeJS.Signals; atMs: number }>;
  orphansKilled: boolean;
  durationMs: number;
  /** The process's environment, for assertions on what the runner handed the step. */
  processEnv: Record<string, string>;
}

export interface Job {
  root: string;
  runnerTemp: string;
  workspace: string;
  home: string;
  /** GITHUB_ENV as accumulated so far (what later steps receive). */
  env: Record<string, string>;
  /** GITHUB_PATH additions so far, most recent first. */
  path: string[];
  steps: StepResult[];
  masker: Masker;
  runStep(options: StepOptions): Promise<StepResult>;
  runPost(main: StepResult, options?: Partial<StepOptions>): Promise<StepResult>;
  allFiles(): Promise<Array<{ path: string; content: string }>>;
  cleanup(): Promise<void>;
}

const FILE_COMMANDS_DIR = '_runner_file_commands';

export async function createJob(options: JobOptions = {}): Promise<Job> {
  const root = await mkdtemp(path.join(tmpdir(), 'jit-job-'));
  const runnerTemp = path.join(root, '_temp');
  const workspace = path.join(root, 'workspace');
  const home = path.join(root, 'home');
  await Promise.all([
    mkdir(path.join(runnerTemp, FILE_COMMANDS_DIR), { recursive: true }),
    mkdir(home),
    mkdir(workspace),
  ]);
  if (options.workspace)
    await cp(path.resolve(REPO_ROOT, options.workspace), workspace, { recursive: true });

  const ctx = deriveClaims(options.context ?? {});
  const eventPath = path.join(runnerTemp, '_github_workflow', 'event.json');
  await mkdir(path.dirname(eventPath), { recursive: true });
  await writeFile(
    eventPath,
    JSON.stringify(
      {
        ref: ctx.ref,
        // As the runner writes it; the GitHub API emulator's repositories default to main too.
        repository: { full_name: ctx.repository, default_branch: 'main' },
        sender: { login: ctx.actor },
      },
      null,
      2,
    ),
  );

  const masker = new Masker();
  if (options.idToken) masker.add(options.idToken.token);
  for (const s of options.secrets ?? []) masker.add(s);

  const refName = ctx.ref.replace(/^refs\/(heads|tags)\//, '');
  const runnerContext: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTOR: ctx.actor,
    GITHUB_ACTOR_ID: ctx.actor_id,
    GITHUB_TRIGGERING_ACTOR: ctx.actor,
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_BASE_REF: ctx.base_ref,
    GITHUB_HEAD_REF: ctx.head_ref,
    GITHUB_EVENT_NAME: ctx.event_name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_JOB: options.jobId ?? 'deploy',
    GITHUB_REF: ctx.ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: ctx.ref_type,
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_REPOSITORY: ctx.repository,
    GITHUB_REPOSITORY_ID: ctx.repository_id,
    GITHUB_REPOSITORY_OWNER: ctx.repository_owner,
    GITHUB_REPOSITORY_OWNER_ID: ctx.repository_owner_id,
    GITHUB_RETENTION_DAYS: '90',
    GITHUB_RUN_ID: ctx.run_id,
    GITHUB_RUN_NUMBER: ctx.run_number,
    GITHUB_RUN_ATTEMPT: ctx.run_attempt,
    GITHUB_SHA: ctx.sha,
    GITHUB_WORKFLOW: ctx.workflow,
    GITHUB_WORKFLOW_REF: ctx.workflow_ref,
    GITHUB_WORKFLOW_SHA: ctx.workflow_sha,
    GITHUB_WORKSPACE: workspace,
    RUNNER_ARCH: 'X64',
    RUNNER_ENVIRONMENT: ctx.runner_environment,
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: path.join(root, 'toolcache'),
  };
  if (options.idToken) {
    runnerContext['ACTIONS_ID_TOKEN_REQUEST_URL'] = options.idToken.url;
    runnerContext['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] = options.idToken.token;
  }

  const job: Job = {
    root,
    runnerTemp,
    workspace,
    home,
    env: {},
    path: [],
    steps: [],
    masker,
    runStep: (step) => execute(job, step, 'main', {}),
    runPost: async (main, extra = {}) => {
      if (!extra.entry && !extra.action && !main.action) {
        // Guessing the post script from the main one would silently run main twice.
        throw new Error(
          `runPost: step '${main.id}' was run by entry (${main.entry}); say which post script to run, e.g. runPost(main, { entry: 'dist/post.js' }), or run the main step with { action: 'action.yml' }.`,
        );
      }
      const state: Record<string, string> = {};
      for (const [k, v] of Object.entries(main.state)) state[`STATE_${k}`] = v;
      return execute(
        job,
        {
          action: main.action,
          entry: extra.entry,
          inputs: main.inputs,
          id: main.id,
          env: { ...main.stepEnv, ...(extra.env ?? {}) },
          cancelOn: extra.cancelOn,
          cancelAfterMs: extra.cancelAfterMs,
          timeoutMs: extra.timeoutMs,
          ...(extra.action ? { action: extra.action } : {}),
        },
        'post',
        state,
      );
    },
    allFiles: () => listFiles(root),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };

  const execute = async (
    j: Job,
    step: StepOptions,
    phase: 'main' | 'post',
    stateEnv: Record<string, string>,
  ): Promise<StepResult> => {
    const id = step.id ?? `step${j.steps.length + 1}`;
    const meta = step.action ? await readActionMetadata(step.action) : undefined;
    let entry = step.entry;
    if (!entry && meta) {
      entry = phase === 'main' ? meta.main : meta.post;
      if (!entry) throw new Error(`${step.action} has no runs.${phase}`);
    }
    if (!entry)
      throw new Error(
        `runStep needs an entry (e.g. 'dist/main.js') or an action (e.g. 'action.yml')`,
      );
    const entryPath = path.resolve(REPO_ROOT, entry);
    if (!(await stat(entryPath).catch(() => undefined))?.isFile()) {
      throw new Error(
        `${entry} does not exist (resolved to ${entryPath}); for dist/ entries run \`npm run build\` first.`,
      );
    }

    const inputs: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.inputs ?? {})) inputs[k] = String(v);
    const inputEnv: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...(meta?.defaults ?? {}), ...inputs }))
      inputEnv[inputVariable(k)] = v;

    const files = {
      GITHUB_ENV: path.join(runnerTemp, FILE_COMMANDS_DIR, `set_env_${randomUUID()}`),
      GITHUB_OUTPUT: path.join(runnerTemp, FILE_COMMANDS_DIR, `set_output_${randomUUID()}`),
      GITHUB_STATE: path.join(runnerTemp, FILE_COMMANDS_DIR, `save_state_${randomUUID()}`),
      GITHUB_STEP_SUMMARY: path.join(runnerTemp, FILE_COMMANDS_DIR, `step_summary_${randomUUID()}`),
      GITHUB_PATH: path.join(runnerTemp, FILE_COMMANDS_DIR, `add_path_${randomUUID()}`),
    };
    await Promise.all(Object.values(files).map((f) => writeFile(f, '')));

    const stepEnv = { ...(step.env ?? {}) };
    const processEnv: Record<string, string> = {
      PATH: [...j.path, process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin'].join(path.delimiter),
      HOME: home,
      LANG: 'C.UTF-8',
      ...runnerContext,
      ...j.env,
      ...(options.env ?? {}),
      ...stepEnv,
      ...files,
      GITHUB_ACTION: id,
      ...inputEnv,
      ...stateEnv,
    };

    const log = new StepLog(masker);
    const run = await spawnStep(nodeBinary(), entryPath, workspace, processEnv, log, {
      cancelOn: step.cancelOn,
      cancelAfterMs: step.cancelAfterMs,
      timeoutMs: step.timeoutMs ?? 60_000,
      cancelGraceMs: options.cancelGraceMs ?? 7_500,
      killGraceMs: options.killGraceMs ?? 2_500,
    });

    const read = (f: string): Promise<string> => readFile(f, 'utf8').catch(() => '');
    const [envText, outText, stateText, summaryText, pathText] = await Promise.all([
      read(files.GITHUB_ENV),
      read(files.GITHUB_OUTPUT),
      read(files.GITHUB_STATE),
      read(files.GITHUB_STEP_SUMMARY),
      read(files.GITHUB_PATH),
    ]);
    const envParsed = parseKeyValueFile(envText);
    const outParsed = parseKeyValueFile(outText);
    const stateParsed = parseKeyValueFile(stateText);
    const paths = parsePathFile(pathText);
    const ignoredEnv = Object.keys(envParsed.values).filter(isBlockedEnvName);
    for (const [k, v] of Object.entries(envParsed.values)) if (!isBlockedEnvName(k)) j.env[k] = v;
    j.path.unshift(...[...paths].reverse());

    const result: StepResult = {
      id,
      phase,
      entry,
      ...(step.action ? { action: step.action } : {}),
      inputs,
      stepEnv,
      exitCode: run.exitCode,
      signal: run.signal,
      stdout: log.shown('stdout'),
      rawStdout: log.raw('stdout'),
      stderr: log.shown('stderr'),
      rawStderr: log.raw('stderr'),
      stdoutWithoutMaskCommands: log.rawWithoutMaskCommands('stdout'),
      stderrWithoutMaskCommands: log.rawWithoutMaskCommands('stderr'),
      outputs: outParsed.values,
      envWrites: envParsed.values,
      ignoredEnv,
      state: stateParsed.values,
      summary: masker.mask(summaryText),
      rawSummary: summaryText,
      paths,
      masks: log.masks,
      annotations: log.annotations,
      fileCommandErrors: [
        ...envParsed.errors.map((e) => `GITHUB_ENV: ${e}`),
        ...outParsed.errors.map((e) => `GITHUB_OUTPUT: ${e}`),
        ...stateParsed.errors.map((e) => `GITHUB_STATE: ${e}`),
      ],
      cancelled: run.cancelled,
      timedOut: run.timedOut,
      signalsSent: run.signalsSent,
      orphansKilled: run.orphansKilled,
      durationMs: run.durationMs,
      processEnv,
    };
    j.steps.push(result);
    return result;
  };

  return job;
}

/** The runner's input variable name: `INPUT_` + name with spaces as `_`, upper-cased; hyphens stay. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

interface ActionMetadata {
  main?: string;
  post?: string;
  defaults: Record<string, string>;
}

async function readActionMetadata(actionYml: string): Promise<ActionMetadata> {
  const file = path.resolve(REPO_ROOT, actionYml);
  let parsed: unknown;
  try {
    parsed = parseYaml(await readFile(file, 'utf8'));
  } catch (err) {
    // The runner refuses to load such an action at all, so this is a failure of the action, not of the test.
    throw new Error(
      `${actionYml} is not valid YAML, so the runner could not load this action: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  const doc = parsed as {
    runs?: { main?: string; post?: string };
    inputs?: Record<string, { default?: unknown } | null>;
  };
  const dir = path.dirname(file);
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
    const d = spec?.default;
    if (d === undefined || d === null) continue;
    const s = String(d);
    if (!s.includes('${{')) defaults[name] = s;
  }
  return {
    ...(doc.runs?.main ? { main: path.resolve(dir, doc.runs.main) } : {}),
    ...(doc.runs?.post ? { post: path.resolve(dir, doc.runs.post) } : {}),
    defaults,
  };
}

interface SpawnOptions {
  cancelOn?: CancelOn;
  cancelAfterMs?: number;
  timeoutMs: number;
  cancelGraceMs: number;
  killGraceMs: number;
}

interface SpawnResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  cancelled: boolean;
  timedOut: boolean;
  signalsSent: Array<{ signal: NodeJS.Signals; atMs: number }>;
  orphansKilled: boolean;
  durationMs: number;
}

function spawnStep(
  node: string,
  entry: string,
  cwd: string,
  env: Record<string, string>,
  log: StepLog,
  opts: SpawnOptions,
): Promise<SpawnResult> {
  const started = performance.now();
  // Its own process group, so that whatever the step leaves behind can be killed with it.
  const child = spawn(node, [entry], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const signalsSent: SpawnResult['signalsSent'] = [];
  const timers: NodeJS.Timeout[] = [];
  let exited = false;
  let cancelled = false;
  let timedOut = false;
  let orphansKilled = false;
  let sequenceStarted = false;

  const partial: Record<Stream, string> = { stdout: '', stderr: '' };
  const readyLine = opts.cancelOn && 'stdout' in opts.cancelOn ? opts.cancelOn.stdout : undefined;
  const isReadyLine = (line: string): boolean => {
    if (readyLine === undefined || typeof readyLine === 'string') return line === readyLine;
    readyLine.lastIndex = 0; // a /g or /y pattern would otherwise resume from its last match
    return readyLine.test(line);
  };
  const feed = (stream: Stream, chunk: string): void => {
    const parts = (partial[stream] + chunk).split('\n');
    partial[stream] = parts.pop()!;
    for (const p of parts) {
      const line = p.endsWith('\r') ? p.slice(0, -1) : p;
      log.line(stream, line);
      if (stream === 'stdout' && isReadyLine(line)) cancel();
    }
  };
  child.stdout.setEncoding('utf8').on('data', (c: string) => feed('stdout', c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => feed('stderr', c));

  const signal = (sig: NodeJS.Signals, group = false): void => {
    if (exited || child.pid === undefined) return;
    signalsSent.push({ signal: sig, atMs: Math.round(performance.now() - started) });
    try {
      process.kill(group ? -child.pid : child.pid, sig);
    } catch {
      // already gone
    }
  };
  const cancelSequence = (): void => {
    if (sequenceStarted) return;
    sequenceStarted = true;
    signal('SIGINT');
    timers.push(
      setTimeout(() => {
        signal('SIGTERM');
        timers.push(setTimeout(() => signal('SIGKILL', true), opts.killGraceMs));
      }, opts.cancelGraceMs),
    );
  };
  function cancel(): void {
    if (cancelled || timedOut || exited) return;
    cancelled = true;
    cancelSequence();
  }
  if (opts.cancelAfterMs !== undefined) timers.push(setTimeout(cancel, opts.cancelAfterMs));
  const readyFile = opts.cancelOn && 'file' in opts.cancelOn ? opts.cancelOn.file : undefined;
  if (readyFile !== undefined) {
    // Polled, not watched: inotify misses files created before the watch starts. The step's
    // timeout bounds the wait.
    const poll = setInterval(() => {
      if (!existsSync(readyFile)) return;
      clearInterval(poll);
      cancel();
    }, 20);
    timers.push(poll);
  }
  timers.push(
    setTimeout(() => {
      if (cancelled) return;
      timedOut = true;
      cancelSequence();
    }, opts.timeoutMs),
  );

  return new Promise((resolve, reject) => {
    let exitCode: number | null = null;
    let exitSignal: NodeJS.Signals | null = null;
    child.on('error', (err) => {
      for (const t of timers) clearTimeout(t);
      reject(new Error(`Could not start ${node} ${entry}: ${err.message}`, { cause: err }));
    });
    child.on('exit', (code, sig) => {
      exited = true;
      exitCode = code;
      exitSignal = sig;
      for (const t of timers) clearTimeout(t);
      // A grandchild that inherited the pipes keeps 'close' from firing; the runner would not wait forever either.
      timers.push(
        setTimeout(() => {
          orphansKilled = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // none left
          }
          child.stdout.destroy();
          child.stderr.destroy();
        }, 3_000),
      );
    });
    child.on('close', () => {
      for (const t of timers) clearTimeout(t);
      for (const s of ['stdout', 'stderr'] as const) if (partial[s] !== '') log.line(s, partial[s]);
      resolve({
        exitCode,
        signal: exitSignal,
        cancelled,
        timedOut,
        signalsSent,
        orphansKilled,
        durationMs: Math.round(performance.now() - started),
      });
    });
  });
}

async function listFiles(root: string): Promise<Array<{ path: string; content: string }>> {
  const out: Array<{ path: string; content: string }> = [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    out.push({ path: path.relative(root, full), content: await readFile(full, 'utf8') });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
