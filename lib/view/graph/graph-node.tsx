import { LINE_HEIGHT, NODE_PAD_X, NODE_PAD_Y, detailLines, formatCallShapes, showsStats } from './graph-labels';
import type { PlacedNode } from './graph-layout';
import { type LayerStats, changeBand, normFraction } from './graph-stats';
import { formatValue } from '../shared/format';

const STRIPE = 5;
const BASELINE = 12;

function percent(change: number): string {
  return `${change >= 0 ? '+' : ''}${(change * 100).toPrecision(2)}%`;
}

function statLines(stats: LayerStats): string[] {
  const norm = stats.weightNorm === undefined ? '‖W‖ —' : `‖W‖ ${formatValue(stats.weightNorm)}${stats.weightChange === undefined ? '' : ` (${percent(stats.weightChange)})`}`;
  const act = stats.activationMean === undefined ? 'act —' : `act μ ${formatValue(stats.activationMean)} σ ${formatValue(stats.activationStd!)}`;
  return [norm, act];
}

/** Every call's shapes in full, for the hover title: the box shows each distinct one once. */
function hoverText(placed: PlacedNode, stats: LayerStats | null): string {
  const { node } = placed;
  const calls = node.outputShapes.map((out, i) => `call ${i + 1}: in ${formatCallShapes(node.inputShapes[i])} → out ${formatCallShapes(out)}`);
  const live = stats ? [`step ${stats.step}`, ...statLines(stats)] : [];
  return [`${node.name} (${node.className})`, ...calls, `params: ${node.params.toLocaleString('en-US')}`, ...live].join('\n');
}

export interface GraphNodeProps {
  placed: PlacedNode;
  stats: LayerStats | null;
  withStats: boolean;
  largestNorm: number;
  onToggle: (key: string) => void;
}

/** Drawn text comes from the run's data; React renders it as text, never as markup. */
function NodeText({ placed, details, withToggle }: { placed: PlacedNode; details: string[]; withToggle: boolean }) {
  const { node } = placed;
  return (
    <>
      <text x={NODE_PAD_X} y={NODE_PAD_Y + BASELINE}>
        <tspan className="graph-name">{node.name}</tspan>
        <tspan className="graph-class">{`  ${node.className}`}</tspan>
      </text>
      {details.map((line, i) => (
        <text
          key={i}
          x={NODE_PAD_X}
          y={NODE_PAD_Y + BASELINE + (i + 1) * LINE_HEIGHT}
          className={withToggle && i === details.length - 1 ? 'graph-toggle' : 'graph-detail'}
        >
          {line}
        </text>
      ))}
    </>
  );
}

export function GraphNodeBox({ placed, stats, withStats, largestNorm, onToggle }: GraphNodeProps) {
  const { node, key, width, height } = placed;
  const open = placed.inner !== undefined;
  const band = changeBand(stats);
  const details = detailLines(node, open);
  const rows = 1 + details.length;
  const statsTop = NODE_PAD_Y + rows * LINE_HEIGHT;
  const toggle = node.nested ? () => onToggle(key) : undefined;
  const classes = ['graph-node', node.className === 'InputLayer' && 'graph-input', node.nested && 'graph-nested', open && 'graph-open'].filter(Boolean).join(' ');
  return (
    <g
      className={classes}
      transform={`translate(${placed.x},${placed.y})`}
      data-node={node.id}
      data-class={node.className}
      data-call-sites={node.callSites}
      data-band={band ?? undefined}
      {...(toggle
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-expanded': open,
            'aria-label': `${open ? 'Collapse' : 'Expand'} ${node.className === 'scope' ? 'scope' : 'model'} ${node.name}`,
            onClick: (e: React.MouseEvent) => {
              e.stopPropagation();
              toggle();
            },
            onKeyDown: (e: React.KeyboardEvent) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                toggle();
              }
            },
            style: { cursor: 'pointer' },
          }
        : {})}
    >
      <title>{hoverText(placed, stats)}</title>
      <rect className="graph-box" width={width} height={height} rx={6} />
      {!open && <rect className={`graph-band-${band ?? 'none'}`} width={STRIPE} height={height} rx={2} />}
      <NodeText placed={placed} details={details} withToggle={node.nested !== undefined} />
      {showsStats(node, withStats) && !open && stats && (
        <g className="graph-stats" data-step={stats.step}>
          {statLines(stats).map((line, i) => (
            <text key={i} className="graph-stat" x={NODE_PAD_X} y={statsTop + BASELINE + i * LINE_HEIGHT}>
              {line}
            </text>
          ))}
          <rect className="graph-norm-track" x={NODE_PAD_X} y={height - 5} width={width - 2 * NODE_PAD_X} height={3} />
          <rect
            className={`graph-band-${band ?? 'none'}`}
            x={NODE_PAD_X}
            y={height - 5}
            width={(width - 2 * NODE_PAD_X) * normFraction(stats.weightNorm, largestNorm)}
            height={3}
          />
        </g>
      )}
    </g>
  );
}
