import { IMDB_CONV1D_DEFAULTS, IMDB_OPTIMIZERS, imdbConv1dMinLen, type ImdbConv1dArchitecture } from './models/imdb-conv1d';
import { FlagError, integer, oneOf, real } from './flag-values';

const MODEL = 'imdb-conv1d';

/** The flags that shape the IMDB Conv1D, so a sweep can search its architecture. */
export const IMDB_CONV1D_FLAGS = ['conv-filters', 'kernel-size', 'embedding-dim', 'dropout', 'optimizer'];

const d = IMDB_CONV1D_DEFAULTS;
export const IMDB_CONV1D_USAGE = ` imdb-conv1d architecture (defaults: the lecture's model):
  --conv-filters N       filters of both Conv1D layers (default ${d.convFilters})
  --kernel-size N        window of both Conv1D layers (default ${d.kernelSize}; needs --max-len ≥ 6N − 1)
  --embedding-dim N      Embedding output size (default ${d.embeddingDim})
  --dropout F            Dropout rate in [0, 0.95] before the Dense classifier (default ${d.dropout}: no layer)
  --optimizer NAME       ${IMDB_OPTIMIZERS.join(' | ')} (default ${d.optimizer})`;

/**
 * The architecture of an imdb-conv1d run, defaults filled in so its stored configuration says what
 * was trained. Another model given one of these flags is an error: it would be silently ignored, and
 * a sweep over it would search nothing.
 */
export function imdbConv1dFlags(v: Record<string, string | undefined>, model: string, maxLen: number): ImdbConv1dArchitecture | Record<string, never> {
  if (model !== MODEL) {
    const given = IMDB_CONV1D_FLAGS.find((flag) => v[flag] !== undefined);
    if (given) throw new FlagError(`--${given} applies only to --model ${MODEL}`);
    return {};
  }
  const kernelSize = integer('kernel-size', v['kernel-size'], d.kernelSize, 1)!;
  if (maxLen < imdbConv1dMinLen(kernelSize)) {
    throw new FlagError(`--kernel-size ${kernelSize} needs --max-len ≥ ${imdbConv1dMinLen(kernelSize)} (two convolutions and a pooling of 5), got ${maxLen}`);
  }
  return {
    convFilters: integer('conv-filters', v['conv-filters'], d.convFilters, 1)!,
    kernelSize,
    embeddingDim: integer('embedding-dim', v['embedding-dim'], d.embeddingDim, 1)!,
    dropout: real('dropout', v.dropout, d.dropout, 0, 0.95),
    optimizer: oneOf('optimizer', v.optimizer, IMDB_OPTIMIZERS, d.optimizer),
  };
}
