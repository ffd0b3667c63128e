import {
  DELIVERY_MODES,
  type CloseHandle,
  type DeliveryMode,
  type ProviderId,
} from '../providers/provider.js';
import { GRANT_ID } from './ledger.js';

/**
 * What closing a grant needs, as the step that issued it knows it: kept in memory by main and
 * saved to the action's state, which only main's own process writes and the runner hands to
 * post. Never read back from the ledger.
 */
export interface OpenGrant {
  readonly id: string;
  readonly provider: ProviderId;
  readonly mode: DeliveryMode;
  readonly principal: string;
  readonly issuedAt: string;
  /** When the cloud refuses every copy (the later of the credential's and a tool's own token). */
  readonly expiresAt: string;
  /** Variables exported to GITHUB_ENV. */
  readonly envNames: readonly string[];
  readonly handle: CloseHandle;
  /** The `run:` command's process group, while it may be running. */
  readonly processGroup?: number;
  /** The value of the command's COMMAND_MARKER variable (src/runner/command.ts), with processGroup. */
  readonly commandMarker?: string;
}

export function encodeOpenGrant(g: OpenGrant): string {
  return JSON.stringify(g);
}

/** State comes from the runner, but a step's own writes are still parsed as data, not trusted as code. */
export function decodeOpenGrant(text: string): OpenGrant | undefined {
  if (!text) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (v === null || typeof v !== 'object') return undefined;
  const g = v as Record<string, unknown>;
  const ok =
    typeof g['id'] === 'string' &&
    GRANT_ID.test(g['id']) &&
    g['id'].startsWith(`${String(g['provider'])}-`) &&
    DELIVERY_MODES.includes(g['mode'] as DeliveryMode) &&
    typeof g['expiresAt'] === 'string' &&
    !Number.isNaN(Date.parse(g['expiresAt'])) &&
    Array.isArray(g['envNames']) &&
    g['handle'] !== null &&
    typeof g['handle'] === 'object';
  return ok ? (g as unknown as OpenGrant) : undefined;
}
