import type { Run } from '../lib/client/run';

/** Each way a trainer is told to stop: the run's error, and the exit code a shell expects (128 + signal). */
const STOPPING_SIGNALS: [NodeJS.Signals, string, number][] = [
  ['SIGINT', 'interrupted (SIGINT)', 130],
  ['SIGTERM', 'terminated (SIGTERM)', 143],
  ['SIGHUP', 'terminated (SIGHUP)', 129],
];

/**
 * Until the returned function is called, a stop signal ends the run as failed, saying why, before
 * the process exits; a second signal while that is sent kills the process at once.
 */
export function endRunOnSignals(run: Run, timeoutMs = 3000): () => void {
  const handlers = STOPPING_SIGNALS.map(([signal, reason, code]) => {
    const handler = () => void run.finish('failed', reason, timeoutMs).then(() => process.exit(code));
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
  };
}
