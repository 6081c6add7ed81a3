import * as tf from '@tensorflow/tfjs';
import { resolveLogs } from './resolve-logs';

export interface ProgressBarArgs {
  /** Where the bar goes; default process.stdout. */
  stream?: NodeJS.WriteStream;
  /** Without a terminal, print a progress line at most this often. Default 10 s. */
  plainIntervalMs?: number;
  /** Used for test DI mocking. */
  nowFunc?: () => number;
}

const WIDTH = 30;

/** Keras' number format in the progress bar: 4 decimals, exponent for tiny values. */
export function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value).toLowerCase().replace('infinity', 'inf');
  return Math.abs(value) < 1e-3 && value !== 0 ? value.toExponential(4) : value.toFixed(4);
}

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  if (s >= 60) return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return `${s}s`;
}

/** `[=====>....]` for `done` of `total`, drawn as Keras draws it. */
export function bar(done: number, total: number): string {
  const filled = Math.floor((WIDTH * Math.min(done, total)) / total);
  const head = filled > 0 ? '='.repeat(filled - 1) + (done < total ? '>' : '=') : '';
  return `[${head}${'.'.repeat(WIDTH - filled)}]`;
}

/** Keras order: training metrics, then their validation counterparts (tfjs logs val_ first). */
function metricsText(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .sort(([a], [b]) => Number(a.startsWith('val_')) - Number(b.startsWith('val_')))
    .map(([k, v]) => ` - ${k}: ${formatMetric(v)}`)
    .join('');
}

/** Keras' ProgbarLogger: a live bar per epoch, then a summary line with the validation metrics. */
export class ProgressBar extends tf.Callback {
  private readonly stream: NodeJS.WriteStream;
  private readonly plainIntervalMs: number;
  private readonly now: () => number;
  private steps = 0;
  private epochStart = 0;
  private lastPlain = 0;
  private done = 0;
  private running: Record<string, number> = {};

  constructor(args: ProgressBarArgs = {}) {
    super();
    this.stream = args.stream ?? process.stdout;
    this.plainIntervalMs = args.plainIntervalMs ?? 10_000;
    this.now = args.nowFunc ?? Date.now;
  }

  override async onEpochBegin(epoch: number): Promise<void> {
    const p = this.params as { epochs: number; samples?: number; steps?: number | null; batchSize?: number };
    this.steps = p.steps ?? Math.ceil((p.samples ?? 0) / (p.batchSize ?? 32));
    this.epochStart = this.lastPlain = this.now();
    this.done = 0;
    this.running = {};
    this.stream.write(`Epoch ${epoch + 1}/${p.epochs}\n`);
  }

  override async onBatchEnd(_batch: number, logs?: tf.Logs): Promise<void> {
    this.done++;
    // Keras shows the mean over the epoch so far, not the last batch alone.
    for (const [k, v] of Object.entries(await resolveLogs(logs))) this.running[k] = ((this.running[k] ?? 0) * (this.done - 1) + v) / this.done;
    const elapsed = (this.now() - this.epochStart) / 1000;
    const eta = (elapsed / this.done) * (this.steps - this.done);
    const line = `${String(this.done).padStart(String(this.steps).length)}/${this.steps} ${bar(this.done, this.steps)} - ETA: ${formatDuration(eta)}${metricsText(this.running)}`;
    if (this.stream.isTTY) this.stream.write(`\r${line}\u001b[K`);
    else if (this.now() - this.lastPlain >= this.plainIntervalMs) {
      this.lastPlain = this.now();
      this.stream.write(`${line}\n`);
    }
  }

  override async onEpochEnd(_epoch: number, logs?: tf.Logs): Promise<void> {
    const seconds = (this.now() - this.epochStart) / 1000;
    const perStep = this.done > 0 ? `${Math.round((seconds * 1000) / this.done)}ms/step` : '';
    const line = `${this.steps}/${this.steps} ${bar(this.steps, this.steps)} - ${formatDuration(seconds)} ${perStep}${metricsText(await resolveLogs(logs))}`;
    this.stream.write(`${this.stream.isTTY ? '\r' : ''}${line}${this.stream.isTTY ? '\u001b[K' : ''}\n`);
  }
}
