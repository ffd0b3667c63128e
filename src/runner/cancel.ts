/**
 * A cancelled job sends the running step SIGINT, then SIGTERM 7.5 s later. Without a listener
 * Node would exit at once, and a credential being issued at that moment would be left for the
 * post step; with one, the step finishes what it started, closes, and exits.
 */
export interface CancelWatch {
  readonly cancelled: NodeJS.Signals | undefined;
  dispose(): void;
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function watchCancel(): CancelWatch {
  let cancelled: NodeJS.Signals | undefined;
  const note = (signal: NodeJS.Signals) => {
    cancelled ??= signal;
  };
  for (const s of SIGNALS) process.on(s, note);
  return {
    get cancelled() {
      return cancelled;
    },
    dispose: () => {
      for (const s of SIGNALS) process.off(s, note);
    },
  };
}
