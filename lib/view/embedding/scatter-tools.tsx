import type { ScatterTool } from './lasso-overlay';

const TOOLS: readonly { tool: ScatterTool; label: string; title: string }[] = [
  { tool: 'pan', label: 'pan & zoom', title: 'Drag to pan, wheel to zoom; zoomed in, the most frequent words are named' },
  { tool: 'lasso', label: 'lasso', title: 'Draw round a cluster to list its words' },
  { tool: 'box', label: 'box', title: 'Drag a box to list the words in it' },
];

export interface ScatterToolsProps {
  tool: ScatterTool;
  onTool: (tool: ScatterTool) => void;
  trails: boolean;
  onTrails: (on: boolean) => void;
}

/** What a drag on the plot does, and whether highlighted words trail their places over the last snapshots. */
export function ScatterTools({ tool, onTool, trails, onTrails }: ScatterToolsProps) {
  return (
    <div className="projector-tools">
      <div className="view-toggle" role="group" aria-label="Pointer">
        {TOOLS.map((t) => (
          <button key={t.tool} type="button" data-tool={t.tool} title={t.title} aria-pressed={tool === t.tool} onClick={() => onTool(t.tool)}>
            {t.label}
          </button>
        ))}
      </div>
      <label title="While playing or stepping, each highlighted word draws a line through its places in the last snapshots">
        <input type="checkbox" checked={trails} onChange={(e) => onTrails(e.target.checked)} /> trails
      </label>
    </div>
  );
}
