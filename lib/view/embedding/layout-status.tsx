import type { UmapParams } from '../../kinds/embedding/meta';
import type { ShownLayout } from './layouts';

/** Says which layout is on screen and, while PCA stands in, how far UMAP has got. */
export function LayoutStatus({ shown, params }: { shown: ShownLayout; params: UmapParams }) {
  if (shown.method === 'umap') {
    return (
      <p className="projector-status" data-method="umap" role="status">
        UMAP · {params.neighbors} neighbours · min distance {params.minDist}
      </p>
    );
  }
  return (
    <p className={`projector-status${shown.failed ? ' error-text' : ''}`} data-method={shown.method ?? 'none'} role="status">
      {shown.method === 'pca' ? 'PCA for now' : 'Loading the layout'} · {shown.note}
      {shown.failed && ' Showing PCA instead.'}
    </p>
  );
}
