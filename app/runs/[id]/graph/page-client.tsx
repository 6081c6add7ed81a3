'use client';

import { useMemo, useRef, useState } from 'react';
import type { WireRunSummary } from '@/lib/kinds/scalar/run-summary';
import type { ModelGraph } from '@/lib/kinds/graph/meta';
import type { OpGraph } from '@/lib/kinds/op-graph/meta';
import { useRunOpGraph } from '@/lib/view/op-graph/use-run-op-graph';
import { GraphChoice, type GraphKind } from '@/lib/view/op-graph/graph-choice';
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
  /** The stored op graph (a GraphDef from TensorFlow or PyTorch) at render time, or null. */
  initialOpGraph: OpGraph | null;
}

const fileName = (run: WireRunSummary, ext: string) => `${run.name.replace(/[^\w.-]+/g, '_')}-graph.${ext}`;

export function GraphPageClient({ run, initialGraph, initialOpGraph }: GraphPageClientProps) {
  const layers = useRunGraph(run.id, initialGraph);
  const ops = useRunOpGraph(run.id, initialOpGraph);
  const [chosen, setChosen] = useState<GraphKind>('layers');
  // The layer graph when there is one; a run that only has ops (PyTorch's add_graph) shows those.
  const kind: GraphKind = layers.graph && (chosen === 'layers' || !ops.graph) ? 'layers' : ops.graph ? 'ops' : 'layers';
  const graph = kind === 'ops' ? ops.graph : layers.graph;
  const loadError = layers.loadError ?? ops.loadError;
  const { slices } = useLiveHistograms(run.id);
  const withStats = kind === 'layers' && Object.keys(slices).length > 0;
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
        <section className="card graph-card" data-testid="graph" data-kind={kind} data-model={graph.name} data-laid-out={placed ? 'true' : 'false'}>
          {layers.graph && ops.graph && <GraphChoice kind={kind} opCount={ops.opCount} onChoose={setChosen} />}
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
              <p className="empty">
                Laying out {graph.nodes.length} {kind === 'ops' ? 'ops and scopes' : 'layers'}…
              </p>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
