import type { ProviderId } from '../../providers/provider.js';
import type { LoadedPolicy } from '../types.js';
import { exportAws } from './aws.js';
import { exportAzure } from './azure.js';
import { exportGcp } from './gcp.js';
import type { ExportOptions, ExportResult } from './select.js';

export type { ExportOptions, ExportResult } from './select.js';
export { exportAws, exportAzure, exportGcp };

export function exportTrust(
  policy: LoadedPolicy,
  target: ProviderId,
  opts: ExportOptions = {},
): ExportResult {
  switch (target) {
    case 'aws':
      return exportAws(policy, opts);
    case 'gcp':
      return exportGcp(policy, opts);
    case 'azure':
      return exportAzure(policy, opts);
  }
}
