import {
  foldEvents,
  type GrantEvent,
  type GrantPhase,
  type GrantState,
  type Ledger,
} from './ledger.js';
import type { ProviderId } from '../providers/provider.js';
import { redactDeep } from '../runner/redact.js';

/**
 * Writes events to the job's ledger and keeps the ones this process wrote: what this step
 * shows reviewers comes from them, never from the file, which other steps can change.
 */
export class Recorder {
  readonly events: GrantEvent[] = [];

  constructor(
    readonly ledger: Ledger,
    private readonly now: () => Date,
  ) {}

  /**
   * Every secret this process masked is taken out first: cloud errors are recorded as said, and
   * an endpoint may quote the token it was sent.
   */
  append(event: GrantEvent): void {
    const safe = redactDeep(event);
    this.ledger.append(safe);
    this.events.push(safe);
  }

  /** An event of one grant, stamped now. */
  record(
    grant: { id: string; provider: ProviderId },
    phase: GrantPhase,
    fields: Record<string, unknown> = {},
  ): void {
    this.append({
      time: this.now().toISOString(),
      grant: grant.id,
      phase,
      provider: grant.provider,
      ...fields,
    });
  }

  /** The grants as this process's own events leave them. */
  states(): GrantState[] {
    return foldEvents(this.events);
  }
}
