/**
 * What the runner does with each line a step prints: it recognises workflow commands
 * (`::name key=value,key=value::data`, the first `::` after optional leading spaces), acts on
 * `add-mask`, turns `error` / `warning` / `notice` into annotations, honours
 * `stop-commands` / `::<token>::`, and shows the line through the job's masker.
 *
 *   const log = new StepLog(masker);
 *   log.line('stdout', '::add-mask::s3cr3t');   // registers, shows '::add-mask::***'
 *   log.line('stderr', 'oops s3cr3t');          // shows 'oops ***'
 *   log.shown('stdout'); log.raw('stdout'); log.annotations; log.masks;
 *
 * Lines must be fed in arrival order across both streams: a mask applies from its line on.
 * Shown output keeps command lines (masked) so tests can see them; the real log hides most.
 */
import type { Masker } from './masker.ts';

export type Stream = 'stdout' | 'stderr';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  /** Unescaped and masked, as the runner shows it. */
  message: string;
  /** `file`, `line`, `col`, `endLine`, `endColumn`, `title`, when given. */
  properties: Record<string, string>;
  stream: Stream;
}

export interface ParsedCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/** Parses one line as a workflow command, the runner's way; `undefined` when it is plain output. */
export function parseCommand(line: string): ParsedCommand | undefined {
  const input = line.replace(/^ +/, '');
  if (!input.startsWith('::')) return undefined;
  const end = input.indexOf('::', 2);
  if (end < 0) return undefined;
  const head = input.slice(2, end);
  const data = unescapeData(input.slice(end + 2));
  const sp = head.indexOf(' ');
  const command = sp < 0 ? head : head.slice(0, sp);
  if (command === '') return undefined;
  const properties: Record<string, string> = {};
  if (sp >= 0) {
    for (const pair of head.slice(sp + 1).split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, data };
}

export function unescapeData(s: string): string {
  return s.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
}

export function unescapeProperty(s: string): string {
  return s
    .replaceAll('%0D', '\r')
    .replaceAll('%0A', '\n')
    .replaceAll('%3A', ':')
    .replaceAll('%2C', ',')
    .replaceAll('%25', '%');
}

export class StepLog {
  readonly annotations: Annotation[] = [];
  /** Values this step registered with add-mask, in order. */
  readonly masks: string[] = [];
  #masker: Masker;
  #stopToken: string | undefined;
  #shown: Record<Stream, string[]> = { stdout: [], stderr: [] };
  #raw: Record<Stream, string[]> = { stdout: [], stderr: [] };
  #maskLines: Record<Stream, Set<number>> = { stdout: new Set(), stderr: new Set() };

  constructor(masker: Masker) {
    this.#masker = masker;
  }

  line(stream: Stream, text: string): void {
    this.#raw[stream].push(text);
    const cmd = parseCommand(text);
    if (cmd && this.#stopToken !== undefined) {
      if (cmd.command === this.#stopToken) this.#stopToken = undefined;
    } else if (cmd) {
      this.#act(cmd, stream);
    }
    this.#shown[stream].push(this.#masker.mask(text));
  }

  #act(cmd: ParsedCommand, stream: Stream): void {
    switch (cmd.command) {
      case 'add-mask':
        this.#maskLines[stream].add(this.#raw[stream].length - 1);
        this.masks.push(cmd.data);
        this.#masker.add(cmd.data);
        return;
      case 'stop-commands':
        if (cmd.data !== '') this.#stopToken = cmd.data;
        return;
      case 'error':
      case 'warning':
      case 'notice':
        this.annotations.push({
          level: cmd.command,
          message: this.#masker.mask(cmd.data),
          properties: cmd.properties,
          stream,
        });
        return;
      default:
        return;
    }
  }

  shown(stream: Stream): string {
    return join(this.#shown[stream]);
  }

  raw(stream: Stream): string {
    return join(this.#raw[stream]);
  }

  /** Raw lines without the `::add-mask::` commands: what the step printed as output. */
  rawWithoutMaskCommands(stream: Stream): string {
    return join(this.#raw[stream].filter((_l, i) => !this.#maskLines[stream].has(i)));
  }
}

function join(lines: string[]): string {
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
