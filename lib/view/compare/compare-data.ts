import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import type { ScalarSeriesResponse } from '../../kinds/scalar/reader';
import { decodeNumber } from '../../protocol/wire-number';
import { seriesApiUrl } from '../scalar/api-paths';
import { fromHttpPoints } from '../scalar/load-series';
import { SeriesStore } from '../scalar/series-store';
import { afterNextPaint } from '../shared/after-paint';
import { fetchJson } from '../shared/fetch-json';
import { openLiveSocket } from '../shared/live-socket';
import { subscribeRunPushes } from '../shared/use-run-pushes';
import { type LoadTarget, loadLiveRun, loadRunsTogether, PRIORITY } from './load-compare-run';
import { RequestQueue } from './request-queue';
import { MAX_HELD_POINTS, MAX_REQUESTS, ZOOM_READ_POINTS } from './resolution';

interface HeldRun {
  store: SeriesStore;
  close: () => void;
}

/**
 * What the compare page shows of its runs: each run's summary, kept current by the run list's live
 * topic (status, renames, deletion), and each run's series in a SeriesStore, the run page's own
 * store, loaded in two passes (see loadRunsTogether). Runs still training also get their points
 * pushed, through the run channel every page shares, and read their series again once that is in
 * place. Lives outside React state: a point costs a chart update, not a render.
 */
export class CompareData {
  private readonly runs = new Map<string, HeldRun>();
  private readonly summaries = new Map<string, WireRunSummary>();
  private readonly smoothingReady = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly queue = new RequestQueue(MAX_REQUESTS);
  private readonly zooms = new Map<string, AbortController>();
  /** Runs opened in the same turn, read together a tag at a time. */
  private batch: LoadTarget[] = [];
  private readonly batchLoads = new Set<AbortController>();
  private closeRunList: (() => void) | null = null;
  private wanted: readonly string[] = [];
  private initialTags: Readonly<Record<string, readonly string[]>>;
  private version = 0;
  private errorText: string | null = null;
  /** Waiting for the first read of the runs the page opened with to be stored and painted; null once it is. */
  private firstDrawListeners: Set<() => void> | null = new Set();

  /** `initial`: the runs the server rendered, with their tags, so charts are laid out before any fetch. */
  constructor(initial: readonly WireRunSummary[], initialTags: Readonly<Record<string, readonly string[]>>, private readonly onDeleted: (runId: string) => void) {
    for (const run of initial) this.summaries.set(run.id, run);
    this.initialTags = initialTags;
  }

  /** Starts listening to the run list: every run's summary, renames, status and deletions. */
  start(): void {
    this.closeRunList ??= openLiveSocket({
      request: { type: 'subscribe', topic: 'runs' },
      onStatus: () => undefined,
      onEvent: (event) => {
        if (event.type === 'runs') {
          const held = this.wantedSummaries();
          this.summaries.clear();
          for (const run of event.runs) this.summaries.set(run.id, run);
          // Deleted while this page was not listening.
          for (const id of this.runs.keys()) if (!this.summaries.has(id)) this.onDeleted(id);
          // The list comes once the page is up, most often saying what the server render did: a
          // render of the whole page for nothing new would hold up the charts' first draw.
          if (this.wantedSummaries() !== held) this.sync();
        } else if (event.type === 'run') {
          this.summaries.set(event.run.id, event.run);
          if (this.wanted.includes(event.run.id)) this.sync();
        } else if (event.type === 'run.deleted') {
          this.summaries.delete(event.runId);
          if (this.wanted.includes(event.runId)) this.onDeleted(event.runId);
        }
      },
    });
    this.sync();
  }

