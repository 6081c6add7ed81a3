import type { Worker } from 'node:worker_threads';
import { moduleWorker } from '../../module-worker';
import type { HistogramData } from './meta';

/** Tensors by tag, as read from the backend. */
export type TensorValues = Record<string, Float32Array | Int32Array | Uint8Array>;

export interface BinJob {
  id: number;
  values: TensorValues;
  bucketCount?: number;
}

export interface BinResult {
  id: number;
  histograms: Record<string, HistogramData>;
  error?: string;
}

/**
 * computeHistogram on a worker thread, so that binning millions of activations does not hold up
 * the training step that recorded them. The values move to the worker without a copy: copying an
 * epoch's activations into the message took longer than the rest of the epoch's logging. The
 * thread keeps the process alive only while a job is in flight.
 */
export class HistogramBinner {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(h: Record<string, HistogramData>): void; reject(e: Error): void }>();

  /**
   * The histograms of `values`, keyed and ordered as they are. The arrays are handed over: their
   * buffers are transferred to the worker, and are empty here afterwards.
   */
  bin(values: TensorValues, bucketCount?: number): Promise<Record<string, HistogramData>> {
    const worker = this.start();
    const id = this.nextId++;
    const done = new Promise<Record<string, HistogramData>>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    worker.ref();
    // A shared buffer (a threaded wasm heap) cannot move; one buffer under two arrays moves once.
    const buffers = new Set<ArrayBuffer>();
    for (const array of Object.values(values)) if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
    worker.postMessage({ id, values, bucketCount } satisfies BinJob, [...buffers]);
    return done;
  }

  /** Ends the thread; jobs still in flight fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error('the histogram binner was closed'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = moduleWorker(__dirname, 'histogram-worker');
    worker.on('message', ({ id, histograms, error }: BinResult) => {
      const job = this.waiting.get(id);
      this.waiting.delete(id);
      if (this.waiting.size === 0) worker.unref();
      if (error) job?.reject(new Error(`binning histograms failed: ${error}`));
      else job?.resolve(histograms);
    });
    worker.on('error', (err) => {
      this.worker = null;
      this.failAll(err);
    });
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const job of this.waiting.values()) job.reject(err);
    this.waiting.clear();
  }
}
