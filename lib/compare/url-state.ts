import { RUN_ID_PATTERN } from '../protocol/run-id-pattern';
import { type ChartZooms, readChartZooms, writeChartZooms } from './chart-zooms';
import { type ColumnChoiceState, readColumnChoice, writeColumnChoice } from './column-choice';
import { isRunColor } from './run-colors';
import { readTableSort, type TableSort, writeTableSort } from './table-sort';
import { DEFAULT_SMOOTHING, DEFAULT_SMOOTHING_AMOUNT, Smoothing, SMOOTHING_METHODS, SmoothingMethod, smoothingAmount, withSmoothingAmount } from './smoothing/smoothing';

/**
 * The compare view's state in the address, so that a copied link opens the same view and
 * back/forward step through changes:
 *
 *   runs=a,b,c  tags=<tag filter>  smoothing=ema:0.6 | average:25 | gaussian:10  x=step|relative|wall
 *   log=1  ignore_outliers=1  group=lr,optimizer.name  band=std  hidden=b  colors=a:2f6fed,c:d6357f
 *   view=hparams
 *   zoom=batch/loss:1200:5400 (chart-zooms.ts)  columns=status,model|all|last,best|epoch/acc (column-choice.ts)
 *   sort=-metric:best:epoch/acc (table-sort.ts)
 *
 * - Only what differs from the defaults is written, in this order, so links stay short and the
 *   same view always gives the same address.
 * - Reading never throws: each parameter that does not parse falls back to its default, each bad
 *   entry of a list is dropped on its own, and an out-of-range smoothing amount is clamped.
 * - Hidden runs and colour overrides are kept only for runs in `runs`; lists lose repeats.
 */
export const X_AXES = ['step', 'relative', 'wall'] as const;
export type XAxis = (typeof X_AXES)[number];

/** What a group draws around its mean: the runs' min to max, or one standard deviation either side. */
export const GROUP_BANDS = ['minmax', 'std'] as const;
export type GroupBand = (typeof GROUP_BANDS)[number];

/** The charts of every tag, or the HParams view (each run's config as its hyperparameters). */
export const COMPARE_VIEWS = ['charts', 'hparams'] as const;
export type CompareView = (typeof COMPARE_VIEWS)[number];

export interface CompareState {
  runs: string[];
  tagFilter: string;
  smoothing: Smoothing;
  xAxis: XAxis;
  logScale: boolean;
  ignoreOutliers: boolean;
  /** Config paths to group runs by; empty for no grouping. */
  groupBy: string[];
  band: GroupBand;
  hidden: string[];
  /** Run id → `#rrggbb`. */
  colors: Record<string, string>;
  view: CompareView;
  /** Tag → the x range its chart is zoomed to; a chart not here shows its whole range. */
  zooms: ChartZooms;
  /** The run table's columns, or null for its defaults. */
  columns: ColumnChoiceState | null;
  /** The run table's sort, or null for the runs in address order. */
  sort: TableSort | null;
}

export const DEFAULT_COMPARE_STATE: CompareState = {
  runs: [],
  tagFilter: '',
  smoothing: DEFAULT_SMOOTHING,
  xAxis: 'step',
  logScale: false,
  ignoreOutliers: false,
  groupBy: [],
  band: 'minmax',
  hidden: [],
  colors: {},
  view: 'charts',
  zooms: {},
  columns: null,
  sort: null,
};

/** Longer text than this in the address is cut: a tag filter or a config path is never this long. */
const MAX_TEXT = 1_000;

function list(value: string | null, keep: (entry: string) => boolean): string[] {
  const entries = (value ?? '').split(',').map((e) => e.trim());
  return [...new Set(entries.filter((e) => e !== '' && e.length <= MAX_TEXT && keep(e)))];
}

function flag(value: string | null): boolean {
  return value !== null && ['1', 'true', 'on', 'yes'].includes(value.toLowerCase());
}

