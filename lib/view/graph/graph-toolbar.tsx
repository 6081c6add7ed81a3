const ZOOM_STEP = 1.25;
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 4;

export interface GraphToolbarProps {
  modelName: string;
  modelClass: string;
  zoom: number;
  onZoom: (zoom: number) => void;
  onFit: () => void;
  onExport: (kind: 'svg' | 'png') => void;
  ready: boolean;
}

export function GraphToolbar({ modelName, modelClass, zoom, onZoom, onFit, onExport, ready }: GraphToolbarProps) {
  const clamp = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
  return (
    <div className="graph-toolbar">
      <h2 className="graph-title">
        {modelName} <span className="muted">{modelClass}</span>
      </h2>
      <div className="view-toggle graph-tools" role="group" aria-label="Zoom">
        <button type="button" onClick={() => onZoom(clamp(zoom / ZOOM_STEP))} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => onZoom(1)} aria-label="Actual size" data-testid="graph-zoom">
          {Math.round(zoom * 100)}%
        </button>
        <button type="button" onClick={() => onZoom(clamp(zoom * ZOOM_STEP))} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={onFit} disabled={!ready}>
          Fit width
        </button>
      </div>
      <div className="view-toggle graph-tools" role="group" aria-label="Download">
        <button type="button" onClick={() => onExport('svg')} disabled={!ready}>
          Download SVG
        </button>
        <button type="button" onClick={() => onExport('png')} disabled={!ready}>
          Download PNG
        </button>
      </div>
    </div>
  );
}
