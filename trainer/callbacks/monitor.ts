import { bestDirection } from '../../lib/compare/metric-summary';

export type MonitorMode = 'auto' | 'min' | 'max';

export const MONITOR_MODES: readonly MonitorMode[] = ['auto', 'min', 'max'];

export interface MonitorArgs {
  /** The metric in the epoch logs; default 'val_loss'. */
  monitor?: string;
  /** 'min', 'max', or 'auto' (default): max for accuracy-like metrics, else min (the run table's rule). */
  mode?: MonitorMode;
  /** A change smaller than this is no improvement. */
  minDelta?: number;
  /** Where "metric not available" goes; default console.warn. Used for test DI mocking. */
  warnFunc?: (message: string) => void;
}

/**
 * The "did the monitored metric improve?" rule that EarlyStopping, ReduceLROnPlateau and
 * ModelCheckpoint share: in 'min' mode an improvement is `current < reference - minDelta`,
 * in 'max' mode `current > reference + minDelta`. NaN never improves.
 */
export class Monitor {
  readonly name: string;
  readonly direction: 'min' | 'max';
  readonly minDelta: number;
  private readonly warn: (message: string) => void;

  constructor(private readonly owner: string, args: MonitorArgs, defaultMinDelta = 0) {
    this.name = args.monitor ?? 'val_loss';
    const mode = args.mode ?? 'auto';
    if (!MONITOR_MODES.includes(mode)) throw new Error(`${owner}: mode must be one of ${MONITOR_MODES.join(', ')}, got "${mode}"`);
    this.direction = mode === 'auto' ? bestDirection(this.name) : mode;
    const minDelta = args.minDelta ?? defaultMinDelta;
    if (!Number.isFinite(minDelta)) throw new Error(`${owner}: minDelta must be a finite number, got ${minDelta}`);
    // Keras takes the magnitude: the mode alone says which way counts as better.
    this.minDelta = Math.abs(minDelta);
    this.warn = args.warnFunc ?? ((m) => console.warn(m));
  }

  /** The starting "best": anything finite improves on it. */
  get worst(): number {
    return this.direction === 'min' ? Infinity : -Infinity;
  }

  isImprovement(current: number, reference: number): boolean {
    return this.direction === 'min' ? current < reference - this.minDelta : current > reference + this.minDelta;
  }

  /** The monitored value in this epoch's logs; when absent, warns as Keras does and returns undefined. */
  read(logs: Record<string, number>, consequence: string): number | undefined {
    const value = logs[this.name];
    if (value === undefined) {
      this.warn(`${this.owner}: metric "${this.name}" is not available (${consequence}). Available metrics are: ${Object.keys(logs).join(', ') || 'none'}`);
    }
    return value;
  }
}
