import { awsCloser } from './aws/close.js';
import { azureCloser } from './azure/close.js';
import { gcpCloser } from './gcp/close.js';
import type { AnyCloser, ProviderId } from './provider.js';

/**
 * Each cloud's closer, apart from the code that plans, issues and delivers: a post step closes
 * with these alone (a few KiB for all three; bench/FIRST-STEP.md), and the SDKs stay behind the
 * closers' own `import()` of what a revocation or a metadata server needs.
 */
export function closerOf(id: ProviderId): AnyCloser {
  switch (id) {
    case 'aws':
      return awsCloser as unknown as AnyCloser;
    case 'azure':
      return azureCloser as unknown as AnyCloser;
    case 'gcp':
      return gcpCloser as unknown as AnyCloser;
  }
}
