import { useState } from 'react';
import type { UmapParams } from '../../kinds/embedding/meta';
import { parseUmapParams } from './parse-umap-params';

/** Applying asks the server for that layout; it is computed in the background while PCA stays up. */
export function UmapParamsForm({ params, onApply }: { params: UmapParams; onApply: (params: UmapParams) => void }) {
  const [neighbors, setNeighbors] = useState(String(params.neighbors));
  const [minDist, setMinDist] = useState(String(params.minDist));
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      className="projector-params"
      // The browser's own range check would stop the submit before ours runs; ours says what is wrong beside the fields.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseUmapParams({ neighbors, minDist });
        setError(parsed.error);
        if (parsed.params) onApply(parsed.params);
      }}
    >
      <label>
        neighbours
        <input type="number" name="neighbors" min={2} max={200} step={1} value={neighbors} onChange={(e) => setNeighbors(e.target.value)} />
      </label>
      <label>
        min distance
        <input type="number" name="minDist" min={0} max={1} step={0.05} value={minDist} onChange={(e) => setMinDist(e.target.value)} />
      </label>
      <button type="submit">Apply</button>
      {error && (
        <span className="error-text" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
