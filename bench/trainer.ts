/**
 * Trainer throughput: samples/s of one IMDB Conv1D training step (the lecture config:
 * maxFeatures 2000, maxLen 500, batch 128, RMSprop) on random token ids, for stock
 * tfjs CPU, stock WASM, Tensorlens's WASM (single-threaded and threaded) and CPU
 * paths, and PyTorch on this CPU; then every zoo model beside its PyTorch twin
 * (bench/trainer-zoo.ts), whose ratios the last JSON line carries as zoo_ratios.
 * Then what full logging costs an epoch (bench/trainer-logging.ts) and the peak RSS of a real
 * trainer run on the IMDB data (bench/trainer-memory.ts).
 * Each configuration runs in its own child process: tfjs backends share one kernel
 * registry per process, so stock and Tensorlens kernels would otherwise mix, and the
 * wasm build (threaded or not) is fixed once per process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { registerTrainingKernels, unregisterTrainingKernels } from '../trainer/backend/register-kernels';
import { selectBackend } from '../trainer/backend/select-backend';
import { buildImdbConv1d } from '../trainer/models/imdb-conv1d';
import { runZooBench } from './trainer-zoo';
import { describeLogging, measureLoggingOverhead, type LoggingFigure } from './trainer-logging';
import { measurePeakRss } from './trainer-memory';

const MAX_FEATURES = 2000;
const MAX_LEN = 500;
const BATCH = 128;
const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const WARMUP = 2;
// Stock cpu's UnsortedSegmentSum (the Embedding gradient) allocates numSegments x
// input size: 2000 x 128 x 500 x 128 floats, ~65 GB, at batch 128. Batch 2 needs
// ~1 GB and still takes seconds per step, so it gets few batches.
const STOCK_CPU_BATCH = 2;
const WASM_THREADS = Math.max(2, availableParallelism());
// The lecture's epoch: 20,000 training reviews (25,000 less the 0.2 validation split) at batch 128.
// Logging's per-epoch work (histograms, embeddings, epoch scalars) is measured against a real epoch,
// not a shortened one that would multiply its share.
const LOGGING_BATCHES = Number(process.env.BENCH_LOGGING_BATCHES ?? 157);
const LOGGING_PAIRS = Number(process.env.BENCH_LOGGING_PAIRS ?? 8);
const RSS_EPOCHS = Number(process.env.BENCH_RSS_EPOCHS ?? 2);
const RSS_SAMPLES = Number(process.env.BENCH_RSS_SAMPLES ?? 5000);
/** BENCH_CONFIGS=wasm-tensorlens,wasm-threads times only those (a loaded machine makes stock cpu take many minutes). */
const ONLY = process.env.BENCH_CONFIGS ? new Set(process.env.BENCH_CONFIGS.split(',')) : undefined;
const chosen = (key: string) => ONLY === undefined || ONLY.has(key);

interface Config {
  label: string;
  batch: number;
  batches: number;
  setUp(): Promise<void>;
}

const CONFIGS: Record<string, Config> = {
  'cpu-stock': { label: `stock tfjs cpu (batch ${STOCK_CPU_BATCH})`, batch: STOCK_CPU_BATCH, batches: 3, setUp: async () => void (await tf.setBackend('cpu')) },
  'wasm-stock': {
    label: 'stock tfjs wasm', batch: BATCH, batches: BATCHES,
    setUp: async () => { await selectBackend('wasm'); unregisterTrainingKernels('wasm'); },
  },
  'wasm-tensorlens': {
    label: 'Tensorlens wasm, 1 thread', batch: BATCH, batches: BATCHES,
    setUp: async () => {
      // Threads are on by default; this column is the single-threaded build.
      process.env.TENSORLENS_WASM_THREADS = '1';
      await selectBackend('wasm');
    },
  },
  'wasm-threads': {
    label: `Tensorlens wasm, ${WASM_THREADS} threads`, batch: BATCH, batches: BATCHES,
    setUp: async () => {
      process.env.TENSORLENS_WASM_THREADS = String(WASM_THREADS);
      const info = await selectBackend('wasm');
      if (info.threads < 2) throw new Error(`threaded wasm did not start: ${info.fallbackReasons.join('; ')}`);
    },
  },
  // What the Embedding->Conv1D fusion gains: the threaded column with it turned off.
  'wasm-unfused': {
    label: `Tensorlens wasm, ${WASM_THREADS} thr., unfused`, batch: BATCH, batches: BATCHES,
    setUp: async () => {
      process.env.TENSORLENS_WASM_THREADS = String(WASM_THREADS);
      process.env.TENSORLENS_FUSE_EMBEDDING_CONV = '0';
      await selectBackend('wasm');
    },
  },
  'cpu-tensorlens': {
    label: 'Tensorlens cpu', batch: BATCH, batches: Math.max(3, Math.ceil(BATCHES / 3)),
    setUp: async () => { await tf.setBackend('cpu'); registerTrainingKernels('cpu'); },
  },
};

