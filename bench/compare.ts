/**
 * The compare page at scale, in Chromium: 50 runs × 4 tags × 100,000 points (bench/generate-compare-
 * data.ts) opened together, and the run list with 1,000 runs. Prints figures, asserts nothing; the
 * last line is JSON.
 *
 *   npm run bench:compare -- [--db FILE] [--changes 40] [--only list]
 *
 * `--only list` skips the compare page and times the run list alone (its figures are null then).
 * Needs a production build (`npx next build`). Without --db the data is generated into a temp
 * folder (a minute or two); with --db an existing file is reused, a missing one written there.
 *
 * - first_draw_ms: from navigation start to the first frame in which every chart shows a line for
 *   all 50 runs; first_draw_committed_ms: the start of the next frame, by when that one is committed.
 * - smoothing_ready_ms: until every chart smooths the finer read (SMOOTHING_POINTS per series).
 * - smoothing_p95_ms: from a smoothing-slider change to every chart redrawn, 95th percentile.
 * - run_list_ms: the list of 1,000 runs ready, as a user sees it: the first screen of rows drawn,
 *   the count of 1,000 shown and the list placed in the browser (hydrated, as tall as 1,000 rows,
 *   so it scrolls). In a list that long only the rows on screen are in the page (use-row-window.ts),
 *   so this no longer waits for every row in the DOM as it did before that window.
 * - scroll_end_ms: from a jump to the page's end until the last run's row is there.
 * - filter_ms: typing a filter, key by key, until the list shows its result.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { createApp } from '../lib/app-context';
import { parseRunFilter } from '../lib/compare/run-filter';
import type { WireRunSummary } from '../lib/kinds/scalar/run-summary';
import { filterRuns } from '../lib/view/run/run-filters';
import { startServer } from '../server/start-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { generateCompareData } from './generate-compare-data';

const root = resolve(__dirname, '..');
const LIST_RUNS = 1_000;
const CHART_TAGS = 4;

const { values } = parseArgs({ options: { db: { type: 'string' }, changes: { type: 'string', default: '40' }, only: { type: 'string' } } });
if (values.only !== undefined && values.only !== 'list') throw new Error(`--only takes "list", not "${values.only}"`);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Small runs beside the sweep, so that the run list holds 1,000. */
function addListRuns(path: string, count: number): void {
  const { store, tables } = createApp(path);
  store.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = `list-${String(i).padStart(4, '0')}`;
      store.upsertRun({ id, name: `list run ${i}`, model: i % 2 ? 'mlp' : 'imdb-conv1d', backend: 'bench', config: { lr: 10 ** -(1 + (i % 4)), seed: i }, startedAt: Date.UTC(2024, 0, 1) + i * 60_000 });
      tables.scalar.write(id, [{ tag: 'epoch/loss', steps: [0, 1], wallTimes: [0, 1], values: [1, 0.5 + (i % 10) / 100] }]);
      store.setRunStatus(id, i % 7 === 0 ? 'failed' : 'finished', null, 2);
    }
  });
  store.close();
}

/**
 * Watches a compare page from its first frame, in the page: at the start of each frame (rAF) it
 * notes when every chart first shows lines for all the runs in the address, the next frame's start
 * (by then that frame is committed), and when every chart is also ready to smooth. Polling from
 * Playwright instead began only once `goto` returned and the page's main thread took the call: its
 * first look came one to three frames (up to 500 ms) after the charts were drawn.
 */
