import { decodeNumber, WireNumber } from '../protocol/wire-number';
import { configValue, formatConfigValue } from './config-values';
import { FilterError, FilterTerm, parseFilterNumber, parseFilterTerms } from './run-filter-syntax';

/**
 * The run list's filter box (grammar in run-filter-syntax.ts), parsed once into a predicate.
 *
 * - Free text and regexes look at the run's name, model, tags and note, each on its own (so `^`
 *   anchors at the start of a name), never at its id.
 * - A comparison's key is looked up, first hit wins: a run field (id, name, model, backend, status,
 *   note, and tag or tags: equal when any tag is); the config at that dotted path, also reachable as
 *   `config.<path>` where a run field shadows it; the last value of a metric, by its tag
 *   (`epoch/val_acc`) or by its name as Keras logs it, epoch value first (`val_acc`).
 * - A run without the key matches only `!=`: it is not equal to the value.
 * - Numbers compare as numbers, also when the config holds them as text; `loss=nan` finds runs whose
 *   last loss is NaN, and `>`/`<` are false for NaN as in IEEE. Text compares case-insensitively.
 */
export interface FilterableRun {
  id: string;
  name: string;
  model: string;
  backend?: string;
  status: string;
  tags?: readonly string[];
  note?: string;
  config: Readonly<Record<string, unknown>>;
  /** Per tag `[step, wallTime, value]`, as the store or the wire gives it. */
  lastScalars: Readonly<Record<string, readonly [number, number, number | WireNumber]>>;
}

export type RunFilterResult =
  | { ok: true; terms: FilterTerm[]; matches: (run: FilterableRun) => boolean }
  | { ok: false; error: FilterError };

const RUN_FIELDS = ['id', 'name', 'model', 'backend', 'status', 'note'] as const;

function textFields(run: FilterableRun): string[] {
  return [run.name, run.model, ...(run.tags ?? []), run.note ?? ''];
}

function lastMetric(run: FilterableRun, key: string): number | undefined {
  const tags = key.includes('/') ? [key] : [`epoch/${key}`, `batch/${key}`, key];
  const tag = tags.find((t) => Object.hasOwn(run.lastScalars, t));
  return tag === undefined ? undefined : decodeNumber(run.lastScalars[tag][2]);
}

function lookUp(run: FilterableRun, key: string): unknown {
  if ((RUN_FIELDS as readonly string[]).includes(key)) return run[key as (typeof RUN_FIELDS)[number]];
  const inConfig = configValue(run.config, key);
  if (inConfig !== undefined) return inConfig;
  if (key.startsWith('config.')) return configValue(run.config, key.slice('config.'.length));
  return lastMetric(run, key);
}

function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  return typeof value === 'string' ? parseFilterNumber(value) : null;
}

function compareValue(term: Extract<FilterTerm, { kind: 'compare' }>, value: unknown): boolean {
  if (value === undefined) return term.operator === '!=';
  const a = asNumber(value);
  const b = term.number;
  if (a !== null && b !== null) {
    const same = a === b || (Number.isNaN(a) && Number.isNaN(b));
    switch (term.operator) {
      case '=':
        return same;
      case '!=':
        return !same;
      case '>':
        return a > b;
      case '>=':
        return a >= b;
      case '<':
        return a < b;
      case '<=':
        return a <= b;
    }
  }
  const equal = formatConfigValue(value).toLowerCase() === term.value.toLowerCase();
  if (term.operator === '=') return equal;
  return term.operator === '!=' && !equal;
}

function termMatcher(term: FilterTerm): (run: FilterableRun) => boolean {
  switch (term.kind) {
    case 'text': {
      const needle = term.text.toLowerCase();
      return (run) => textFields(run).some((field) => field.toLowerCase().includes(needle));
    }
    case 'regex':
      return (run) => textFields(run).some((field) => term.regex.test(field));
    case 'compare': {
      if (term.key !== 'tag' && term.key !== 'tags') return (run) => compareValue(term, lookUp(run, term.key));
      const equals = { ...term, operator: '=' as const };
      const hasTag = (run: FilterableRun) => (run.tags ?? []).some((tag) => compareValue(equals, tag));
      if (term.operator === '=') return hasTag;
      return term.operator === '!=' ? (run) => !hasTag(run) : () => false;
    }
  }
}

/** Never throws: a bad expression comes back as `{ ok: false, error }` for the box to show. */
export function parseRunFilter(text: string): RunFilterResult {
  const parsed = parseFilterTerms(text);
  if (!parsed.ok) return parsed;
  const matchers = parsed.terms.map(termMatcher);
  return { ok: true, terms: parsed.terms, matches: (run) => matchers.every((m) => m(run)) };
}
