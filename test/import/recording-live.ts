import type { IngestLive, IngestServices } from '../../lib/ingest/dispatch-message';
import type { RunPush } from '../../lib/kinds/kind';

/** The dashboards' side of ingest, recorded: what was pushed, and a wait for the next pushes. */
export class RecordingLive implements IngestLive {
  readonly pushes: RunPush[] = [];
  readonly changed: string[] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  readonly services: IngestServices = { live: this, projections: null };

  push(event: RunPush): void {
    this.pushes.push(event);
    this.wake();
  }

  runTouched(): void {}

  runChanged(runId: string): void {
    this.changed.push(runId);
    this.wake();
  }

  /** Resolves once `test` holds after a push (the test's timeout bounds the wait). */
  until(test: () => boolean): Promise<void> {
    return test() ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  private wake(): void {
    this.waiters = this.waiters.filter((w) => (w.test() ? (w.resolve(), false) : true));
  }
}
