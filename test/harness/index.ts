/**
 * One import for tests that drive the built actions: `createJob` (job.ts) to run steps as the
 * runner does, and the leak canary (canary.ts). The pieces stay importable on their own.
 */
export { createJob, inputVariable } from './job.ts';
export type { CancelOn, InputValue, Job, JobOptions, StepOptions, StepResult } from './job.ts';
export { findLeaks, jobChannels, leaksOutside, secretLabel } from './canary.ts';
export type { Leak, LeakForm } from './canary.ts';
export type { Annotation } from './workflow-commands.ts';
export { nodeBinary, REPO_ROOT } from './node.ts';