const WATCH_CHARTS = `(() => {
  if (location.pathname !== '/compare') return;
  const runs = (new URLSearchParams(location.search).get('runs') ?? '').split(',').filter(Boolean).length;
  const times = (window.__compareTimes = {});
  const check = () => {
    const charts = [...document.querySelectorAll('.compare-chart')];
    const drawn = charts.length === ${CHART_TAGS} && charts.every((c) => (c.dataset.runs ?? '').split(' ').filter(Boolean).length === runs);
    const now = performance.now();
    if (times.drawn !== undefined && times.painted === undefined) times.painted = now;
    if (drawn && times.drawn === undefined) times.drawn = now;
    if (drawn && times.ready === undefined && charts.every((c) => c.dataset.ready === 'true')) times.ready = now;
    if (times.ready === undefined || times.painted === undefined) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

interface ChartTimes {
  drawn: number;
  painted: number;
  ready: number;
}

/** The watcher's times (ms since navigation start) once every chart is ready. */
async function chartTimes(page: Page): Promise<ChartTimes> {
  const handle = await page.waitForFunction(() => {
    const times = (window as unknown as { __compareTimes?: Partial<ChartTimes> }).__compareTimes;
    return times?.ready !== undefined && times.painted !== undefined ? times : false;
  }, undefined, { polling: 'raf', timeout: 600_000 });
  return (await handle.jsonValue()) as ChartTimes;
}

/**
 * Runs in the page: moves the slider and times until every chart has drawn again. A string, not a
 * function: tsx would add its own helpers to a function's source, and they do not exist there.
 */
const SLIDER_CHANGE = `(value) => new Promise((done) => {
  const charts = [...document.querySelectorAll('.compare-chart')];
  const before = charts.map((c) => c.dataset.draws);
  const slider = document.querySelector('[data-smoothing-amount]');
  const start = performance.now();
  const check = () => {
    if (charts.every((c, i) => c.dataset.draws !== before[i])) done(performance.now() - start);
    else requestAnimationFrame(check);
  };
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(slider, String(value));
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  check();
})`;

/** Opens the compare page with every sweep run and moves the smoothing slider `--changes` times. */
async function timeCompare(page: Page, url: string): Promise<{ firstDraw: number; painted: number; ready: number; times: number[] }> {
  await page.goto(url);
  const { drawn: firstDraw, painted, ready } = await chartTimes(page);
  const times: number[] = [];
  const changes = Number(values.changes);
  for (let i = 0; i < changes; i++) {
    times.push((await page.evaluate(`(${SLIDER_CHANGE})(${(0.5 + (0.45 * ((i * 7) % changes)) / changes).toFixed(3)})`)) as number);
    // Apart, as a hand on a slider moves, so each change is drawn on its own.
    await page.waitForTimeout(150);
  }
  times.sort((a, b) => a - b);
  return { firstDraw, painted, ready, times };
}

const FILTER_TEXT = 'lr<0.005 status=finished';

/**
 * Opens the run list, times until its first screen is ready, then a scroll to its end, then types a
 * filter. The navigation's phases say where the time goes: the server's response, the HTML parser,
 * then scripts and hydration.
 */
async function timeRunList(page: Page, url: string) {
  await page.goto(`${url}/`);
  const ready = await page.waitForFunction(
    (n) => {
      const body = document.querySelector('tbody[data-rows-placed]');
      const full = document.querySelector('[data-shown-runs]')?.getAttribute('data-shown-runs') === String(n);
      const screen = Math.min(n, Math.floor(window.innerHeight / 80));
      return body && full && body.querySelectorAll('tr[data-run-id]').length >= screen && body.getBoundingClientRect().height > n * 40 ? performance.now() : false;
    },
    LIST_RUNS,
    { polling: 'raf', timeout: 120_000 },
  );
  const runListMs = (await ready.jsonValue()) as number;
  await page.waitForLoadState('load');
  const phases = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
  const scrollEndMs = (await page.evaluate(`new Promise((done) => {
    const start = performance.now();
    window.scrollTo(0, document.documentElement.scrollHeight);
    const check = () => {
      const rows = document.querySelectorAll('tr[data-run-id]');
      if (rows.length && rows[rows.length - 1].getBoundingClientRect().top < window.innerHeight && document.querySelector('tbody').style.paddingBottom === '0px') done(performance.now() - start);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`)) as number;
  await page.evaluate(() => window.scrollTo(0, 0));
  const all = (await (await fetch(`${url}/api/runs`)).json()) as WireRunSummary[];
  const shown = filterRuns(all, { filter: parseRunFilter(FILTER_TEXT), status: 'all', showArchived: false }).length;
  const box = page.getByLabel('Filter runs');
  await box.click();
  const typed = Date.now();
  // Key by key, as a user types; the list re-filters behind each key until it shows the answer.
  await page.keyboard.type(FILTER_TEXT);
  await page.waitForFunction((n) => document.querySelector('[data-shown-runs]')?.getAttribute('data-shown-runs') === String(n), shown, { timeout: 120_000 });
  return { runListMs, phases, scrollEndMs, shown, filterMs: Date.now() - typed };
}

async function main(): Promise<void> {
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) throw new Error('no production build: run `npx next build` first');
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-compare-bench-'));
  const dbPath = values.db ?? join(dir, 'compare.db');
  try {
    if (existsSync(dbPath)) console.log(`reusing ${dbPath}`);
    else {
      const data = generateCompareData(dbPath);
      console.log(`generated ${data.points.toLocaleString('en')} points in ${((data.generateMs + data.storeMs) / 1000).toFixed(1)} s`);
    }
    const app = createApp(dbPath);
    const listed = app.store.listRuns();
    app.store.close();
    const runIds = listed.filter((r) => r.id.startsWith('bench-')).map((r) => r.id).sort();
    // Writing them again changes nothing, so a reused file gets the ones it lacks.
    if (listed.length < LIST_RUNS) addListRuns(dbPath, LIST_RUNS - runIds.length);
    const server = await startServer({ port: 0, host: '127.0.0.1', dbPath, dev: false, dir: root, log: () => undefined });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      await page.addInitScript(WATCH_CHARTS);
      // Warm the server's route code and SQLite's cache once, as a dashboard in use would be.
      await page.goto(`${server.url}/compare?runs=${runIds.slice(0, 2).join(',')}`);
      await chartTimes(page);

      const chart = values.only === 'list' ? null : await timeCompare(page, `${server.url}/compare?runs=${runIds.join(',')}`);
      const list = await timeRunList(page, server.url);
      const load = readFileSync('/proc/loadavg', 'utf8').trim();
      if (chart) {
        const { firstDraw, painted, ready, times } = chart;
        console.log(`${runIds.length} runs × ${CHART_TAGS} tags: first draw ${firstDraw.toFixed(0)} ms (its frame committed by ${painted.toFixed(0)} ms), smoothing input loaded ${ready.toFixed(0)} ms after navigation`);
        console.log(`smoothing slider → redraw: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (${times.length} changes)`);
      }
      const { phases } = list;
      console.log(`run list: ${LIST_RUNS} runs rendered ${list.runListMs.toFixed(0)} ms after navigation (response ends ${phases.responseEnd.toFixed(0)} ms, DOMContentLoaded ${phases.domContentLoaded.toFixed(0)} ms, load ${phases.load.toFixed(0)} ms); to its end by a scroll ${list.scrollEndMs.toFixed(0)} ms; typing "${FILTER_TEXT}" to ${list.shown} runs shown: ${list.filterMs} ms`);
      console.log(`load average: ${load} (a shared machine: figures vary with it)`);
      const round1 = (ms: number | null) => (ms === null ? null : Number(ms.toFixed(1)));
      console.log(
        JSON.stringify({
          first_draw_ms: chart && Math.round(chart.firstDraw),
          first_draw_committed_ms: chart && Math.round(chart.painted),
          smoothing_ready_ms: chart && Math.round(chart.ready),
          smoothing_p50_ms: round1(chart && percentile(chart.times, 50)),
          smoothing_p95_ms: round1(chart && percentile(chart.times, 95)),
          run_list_ms: Math.round(list.runListMs),
          scroll_end_ms: Math.round(list.scrollEndMs),
          filter_ms: list.filterMs,
          loadavg: load,
        }),
      );
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