/** cpuMsPerSample: CPU time of all the process's threads, which other load on the machine disturbs less than wall time. */
type Figure = { samplesPerSecond: number; cpuMsPerSample?: number; batch: number; batches: number } | { error: string };
type Batch = { x: tf.Tensor | tf.Tensor[]; y: tf.Tensor };

/** A lecture model to time, with random data of its input shapes. */
interface BenchModel {
  title: string;
  build(): tf.LayersModel;
  data(batch: number): Batch;
}

const MODELS: Record<string, BenchModel> = {
  imdb: {
    title: `IMDB Conv1D, maxFeatures ${MAX_FEATURES}, maxLen ${MAX_LEN}`,
    build: () => buildImdbConv1d({ maxFeatures: MAX_FEATURES, maxLen: MAX_LEN }),
    data: (batch) => ({ x: tf.randomUniformInt([batch, MAX_LEN], 0, MAX_FEATURES), y: tf.randomUniformInt([batch, 1], 0, 2).toFloat() }),
  },
};

/** Child side: trains one model on one configuration and prints its figure as the last line. */
async function measure(config: Config, benchModel: BenchModel): Promise<Figure> {
  await config.setUp();
  const { batch, batches } = config;
  const model = benchModel.build();
  const { x, y } = benchModel.data(batch);
  try {
    for (let i = 0; i < WARMUP; i++) await model.trainOnBatch(x, y);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < batches; i++) await model.trainOnBatch(x, y);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return { samplesPerSecond: (batch * batches) / seconds, cpuMsPerSample: (cpu.user + cpu.system) / 1000 / (batch * batches), batch, batches };
  } catch (e) {
    const missing = /Kernel '(\w+)' not registered/.exec((e as Error).message);
    return { error: missing ? `does not run: ${missing[1]}` : `failed: ${(e as Error).message.split('\n')[0]}` };
  }
}

function runChild<T = Figure>(...args: string[]): T | { error: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const last = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    return { error: `failed: exit ${child.status ?? child.signal}: ${(child.stderr || last).trim().split('\n').pop()}` };
  }
}

const SYSTEM_PYTHON = '/usr/bin/python3';

