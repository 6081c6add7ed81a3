import type { ProjectionMethod, UmapParams } from '../../kinds/embedding/meta';

export function embeddingsApiUrl(runId: string): string {
  return `/api/runs/${encodeURIComponent(runId)}/embeddings`;
}

/** PCA ignores the UMAP parameters, so they are only sent for UMAP and a PCA layout has one URL. */
export function projectionApiUrl(runId: string, tag: string, step: number, method: ProjectionMethod, params: UmapParams): string {
  const query = new URLSearchParams({ method, tag });
  if (method === 'umap') {
    query.set('neighbors', String(params.neighbors));
    query.set('minDist', String(params.minDist));
  }
  return `${embeddingsApiUrl(runId)}/${step}/projection?${query}`;
}

export function neighborsApiUrl(runId: string, tag: string, step: number, word: string, k: number): string {
  const query = new URLSearchParams({ word, k: String(k), tag });
  return `${embeddingsApiUrl(runId)}/${step}/neighbors?${query}`;
}

export function driftApiUrl(runId: string, tag: string, word: string, k: number, compare: string | null): string {
  const query = new URLSearchParams({ word, k: String(k), tag });
  if (compare !== null) query.set('compare', compare);
  return `${embeddingsApiUrl(runId)}/drift?${query}`;
}
