/** Which graph of a run the Graph tab draws: the model's layers, or the ops the framework ran. */
export type GraphKind = 'layers' | 'ops';

/** Shown when a run has both, as a Keras run in a TensorBoard logdir does (TensorBoard's conceptual and op graphs). */
export function GraphChoice({ kind, opCount, onChoose }: { kind: GraphKind; opCount: number; onChoose: (kind: GraphKind) => void }) {
  return (
    <div className="view-toggle graph-choice" role="group" aria-label="Graph to draw">
      <button type="button" data-graph-kind="layers" aria-pressed={kind === 'layers'} onClick={() => onChoose('layers')}>
        layers (model)
      </button>
      <button type="button" data-graph-kind="ops" aria-pressed={kind === 'ops'} onClick={() => onChoose('ops')}>
        ops ({opCount})
      </button>
    </div>
  );
}
