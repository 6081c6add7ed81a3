import type { Ref } from 'react';
import type { GraphNode } from '../../kinds/graph/meta';
import { formatShape } from './graph-labels';
import type { PlacedEdge, PlacedGraph } from './graph-layout';
import type { LayerStats } from './graph-stats';
import { GraphNodeBox } from './graph-node';
import { GRAPH_SVG_STYLE } from './graph-svg-style';

/** Room around the drawing, so boxes at the edge keep their outline in exports. */
const MARGIN = 16;

function edgePath(points: PlacedEdge['points']): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
}

interface LevelProps {
  graph: PlacedGraph;
  stats: ReadonlyMap<string, LayerStats | null>;
  withStats: boolean;
  largestNorm: number;
  onToggle: (key: string) => void;
}

/** The tensor an edge carries, for its hover title. */
function edgeTitle(byId: ReadonlyMap<string, GraphNode>, { edge }: PlacedEdge): string {
  const shape = byId.get(edge.source)?.outputShapes[edge.sourceCallSite]?.[edge.sourceTensor];
  return `${edge.source} → ${edge.target}${shape ? `: ${formatShape(shape)}` : ''}`;
}

/** One model's layers and edges; an open nested model draws its own level inside its box. */
function GraphLevel({ graph, ...rest }: LevelProps) {
  // Every histogram push redraws the level: one map, not a scan of the nodes per edge.
  const byId = new Map(graph.nodes.map((n) => [n.node.id, n.node]));
  return (
    <>
      {graph.edges.map((placed) => (
        <g key={placed.key} className="graph-edge-group">
          <title>{edgeTitle(byId, placed)}</title>
          <path
            className="graph-edge"
            d={edgePath(placed.points)}
            markerEnd="url(#graph-arrow)"
            data-source={placed.edge.source}
            data-target={placed.edge.target}
            data-target-call={placed.edge.targetCallSite}
          />
          {placed.label && (
            <text className="graph-edge-label" x={placed.label.x} y={placed.label.y + 11}>
              {placed.label.text}
            </text>
          )}
        </g>
      ))}
      {graph.nodes.map((placed) => (
        <g key={placed.key}>
          <GraphNodeBox placed={placed} stats={rest.stats.get(placed.key) ?? null} withStats={rest.withStats} largestNorm={rest.largestNorm} onToggle={rest.onToggle} />
          {placed.inner && (
            <g transform={`translate(${placed.x},${placed.y})`} data-inner-of={placed.node.id}>
              <GraphLevel graph={placed.inner} {...rest} />
            </g>
          )}
        </g>
      ))}
    </>
  );
}

export interface GraphCanvasProps extends Omit<LevelProps, 'graph'> {
  placed: PlacedGraph;
  modelName: string;
  zoom: number;
  svgRef: Ref<SVGSVGElement>;
}

/** The whole drawing as one standalone SVG: what the page shows is what the downloads hold. */
export function GraphCanvas({ placed, modelName, zoom, svgRef, ...level }: GraphCanvasProps) {
  const width = placed.width + 2 * MARGIN;
  const height = placed.height + 2 * MARGIN;
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      className="graph-svg"
      width={width * zoom}
      height={height * zoom}
      viewBox={`0 0 ${width} ${height}`}
      data-width={width}
      data-height={height}
      role="img"
      aria-label={`Layer graph of model ${modelName}`}
    >
      <style>{GRAPH_SVG_STYLE}</style>
      <defs>
        <marker id="graph-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path className="graph-arrow" d="M0,0 L10,5 L0,10 z" />
        </marker>
      </defs>
      <rect className="graph-bg" width={width} height={height} />
      <g transform={`translate(${MARGIN},${MARGIN})`}>
        <GraphLevel graph={placed} {...level} />
      </g>
    </svg>
  );
}
