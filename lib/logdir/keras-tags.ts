/**
 * Keras' TensorBoard callback writes the same tags into `train/` and `validation/` (`epoch_loss` in
 * both), which TensorBoard shows as two runs. Tensorlens shows one run, with the tags Keras' own
 * History and Tensorlens' trainer use, so that chartFamily puts them on one chart and imported runs
 * compare with native ones:
 *
 *   train/epoch_loss                          → epoch/loss
 *   validation/epoch_loss                     → epoch/val_loss
 *   train/batch_loss                          → batch/loss
 *   validation/evaluation_loss_vs_iterations  → batch/val_loss   (validation loss at an iteration count)
 *   validation/<other>/<leaf>                 → <other>/val_<leaf>
 *
 * The `epoch_`/`batch_` renaming is for scalars only: Keras also writes run metadata under tags
 * such as `batch_3`. Weight histograms take the names Tensorlens' own trainer gives them, so they
 * group by layer and the Graph tab finds each layer's weights:
 *
 *   train/conv2d/kernel_0/histogram           → weights/conv2d/kernel   (Keras 2: the variable's `:0` as `_0`)
 *   train/conv2d/kernel/histogram             → weights/conv2d/kernel   (Keras 3)
 *
 * Folders that are not one side of a Keras fit keep their tags as written.
 */
import type { SourceRole } from './discover-runs';
import { hasTag, type LogdirRecord } from './records';

const EVALUATION = /^evaluation_(.+)_vs_iterations$/;
const WEIGHT_HISTOGRAM = /^(.+)\/([^/]+?)(?:_\d+)?\/histogram$/;

function scalarTag(tag: string, val: string): string | undefined {
  if (tag.startsWith('epoch_')) return `epoch/${val}${tag.slice(6)}`;
  if (tag.startsWith('batch_')) return `batch/${val}${tag.slice(6)}`;
  const evaluation = val ? EVALUATION.exec(tag) : null;
  return evaluation ? `batch/val_${evaluation[1]}` : undefined;
}

export function kerasTag(tag: string, role: SourceRole, kind: LogdirRecord['kind']): string {
  if (role === 'plain') return tag;
  const weight = kind === 'histogram' ? WEIGHT_HISTOGRAM.exec(tag) : null;
  if (weight) return `weights/${weight[1]}/${role === 'validation' ? 'val_' : ''}${weight[2]}`;
  const isScalar = kind === 'scalar';
  const val = role === 'validation' ? 'val_' : '';
  const renamed = isScalar ? scalarTag(tag, val) : undefined;
  if (renamed !== undefined || !val) return renamed ?? tag;
  const slash = tag.lastIndexOf('/');
  return `${tag.slice(0, slash + 1)}${val}${tag.slice(slash + 1)}`;
}

/** The record with its tag as the run shows it. */
export function withKerasTag(record: LogdirRecord, role: SourceRole): LogdirRecord {
  if (role === 'plain' || !hasTag(record)) return record;
  return { ...record, tag: kerasTag(record.tag, role, record.kind) };
}
