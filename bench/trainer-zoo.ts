/**
 * The zoo bench: every zoo model (bench/trainer-zoo-models.ts) trained on Tensorlens's WASM
 * backend, single-threaded and threaded, beside its PyTorch twin (bench/zoo_reference.py)
 * with the same threads, in one run. `tsx bench/trainer-zoo.ts` alone prints the table and a
 * JSON line; bench/trainer.ts runs it after the IMDB Conv1D and adds its zoo_ratios.
 * ZOO_MODELS=a,b limits the models; ZOO_ROUNDS (default 3) sets how often each default path and
 * its twin alternate.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { selectBackend } from '../trainer/backend/select-backend';
import { requestedWasmThreads } from '../trainer/backend/wasm-threads';
import { findModel } from '../trainer/zoo';
import { ZOO_BENCH_MODELS } from './trainer-zoo-models';

export const ZOO_THREADS = 2;
const BATCHES = Number(process.env.BENCH_BATCHES ?? 10);
const WARMUP = 2;
// A tiny model's step takes milliseconds, so a few batches measured the machine's load more
// than the model (the two identical PyTorch MLP twins gave 4.08e3 and 1.18e4 samples/s), and
// tfjs's JS is not yet compiled by V8 after two: the MLP's first 20 steps took 45-64 ms each,
// its steps after 60 took 7-12. So both sides warm up and time for at least these seconds.
const MIN_SECONDS = Number(process.env.BENCH_MIN_SECONDS ?? 3);
const SYSTEM_PYTHON = '/usr/bin/python3';
// PyTorch's own figure for the same MLP moved from 117k to 217k samples/s within ten minutes of one
// quiet run, so one twin run beside one of ours decided a ratio by chance. Each model's default
// path and its twin run this many times, alternating; the ratio is the median of the rounds'.
const ROUNDS = Math.max(1, Number(process.env.ZOO_ROUNDS ?? 3));

type Figure = { samplesPerSecond: number; batch: number; batches: number } | { error: string };

/** Tensorlens's two WASM builds; the default path is the threads the trainer picks for the model. */
const CONFIGS: Record<string, { label: string; threads: number }> = {
  'wasm-tensorlens': { label: 'Tensorlens wasm, 1 thread', threads: 1 },
  'wasm-threads': { label: `Tensorlens wasm, ${ZOO_THREADS} threads`, threads: ZOO_THREADS },
};

/** Fewer batches for the slow models, so the whole zoo runs in minutes. */
function batchesOf(batch: number): number {
  return Math.max(3, Math.ceil((BATCHES * Math.min(batch, 64)) / 64));
}

async function measure(configKey: string, name: string): Promise<Figure> {
  process.env.TENSORLENS_WASM_THREADS = String(CONFIGS[configKey].threads);
  const info = await selectBackend('wasm');
  if (info.threads !== CONFIGS[configKey].threads) return { error: `started ${info.threads} threads: ${info.fallbackReasons.join('; ')}` };
  const benchModel = ZOO_BENCH_MODELS[name];
  const model = benchModel.build();
  const { x, y } = benchModel.data(benchModel.batch);
  const batches = name === 'separable-conv' ? 3 : batchesOf(benchModel.batch);
  const warming = performance.now();
  for (let i = 0; i < WARMUP || performance.now() - warming < MIN_SECONDS * 1000; i++) await model.trainOnBatch(x, y);
  const started = performance.now();
  let done = 0;
  while (done < batches || performance.now() - started < MIN_SECONDS * 1000) {
    await model.trainOnBatch(x, y);
    done++;
  }
  return { samplesPerSecond: (benchModel.batch * done) / ((performance.now() - started) / 1000), batch: benchModel.batch, batches: done };
}

function runChild(configKey: string, name: string): Figure {
  const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--child', configKey, name], { encoding: 'utf8', maxBuffer: 1 << 24 });
  try {
    return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as Figure;
  } catch {
    return { error: `failed: exit ${child.status ?? child.signal}: ${child.stderr.trim().split('\n').pop()}` };
  }
}

