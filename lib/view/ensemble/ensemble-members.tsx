import Link from 'next/link';
import type { EnsembleMembers } from '../../ensemble/ensemble-members';
import { runPagePath } from '../run/page-paths';
import { comparePath } from '../run/run-list-toolbar';
import { formatValue } from '../shared/format';
import '../run/run-list.css';

const cell = (value: number | undefined) => (value === undefined ? '—' : formatValue(value));

/** An ensemble run's members against it: each member's weight and test metrics beside the ensemble's. */
export function EnsembleMembersTable({ runId, members }: { runId: string; members: EnsembleMembers }) {
  const memberIds = members.rows.flatMap((row) => (row.runId === null ? [] : [row.runId]));
  return (
    <section className="card ensemble-members" data-ensemble-members>
      <div className="chart-head">
        <h2>Members</h2>
        <span className="muted">
          {members.weights === 'optimize' ? 'weights tuned on the validation split' : 'equal weights'}, {members.testSamples} test examples
        </span>
        <Link prefetch={false} className="button" href={comparePath([runId, ...memberIds])}>
          Compare with its members
        </Link>
      </div>
      <table className="runs">
        <thead>
          <tr>
            <th>Run</th>
            <th className="num">checkpoint epoch</th>
            <th className="num">weight</th>
            <th className="num">test acc</th>
            <th className="num">test loss</th>
          </tr>
        </thead>
        <tbody>
          {members.rows.map((row) => (
            <tr key={row.runId ?? ''} className={row.runId === null ? 'best' : undefined} data-member={row.runId ?? 'ensemble'}>
              <td>{row.runId === null ? <strong>ensemble</strong> : <Link prefetch={false} href={runPagePath(row.runId)}>{row.name}</Link>}</td>
              <td className="num">{row.epoch ?? ''}</td>
              <td className="num">{row.weight === null ? '' : row.weight.toFixed(3)}</td>
              <td className="num">{cell(row.acc)}</td>
              <td className="num">{cell(row.loss)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
