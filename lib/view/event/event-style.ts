import { CHECKPOINT_EVENT, CRASHED_EVENT, EARLY_STOPPING_EVENT, REDUCE_LR_EVENT, RESUMED_EVENT } from '../../kinds/event/meta';

/** How one kind of event is drawn: an ECharts symbol on the charts, a label in the list, and a colour slot. */
export interface EventStyle {
  symbol: string;
  symbolRotate: number;
  label: string;
  /** Which theme colour: a series slot of the palette (0-based), or the "bad" colour. */
  color: number | 'bad';
}

const BUILT_IN: Record<string, EventStyle> = {
  [CHECKPOINT_EVENT]: { symbol: 'roundRect', symbolRotate: 0, label: 'checkpoint', color: 2 },
  // Points down: the rate went down.
  [REDUCE_LR_EVENT]: { symbol: 'triangle', symbolRotate: 180, label: 'learning rate', color: 3 },
  [EARLY_STOPPING_EVENT]: { symbol: 'rect', symbolRotate: 45, label: 'early stop', color: 'bad' },
  [CRASHED_EVENT]: { symbol: 'circle', symbolRotate: 0, label: 'crashed', color: 'bad' },
  [RESUMED_EVENT]: { symbol: 'circle', symbolRotate: 0, label: 'resumed', color: 0 },
};

/** Own keys only: a user kind may be "constructor" or "__proto__", which `in` and indexing find on every object. */
function isBuiltIn(kind: string): boolean {
  return Object.hasOwn(BUILT_IN, kind);
}

/** A user callback's own kind: one shared look, named by its kind. */
export function eventStyle(kind: string): EventStyle {
  return isBuiltIn(kind) ? BUILT_IN[kind] : { symbol: 'pin', symbolRotate: 0, label: kind, color: 4 };
}

/** Class name for the list's icon; user kinds share one class, since a kind may hold any letters. */
export function eventClass(kind: string): string {
  return isBuiltIn(kind) ? `event-kind-${kind}` : 'event-kind-user';
}
