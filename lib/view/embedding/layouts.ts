import type { Progress, ProjectionEvent, ProjectionMethod, ProjectionStatus, UmapParams } from '../../kinds/embedding/meta';
import type { ProjectionResponse } from '../../kinds/embedding/read-projection';
import type { WordTable } from '../../kinds/embedding/reader';

/** One 2-D layout the page asked for: which snapshot, by which method (PCA has no parameters). */
export interface LayoutRequest {
  tag: string;
  step: number;
  method: ProjectionMethod;
  params: UmapParams;
}

export interface LayoutEntry {
  /** 'loading' until the first answer. */
  status: ProjectionStatus | 'loading';
  progress: Progress | null;
  error: string | null;
  points: { x: number[]; y: number[] } | null;
}

export interface Layouts {
  entries: Readonly<Record<string, LayoutEntry>>;
  /** Words, counts and log-odds are the vocabulary's, the same for every snapshot of a tag. */
  labels: Readonly<Record<string, WordTable>>;
}

export type LayoutAction =
  | { type: 'requested'; key: string }
  | { type: 'answered'; key: string; projection: ProjectionResponse }
  | { type: 'pushed'; event: ProjectionEvent }
  | { type: 'fetchFailed'; key: string; message: string }
  /**
   * After a reconnect pushes may have been missed, and after new UMAP parameters the server drops
   * the superseded job without a push: every layout still pending is asked for again.
   */
  | { type: 'stale' };

export const NO_LAYOUTS: Layouts = { entries: {}, labels: {} };

export function layoutKey({ tag, step, method, params }: LayoutRequest): string {
  return method === 'pca' ? `${tag}\n${step}\npca` : `${tag}\n${step}\numap\n${params.neighbors}\n${params.minDist}`;
}

/** A layout is fetched when never asked for, or when a push said it is ready but its points are not here yet. */
export function needsFetch(entry: LayoutEntry | undefined): boolean {
  return !entry || (entry.status === 'ready' && !entry.points);
}

function settled(entry: LayoutEntry | undefined): boolean {
  return !!entry && entry.status === 'ready';
}

/**
 * Every answer repeats the vocabulary; keeping the held copy while it is unchanged spares the
 * plot a redraw. A vocabulary logged after the first snapshot replaces the `#i` placeholders.
 */
function sameTable(known: WordTable | undefined, next: WordTable): boolean {
  return (
    !!known &&
    known.words.length === next.words.length &&
    !!known.logOdds === !!next.logOdds &&
    known.words.every((w, i) => w === next.words[i]) &&
    known.counts.every((c, i) => c === next.counts[i])
  );
}

export function layoutsReducer(state: Layouts, action: LayoutAction): Layouts {
  const { entries } = state;
  switch (action.type) {
    case 'requested':
      if (entries[action.key]) return state;
      return { ...state, entries: { ...entries, [action.key]: { status: 'loading', progress: null, error: null, points: null } } };
    case 'answered': {
      const { projection: p, key } = action;
      // A push may have said "ready" while this 202 was on its way; a stale answer must not undo that.
      if (settled(entries[key]) && p.status !== 'ready') return state;
      const entry: LayoutEntry = { status: p.status, progress: p.progress, error: p.error, points: p.points };
      const labels = sameTable(state.labels[p.tag], p)
        ? state.labels
        : { ...state.labels, [p.tag]: { words: p.words, counts: p.counts, logOdds: p.logOdds } };
      return { entries: { ...entries, [key]: entry }, labels };
    }
    case 'pushed': {
      const { event } = action;
      const key = layoutKey({ ...event, method: 'umap' });
      const entry = entries[key];
      // Jobs other dashboards asked for are none of this page's business; a finished layout stays finished.
      if (!entry || entry.points) return state;
      const next: LayoutEntry = { ...entry, status: event.status, progress: event.progress ?? entry.progress, error: event.error };
      return { ...state, entries: { ...entries, [key]: next } };
    }
    case 'fetchFailed':
      return {
        ...state,
        entries: { ...entries, [action.key]: { status: 'failed', progress: null, error: action.message, points: null } },
      };
    case 'stale': {
      const kept = Object.entries(entries).filter(([, e]) => e.points);
      return kept.length === Object.keys(entries).length ? state : { ...state, entries: Object.fromEntries(kept) };
    }
  }
}

export interface ShownLayout {
  /** Which method's points are on screen, or null while there are none yet. */
  method: ProjectionMethod | null;
  points: { x: number[]; y: number[] } | null;
  /** What the page says about UMAP while PCA stands in for it; null once UMAP is shown. */
  note: string | null;
  failed: boolean;
}

/** UMAP once it is ready; until then PCA, which is instant, with a word on how UMAP is doing. */
export function shownLayout(pca: LayoutEntry | undefined, umap: LayoutEntry | undefined): ShownLayout {
  if (umap?.points) return { method: 'umap', points: umap.points, note: null, failed: false };
  const points = pca?.points ?? null;
  return { method: points ? 'pca' : null, points, note: umapNote(umap), failed: umap?.status === 'failed' };
}

export function umapNote(umap: LayoutEntry | undefined): string {
  if (!umap || umap.status === 'loading') return 'Asking for UMAP…';
  if (umap.status === 'failed') return `UMAP failed: ${umap.error ?? 'unknown error'}`;
  if (umap.status === 'ready') return 'UMAP ready, loading it…';
  if (umap.progress && umap.progress.total > 0) return `UMAP ${umap.progress.done}/${umap.progress.total} epochs…`;
  return umap.status === 'queued' ? 'UMAP queued…' : 'UMAP starting…';
}
