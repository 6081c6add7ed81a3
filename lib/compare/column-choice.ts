/**
 * The run table's columns as the user chose them, in the address as one parameter:
 *
 *   columns=status,model|all|last,best|epoch/acc,epoch/loss
 *
 * fixed columns | config keys (`differences` or `all`) | stats per metric | tags with metric
 * columns. Tags hold neither `|` nor `,`. Absent (or unreadable) means the table's own defaults,
 * which follow the runs' tags; present, it is kept as chosen.
 */
/** What a metric column shows of a tag: its last value, its extremes, or its best with the step. */
export const METRIC_STATS = ['last', 'min', 'max', 'best'] as const;
export type MetricStat = (typeof METRIC_STATS)[number];

export const FIXED_COLUMN_IDS = ['status', 'duration', 'model'] as const;
export type FixedColumnId = (typeof FIXED_COLUMN_IDS)[number];

export interface ColumnChoiceState {
  fixed: string[];
  config: 'differences' | 'all';
  stats: MetricStat[];
  tags: string[];
}

const entries = (section: string) => [...new Set(section.split(',').filter((e) => e !== ''))];

export function readColumnChoice(value: string | null): ColumnChoiceState | null {
  const sections = value?.split('|');
  if (!sections || sections.length !== 4 || !['differences', 'all'].includes(sections[1])) return null;
  return {
    fixed: entries(sections[0]).filter((id) => (FIXED_COLUMN_IDS as readonly string[]).includes(id)),
    config: sections[1] as ColumnChoiceState['config'],
    stats: entries(sections[2]).filter((s): s is MetricStat => (METRIC_STATS as readonly string[]).includes(s)),
    tags: entries(sections[3]).filter((tag) => !tag.includes('|')),
  };
}

export function writeColumnChoice(choice: ColumnChoiceState): string {
  return [choice.fixed.join(','), choice.config, choice.stats.join(','), choice.tags.join(',')].join('|');
}
