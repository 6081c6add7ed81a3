'use client';

import { useMemo, useRef, useState } from 'react';
import type { WireRunSummary } from '@/lib/kinds/scalar/run-summary';
import type { ModelGraph } from '@/lib/kinds/graph/meta';
import { downloadPng, downloadSvg } from '@/lib/view/graph/graph-export';
import { statsByNode } from '@/lib/view/graph/graph-stats';
import { useGraphLayout } from '@/lib/view/graph/use-graph-layout';
import { useLiveHistograms } from '@/lib/view/histogram/use-live-histograms';
import { useRunGraph } from '@/lib/view/graph/use-run-graph';
import { RunNav } from '@/lib/view/run/run-nav';
import { GraphCanvas } from '@/lib/view/graph/graph-canvas';
import { GraphLegend } from '@/lib/view/graph/graph-legend';
import { GraphToolbar } from '@/lib/view/graph/graph-toolbar';
import '@/lib/view/graph/graph.css';

export interface GraphPageClientProps {
  run: WireRunSummary;
  /** The stored graph at render time; null when the run has not sent one (yet). */
  initialGraph: ModelGraph | null;
}

const fileName = (run: WireRunSummary, ext: string) => `${run.name.replace(/[^\w.-]+/g, '_')}-graph.${ext}`;

export function GraphPageClient({ run, initialGraph }: GraphPageClientProps) {
  const { graph, loadError } = useRunGraph(run.id, initialGraph);
  const { slices } = useLiveHistograms(run.id);
  const withStats = Object.keys(slices).length > 0;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const { placed, error: layoutError } = useGraphLayout(graph, expanded, withStats);
  const [zoom, setZoom] = useState(1);
  const [exportError, setExportError] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const viewportRef = useRef<HTMLDivElement>(null);

  const stats = useMemo(() => (placed ? statsByNode(placed, slices) : new Map()), [placed, slices]);
  const values = [...stats.values()].filter((s) => s !== null);
  const largestNorm = Math.max(0, ...values.map((s) => s.weightNorm ?? 0).filter(Number.isFinite));
  const latestStep = Math.max(-1, ...values.map((s) => s.step));

  const problems = [
    loadError && `Could not load the model graph: ${loadError}`,
    layoutError && `Could not lay out the model graph: ${layoutError}`,
    exportError && `Could not export the PNG: ${exportError}`,
  ].filter((p): p is string => Boolean(p));

  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const fitWidth = () => {
    const width = Number(svgRef.current?.getAttribute('data-width'));
    const room = viewportRef.current?.clientWidth;
    if (width > 0 && room) setZoom(Math.min(1, (room - 2) / width));
  };
  const exportAs = (kind: 'svg' | 'png') => {
    const svg = svgRef.current;
    if (!svg) return;
    setExportError(null);
    if (kind === 'svg') downloadSvg(svg, fileName(run, 'svg'));
    else downloadPng(svg, fileName(run, 'png')).catch((e: Error) => setExportError(e.message));
  };

  return (
    <div className="run-page graph-page">
      <RunNav runId={run.id} runName={run.name} current="graph" />
      {problems.map((problem) => (
        <p key={problem} className="alert" role="alert">
          {problem}.
        </p>
      ))}
      {!graph ? (
        <p className="empty" data-testid="no-graph">
          {run.status === 'running' ? 'Waiting for the trainer to send the model graph…' : 'This run sent no model graph.'}
        </p>
      ) : (
        <section className="card graph-card" data-testid="graph" data-model={graph.name} data-laid-out={placed ? 'true' : 'false'}>
          <GraphToolbar
            modelName={graph.name}
            modelClass={graph.className}
            zoom={zoom}
            onZoom={setZoom}
            onFit={fitWidth}
            onExport={exportAs}
            ready={placed !== null}
          />
          {withStats && latestStep >= 0 && <GraphLegend step={latestStep} />}
          <div className="graph-viewport" ref={viewportRef}>
            {placed ? (
              <GraphCanvas
                placed={placed}
                modelName={graph.name}
                zoom={zoom}
                svgRef={svgRef}
                stats={stats}
                withStats={withStats}
                largestNorm={largestNorm}
                onToggle={toggle}
              />
            ) : (
              <p className="empty">Laying out {graph.nodes.length} layers…</p>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