/** One model's twin; torch must be importable by /usr/bin/python3 (bench/trainer.ts installs it). */
function runTwin(name: string): Figure {
  const child = spawnSync(SYSTEM_PYTHON, [join(__dirname, 'zoo_reference.py'), '--models', name,
    '--batches', String(Math.max(3, Math.ceil(BATCHES / 2))), '--warmup', String(WARMUP), '--threads', String(ZOO_THREADS), '--min-seconds', String(MIN_SECONDS)], { encoding: 'utf8' });
  try {
    const out = JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as { samples_per_s: number; batch: number; batches: number };
    return { samplesPerSecond: out.samples_per_s, batch: out.batch, batches: out.batches };
  } catch {
    return { error: `failed: ${child.stderr.trim().split('\n').pop()}` };
  }
}

const speed = (f: Figure) => ('error' in f ? null : f.samplesPerSecond);
const cell = (f: Figure) => ('error' in f ? f.error : f.samplesPerSecond.toPrecision(3));

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The round of median speed: the figure a table of one run per path shows. */
function medianFigure(figures: Figure[]): Figure {
  const ok = figures.filter((f) => !('error' in f)).sort((a, b) => speed(a)! - speed(b)!);
  return ok.length > 0 ? ok[Math.floor((ok.length - 1) / 2)] : figures[0];
}

export interface ZooResult {
  figures: Record<string, Record<string, Figure>>;
  /**
   * Model → Tensorlens's default path over its PyTorch twin: the threads the trainer picks
   * for that model given ZOO_THREADS cores (the model's own count, else one per core).
   */
  ratios: Record<string, number | null>;
  /** Each round's ratio, default path over twin, in the order run; `ratios` holds their median. */
  roundRatios: Record<string, number[]>;
  threadSpeedups: Record<string, number | null>;
}

/** Times every zoo model on both builds and its twin, printing a row per model as it goes. */
export function runZooBench(names = process.env.ZOO_MODELS?.split(',') ?? Object.keys(ZOO_BENCH_MODELS)): ZooResult {
  console.log(`zoo models, samples/s (${WARMUP} warm-up batches or ${MIN_SECONDS} s excluded), PyTorch with ${ZOO_THREADS} threads, default path and twin alternating ${ROUNDS}× (medians); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`${'model'.padEnd(16)} ${'1 thread'.padStart(10)} ${`${ZOO_THREADS} threads`.padStart(10)} ${'PyTorch'.padStart(10)} ${'ratio'.padStart(7)}`);
  const result: ZooResult = { figures: {}, ratios: {}, roundRatios: {}, threadSpeedups: {} };
  for (const name of names) {
    // Each model's runs back to back, so a shift in the machine's load hits all of them alike.
    const oneThread = requestedWasmThreads({}, ZOO_THREADS, findModel(name).wasmThreads) === 1;
    const [chosenKey, otherKey] = oneThread ? ['wasm-tensorlens', 'wasm-threads'] : ['wasm-threads', 'wasm-tensorlens'];
    const twins: Figure[] = [];
    const ours: Figure[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      twins.push(runTwin(name));
      ours.push(runChild(chosenKey, name));
    }
    const chosen = medianFigure(ours);
    const other = runChild(otherKey, name);
    const twin = medianFigure(twins);
    const [single, threaded] = oneThread ? [chosen, other] : [other, chosen];
    const roundRatios = ours.flatMap((f, i) => (speed(f) !== null && speed(twins[i]) !== null ? [speed(f)! / speed(twins[i])!] : []));
    const [s, t] = [speed(single), speed(threaded)];
    result.figures[name] = { 'wasm-tensorlens': single, 'wasm-threads': threaded, pytorch: twin };
    result.ratios[name] = median(roundRatios);
    result.roundRatios[name] = roundRatios;
    result.threadSpeedups[name] = t !== null && s !== null ? t / s : null;
    const rounds = roundRatios.map((r) => r.toFixed(2)).join(' ');
    console.log(`${name.padEnd(16)} ${cell(single).padStart(10)} ${cell(threaded).padStart(10)} ${cell(twin).padStart(10)} ${(result.ratios[name]?.toFixed(2) ?? '-').padStart(7)}${oneThread ? ' (1 thread)' : ''}  rounds ${rounds}  load ${loadavg()[0].toFixed(1)}`);
  }
  return result;
}

async function main(): Promise<void> {
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    console.log(JSON.stringify(await measure(process.argv[child + 1], process.argv[child + 2])));
    return;
  }
  const result = runZooBench();
  console.log(JSON.stringify({ zoo_ratios: result.ratios, zoo_round_ratios: result.roundRatios, zoo_thread_speedups: result.threadSpeedups, zoo: result.figures, loadavg: loadavg() }));
}

if (require.main === module) void main();
