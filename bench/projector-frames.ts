/**
 * How smoothly the projector pans and zooms a large vocabulary: frames per second in Chromium
 * while the wheel zooms in and out and the mouse drags the view, counted with requestAnimationFrame
 * (each frame also waits for ECharts' redraw, which runs in the same loop). Prints figures,
 * asserts nothing; the last line is JSON with `fps_80k`.
 *
 *   npx tsx bench/projector-frames.ts [--sizes 20000,80000] [--seconds 4]
 *
 * Needs a production build (`npm run build`). The server computes UMAP for the seeded snapshot in
 * a worker meanwhile, as it would for a real run, so the browser shares the cores with it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { Run } from '../lib/client/run';
import { seededRandom } from '../lib/seeded-random';
import { startServer } from '../server/start-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';

const root = resolve(__dirname, '..');
const DIM = 16;
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '20000,80000' }, seconds: { type: 'string', default: '4' } } });
const sizes = values.sizes!.split(',').map(Number);
const seconds = Number(values.seconds);

/** A string, not a function: tsx would add its own helpers to a function's source, which the browser lacks. */
const COUNT_FRAMES = `(() => {
  const frames = [];
  window.benchFrames = frames;
  window.benchCounting = true;
  const tick = (t) => { frames.push(t); if (window.benchCounting) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_FRAMES = `(() => { window.benchCounting = false; return window.benchFrames; })()`;

/** Clusters of words so the picture, and what ECharts draws, looks like a trained embedding's. */
function seed(run: Run, rows: number): void {
  const random = seededRandom(rows);
  const words = Array.from({ length: rows }, (_, r) => `w${r}`);
  run.logVocabulary({
    words,
    counts: words.map((_, r) => rows - r),
    positiveDocs: words.map((_, r) => (r % 3) * 50),
    negativeDocs: words.map((_, r) => ((r + 1) % 3) * 50),
    positiveReviews: 12_500,
    negativeReviews: 12_500,
  });
  const matrix = new Float32Array(rows * DIM);
  for (let r = 0; r < rows; r++) {
    const cluster = r % 12;
    for (let c = 0; c < DIM; c++) matrix[r * DIM + c] = (c === cluster % DIM ? 3 : 0) + (random() - 0.5);
  }
  run.logEmbedding('embedding', matrix, rows, DIM, 1, 1);
}

/** Zooms in and out around the middle and drags the view about for `seconds`, counting frames. */
async function measure(page: Page): Promise<{ fps: number; p95FrameMs: number; maxFrameMs: number }> {
  const box = (await page.getByTestId('projector-canvas').boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.evaluate(COUNT_FRAMES);
  const started = Date.now();
  let i = 0;
  while (Date.now() - started < seconds * 1000) {
    const phase = i++ % 24;
    if (phase < 6) await page.mouse.wheel(0, -120);
    else if (phase < 12) {
      await page.mouse.down();
      await page.mouse.move(cx + 40 * Math.cos(phase), cy + 40 * Math.sin(phase), { steps: 4 });
      await page.mouse.up();
    } else if (phase < 18) await page.mouse.wheel(0, 120);
    else await page.mouse.move(cx + 10 * phase, cy - 5 * phase, { steps: 2 });
  }
  const frames = (await page.evaluate(STOP_FRAMES)) as number[];
  const gaps = frames.slice(1).map((t, k) => t - frames[k]).sort((a, b) => a - b);
  const span = (frames[frames.length - 1] - frames[0]) / 1000;
  return {
    fps: +((frames.length - 1) / span).toFixed(1),
    p95FrameMs: +gaps[Math.floor(gaps.length * 0.95)].toFixed(1),
    maxFrameMs: +gaps[gaps.length - 1].toFixed(1),
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) throw new Error('no production build: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-frames-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dbPath: join(dir, 'bench.db'), dev: false, dir: root, log: () => undefined });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const result: Record<string, unknown> = { load: loadavg().map((l) => +l.toFixed(2)) };
  try {
    for (const rows of sizes) {
      const run = new Run({ server: server.url, name: `frames-${rows}` });
      seed(run, rows);
      if (!(await run.drained(120_000))) throw new Error('the server did not take the snapshot');
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const opened = Date.now();
      await page.goto(`${server.url}/runs/${run.id}/projector`);
      await page.locator(`[data-testid="projector-canvas"][data-drawn="${rows}"]`).waitFor({ timeout: 120_000 });
      const firstDrawMs = Date.now() - opened;
      const figures = { rows, firstDrawMs, ...(await measure(page)) };
      console.log(JSON.stringify(figures));
      const key = rows >= 1000 ? `${Math.round(rows / 1000)}k` : String(rows);
      result[`fps_${key}`] = figures.fps;
      result[`p95_frame_ms_${key}`] = figures.p95FrameMs;
      result[`first_draw_ms_${key}`] = firstDrawMs;
      await page.close();
      run.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  result.loadAfter = loadavg().map((l) => +l.toFixed(2));
  console.log(JSON.stringify(result));
}

void main();