  /** The shown runs' summaries as one string, to tell whether a pushed run list changed any. */
  private wantedSummaries(): string {
    return this.wanted.map((id) => JSON.stringify(this.summaries.get(id) ?? null)).join('\n');
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever a summary or a run's list of tags does; points reach charts through the stores. */
  readonly snapshot = (): number => this.version;

  summary(runId: string): WireRunSummary | undefined {
    return this.summaries.get(runId);
  }

  store(runId: string): SeriesStore | undefined {
    return this.runs.get(runId)?.store;
  }

  /** The run's scalar tags: those its store holds, or those the server rendered before it opened. */
  tags(runId: string): readonly string[] {
    return this.store(runId)?.tags() ?? this.initialTags[runId] ?? [];
  }

  /**
   * Calls `listener` once the charts have drawn the first read of the runs the page opened with
   * (stored or failed) and the browser has painted it; at once if that happened. Returns the unsubscribe.
   */
  afterFirstDraw(listener: () => void): () => void {
    const waiting = this.firstDrawListeners;
    if (!waiting) {
      listener();
      return () => undefined;
    }
    waiting.add(listener);
    return () => waiting.delete(listener);
  }

  /** True once the tag holds what smoothing is meant to work on, not just the first coarse read. */
  isSmoothingReady(runId: string, tag: string): boolean {
    return this.smoothingReady.has(`${runId}\n${tag}`);
  }

  get error(): string | null {
    return this.errorText;
  }

  /** Holds exactly these runs (those known to exist): new ones start loading, dropped ones stop listening. */
  setRuns(runIds: readonly string[]): void {
    this.wanted = runIds;
    this.sync();
  }

  private sync(): void {
    const wanted = new Set(this.closeRunList ? this.wanted.filter((id) => this.summaries.has(id)) : []);
    for (const [id, held] of this.runs) {
      if (wanted.has(id)) continue;
      held.close();
      this.runs.delete(id);
    }
    for (const id of wanted) if (!this.runs.has(id)) this.runs.set(id, this.open(id, this.initialTags[id] ?? []));
    this.emit();
  }

  private failed(signal: AbortSignal, what: string, e: Error): void {
    if (signal.aborted) return;
    this.errorText = `${what}: ${e.message}`;
    this.emit();
  }

  private open(runId: string, tags: readonly string[]): HeldRun {
    const store = new SeriesStore(tags, MAX_HELD_POINTS);
    const live = this.summaries.get(runId)?.status === 'running';
    const target: LoadTarget = { runId, store, onSmoothingReady: (tag) => this.smoothingReady.add(`${runId}\n${tag}`), liveLoaded: live ? new Set() : undefined };
    let known = store.tags();
    store.subscribe(() => {
      if (store.tags() === known) return;
      known = store.tags();
      this.emit();
    });
    if (this.batch.length === 0) queueMicrotask(() => this.loadBatch());
    this.batch.push(target);
    if (!live) return { store, close: () => undefined };
    // A live run reads again once the subscription is in place, so no point falls between the two.
    const close = subscribeRunPushes(runId, (event, resync) => {
      if (resync) loadLiveRun(target, this.queue, resync).catch((e: Error) => this.failed(resync, this.summaries.get(runId)?.name ?? runId, e));
      if (event.type === 'scalars') store.add(event.points.map(([tag, step, wallTime, value]) => [tag, [step, wallTime, decodeNumber(value)]]));
    });
    return { store, close };
  }

  private loadBatch(): void {
    const batch = this.batch;
    // Closed before this turn came.
    if (batch.length === 0) return;
    this.batch = [];
    const controller = new AbortController();
    this.batchLoads.add(controller);
    let firstReadDone = () => {};
    const firstRead = new Promise<void>((resolve) => (firstReadDone = resolve));
    for (const target of batch) target.firstRead = firstRead;
    // The finer reads wait for the charts' first draw to be painted. Started in the task that drew
    // it, their work on the server took the CPU the browser paints with: on two cores that paint
    // came up to 400 ms later.
    let paint: Promise<void> | undefined;
    const painted = () => {
      if (!controller.signal.aborted) paint ??= afterNextPaint().then(() => this.firstDrawn());
      return paint;
    };
    const stored = () => {
      firstReadDone();
      return painted();
    };
    loadRunsTogether(batch, this.initialTags, this.queue, controller.signal, stored)
      .catch((e: Error) => {
        this.failed(controller.signal, 'stored series', e);
        return painted();
      })
      .finally(() => {
        firstReadDone();
        this.batchLoads.delete(controller);
      });
  }

  private firstDrawn(): void {
    const waiting = this.firstDrawListeners;
    this.firstDrawListeners = null;
    for (const listener of waiting ?? []) listener();
  }

  /**
   * A zoomed chart reads its range again, finer, for each run, replacing the points held there;
   * a newer zoom of the same tag cancels the reads of the last one.
   */
  refine(tag: string, ranges: ReadonlyMap<string, readonly [from: number, to: number]>): void {
    this.zooms.get(tag)?.abort();
    const controller = new AbortController();
    this.zooms.set(tag, controller);
    for (const [runId, range] of ranges) {
      const store = this.store(runId);
      if (!store) continue;
      this.queue
        .run(PRIORITY.zoom, () => fetchJson<ScalarSeriesResponse>(seriesApiUrl(runId, tag, ZOOM_READ_POINTS, range), controller.signal))
        .then((series) => {
          if (!controller.signal.aborted) store.replaceRange(tag, range[0], range[1], fromHttpPoints(series.points));
        })
        .catch(() => undefined);
    }
  }

  /** Stops every subscription and fetch; start() picks up again (React may mount a page twice). */
  close(): void {
    this.closeRunList?.();
    this.closeRunList = null;
    for (const held of this.runs.values()) held.close();
    for (const load of [...this.zooms.values(), ...this.batchLoads]) load.abort();
    this.runs.clear();
    this.zooms.clear();
    this.batchLoads.clear();
    this.batch = [];
  }

  private emit(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