function readSmoothing(value: string | null): Smoothing {
  if (value === null) return DEFAULT_SMOOTHING;
  const [method, amount, ...rest] = value.split(':');
  if (!SMOOTHING_METHODS.includes(method as SmoothingMethod) || rest.length > 0) return DEFAULT_SMOOTHING;
  const m = method as SmoothingMethod;
  if (amount === undefined || amount.trim() === '') return withSmoothingAmount(m, DEFAULT_SMOOTHING_AMOUNT[m]);
  const n = Number(amount);
  return Number.isFinite(n) ? withSmoothingAmount(m, n) : DEFAULT_SMOOTHING;
}

function readColors(value: string | null, runs: readonly string[]): Record<string, string> {
  const colors: Record<string, string> = {};
  for (const entry of list(value, () => true)) {
    const [id, hex, ...rest] = entry.split(':');
    if (rest.length === 0 && runs.includes(id) && isRunColor(`#${hex}`)) colors[id] = `#${hex.toLowerCase()}`;
  }
  return colors;
}

export function readCompareState(search: URLSearchParams | string): CompareState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const runs = list(params.get('runs'), (id) => RUN_ID_PATTERN.test(id));
  const x = params.get('x');
  const band = params.get('band');
  const view = params.get('view');
  return {
    runs,
    tagFilter: (params.get('tags') ?? '').slice(0, MAX_TEXT),
    smoothing: readSmoothing(params.get('smoothing')),
    xAxis: X_AXES.includes(x as XAxis) ? (x as XAxis) : DEFAULT_COMPARE_STATE.xAxis,
    logScale: flag(params.get('log')),
    ignoreOutliers: flag(params.get('ignore_outliers')),
    groupBy: list(params.get('group'), () => true),
    band: GROUP_BANDS.includes(band as GroupBand) ? (band as GroupBand) : DEFAULT_COMPARE_STATE.band,
    hidden: list(params.get('hidden'), (id) => runs.includes(id)),
    colors: readColors(params.get('colors'), runs),
    view: COMPARE_VIEWS.includes(view as CompareView) ? (view as CompareView) : DEFAULT_COMPARE_STATE.view,
    zooms: readChartZooms(params.get('zoom')),
    columns: readColumnChoice(params.get('columns')),
    sort: readTableSort(params.get('sort')),
  };
}

function sameSmoothing(a: Smoothing, b: Smoothing): boolean {
  return a.method === b.method && smoothingAmount(a) === smoothingAmount(b);
}

export function writeCompareState(state: CompareState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.runs.length > 0) params.set('runs', state.runs.join(','));
  if (state.tagFilter !== '') params.set('tags', state.tagFilter);
  if (!sameSmoothing(state.smoothing, DEFAULT_SMOOTHING)) params.set('smoothing', `${state.smoothing.method}:${smoothingAmount(state.smoothing)}`);
  if (state.xAxis !== DEFAULT_COMPARE_STATE.xAxis) params.set('x', state.xAxis);
  if (state.logScale) params.set('log', '1');
  if (state.ignoreOutliers) params.set('ignore_outliers', '1');
  if (state.groupBy.length > 0) params.set('group', state.groupBy.join(','));
  if (state.band !== DEFAULT_COMPARE_STATE.band) params.set('band', state.band);
  if (state.hidden.length > 0) params.set('hidden', state.hidden.join(','));
  const colors = Object.entries(state.colors);
  if (colors.length > 0) params.set('colors', colors.map(([id, hex]) => `${id}:${hex.replace(/^#/, '')}`).join(','));
  if (state.view !== DEFAULT_COMPARE_STATE.view) params.set('view', state.view);
  if (Object.keys(state.zooms).length > 0) params.set('zoom', writeChartZooms(state.zooms));
  if (state.columns) params.set('columns', writeColumnChoice(state.columns));
  if (state.sort) params.set('sort', writeTableSort(state.sort));
  return params;
}