/** PyTorch needs Debian's python3-torch; pyenv's python3 on PATH would not see it. */
function ensureTorch(): string | undefined {
  const hasTorch = () => spawnSync(SYSTEM_PYTHON, ['-c', 'import torch']).status === 0;
  if (hasTorch()) return undefined;
  if (process.getuid?.() !== 0) return 'skipped: torch missing for /usr/bin/python3 and not root to apt-get install python3-torch';
  console.error('installing python3-torch with apt-get ...');
  try {
    execFileSync('apt-get', ['install', '-y', 'python3-torch'], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    return `skipped: apt-get install python3-torch failed: ${(e as Error).message.split('\n')[0]}`;
  }
  return hasTorch() ? undefined : 'skipped: python3-torch installed but import torch still fails';
}

function runPytorch(): Figure {
  const skipped = ensureTorch();
  if (skipped) return { error: skipped };
  const batches = Math.max(BATCHES, 10);
  const child = spawnSync(SYSTEM_PYTHON, [join(__dirname, 'trainer_reference.py'),
    '--max-features', String(MAX_FEATURES), '--max-len', String(MAX_LEN), '--batch', String(BATCH),
    '--batches', String(batches), '--warmup', String(WARMUP), '--threads', '2'], { encoding: 'utf8' });
  try {
    const out = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as { samples_per_s: number; cpu_ms_per_sample: number };
    return { samplesPerSecond: out.samples_per_s, cpuMsPerSample: out.cpu_ms_per_sample, batch: BATCH, batches };
  } catch {
    return { error: `failed: ${child.stderr.trim().split('\n').pop()}` };
  }
}

function show(label: string, figure: Figure): void {
  const cpu = 'error' in figure || figure.cpuMsPerSample === undefined ? '' : `, ${figure.cpuMsPerSample.toPrecision(3)} CPU ms/sample`;
  const value = 'error' in figure ? figure.error : `${figure.samplesPerSecond.toPrecision(3)} samples/s (batch ${figure.batch}, ${figure.batches} batches${cpu})`;
  console.log(`${label.padEnd(34)} ${value}`);
}

function cpuRatio(reference: Figure | undefined, ours: Figure | undefined): number | null {
  if (!reference || !ours || 'error' in reference || 'error' in ours) return null;
  return reference.cpuMsPerSample !== undefined && ours.cpuMsPerSample !== undefined ? reference.cpuMsPerSample / ours.cpuMsPerSample : null;
}

async function main(): Promise<void> {
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    console.log(JSON.stringify(await measure(CONFIGS[process.argv[child + 1]], MODELS[process.argv[child + 2]])));
    return;
  }
  if (process.argv.includes('--logging')) {
    console.log(JSON.stringify(await measureLoggingOverhead(LOGGING_BATCHES, LOGGING_PAIRS)));
    return;
  }
  console.log(`${MODELS.imdb.title}, ${WARMUP} warm-up batches excluded; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`stock tfjs cpu at batch ${BATCH}: not run, its UnsortedSegmentSum would allocate ~65 GB`);
  const figures: Record<string, Figure> = {};
  for (const [key, config] of Object.entries(CONFIGS).filter(([k]) => chosen(k))) {
    figures[key] = runChild('--child', key, 'imdb');
    show(config.label, figures[key]);
  }
  figures.pytorch = runPytorch();
  show('PyTorch cpu (2 threads)', figures.pytorch);
  const zoo = runZooBench();
  console.log(`Logging: ${LOGGING_PAIRS} pairs of ${LOGGING_BATCHES}-batch epochs, none vs full; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const logging = runChild<LoggingFigure>('--logging');
  console.log('error' in logging ? logging.error : describeLogging(logging));
  console.log(`Peak RSS: npm run train, IMDB Conv1D, ${RSS_EPOCHS} epochs of ${RSS_SAMPLES} reviews, full logging; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const memory = await measurePeakRss(RSS_EPOCHS, RSS_SAMPLES);
  console.log('error' in memory ? memory.error : `${memory.peakRssMb.toFixed(0)} MB; tensors after each epoch ${memory.tensorsAfterEpoch.join(' ')} (besides those History holds until fit() returns: ${memory.historyTensors.join(' ')})`);
  const speed = (f: Figure) => ('error' in f ? null : f.samplesPerSecond);
  // The trainer's default path is threaded WASM; the single-threaded figure stands in where threads cannot start.
  const fast = speed(figures['wasm-threads']) ?? speed(figures['wasm-tensorlens']);
  const torch = speed(figures.pytorch);
  const plain = (set: Record<string, Figure>) => Object.fromEntries(Object.entries(set).map(([key, f]) => [key, 'error' in f ? f.error : f]));
  console.log(JSON.stringify({
    ...plain(figures),
    ratio_vs_pytorch: fast !== null && torch !== null ? fast / torch : null,
    zoo_ratios: zoo.ratios,
    zoo_round_ratios: zoo.roundRatios,
    zoo_thread_speedups: zoo.threadSpeedups,
    zoo: zoo.figures,
    // PyTorch's CPU time per sample over ours (threaded): the same comparison, less disturbed by other load.
    ratio_vs_pytorch_cpu_time: cpuRatio(figures.pytorch, figures['wasm-threads']),
    logging: logging,
    // The median over paired epochs, on wall time; logging.cpuOverhead has the trainer's CPU time.
    logging_overhead: 'error' in logging ? null : logging.overhead.median,
    logging_hook_share: 'error' in logging ? null : logging.hookShare,
    memory,
    peak_rss_mb: 'error' in memory ? null : memory.peakRssMb,
    loadavg: loadavg(),
  }));
}

void main();
