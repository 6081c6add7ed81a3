import { diffConfigs } from '../../compare/config-diff';
import { groupRuns, type RunGroup } from '../../compare/grouping';
import { assignRunColors, type ColorOverrides, RUN_PALETTE } from '../../compare/run-colors';
import type { CompareState } from '../../compare/url-state';
import type { WireRunSummary } from '../../kinds/scalar/run-summary';
import type { ChartGroup, ChartRun } from './chart-lines';

export interface CompareView {
  /** Every selected run's colour, and each group's under `group:<id>`. */
  colors: Map<string, string>;
  hidden: Set<string>;
  lines: ChartRun[];
  groups: RunGroup[] | null;
  chartGroups: ChartGroup[] | null;
  /** What runs can be grouped by: the config keys that differ among them first. */
  configKeys: string[];
}

/**
 * Which runs the page draws, in which colours and groups, worked out from the address and the
 * selected runs' summaries. Colours are assigned over all selected runs, hidden or not, so hiding
 * a run recolours nothing.
 */
export function compareView(state: Pick<CompareState, 'hidden' | 'groupBy'>, selected: readonly WireRunSummary[], overrides: ColorOverrides): CompareView {
  const colors = assignRunColors(selected, overrides);
  const hidden = new Set(state.hidden);
  const visible = selected.filter((run) => !hidden.has(run.id));
  const lines = visible.map((run): ChartRun => ({ id: run.id, name: run.name, color: colors.get(run.id)!, startedAt: run.startedAt }));
  const groups = state.groupBy.length > 0 ? groupRuns(visible, state.groupBy) : null;
  const chartGroups =
    groups?.map((group, i): ChartGroup => {
      const color = RUN_PALETTE[i % RUN_PALETTE.length];
      colors.set(`group:${group.id}`, color);
      return { id: group.id, label: group.label, color, runIds: group.runIds };
    }) ?? null;
  const diff = diffConfigs(selected);
  const configKeys = [...diff.differences, ...diff.all.filter((c) => !c.differs)].map((c) => c.key);
  return { colors, hidden, lines, groups, chartGroups, configKeys };
}
