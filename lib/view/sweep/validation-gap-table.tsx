import Link from 'next/link';
import type { Objective } from '../../hparams/best-run';
import type { TrialRun } from '../../hparams/run-metrics';
import { validationGap } from '../../hparams/validation-gap';
import { runPagePath } from '../run/page-paths';
import { formatValue } from '../shared/format';

const TOP = 5;

/**
 * The best trials by validation against the test set: when the validation winner ranks low on test,
 * or its gap is far above the others', the search has fitted the validation split.
 */
export function ValidationGapTable({ runs, objective }: { runs: readonly TrialRun[]; objective: Objective }) {
  const gap = validationGap(runs, objective, TOP);
  if (!gap) return <p className="muted">The objective {objective.metric} is not a validation metric, so there is no test metric to hold it against.</p>;
  const tested = gap.rows.filter((row) => row.test !== undefined).length;
  const winner = gap.rows[0];
  return (
    <section className="card sweep-gap" data-validation-gap>
      <h2>Validation against test</h2>
      <p className="muted">
        The best {gap.rows.length} trials by {objective.metric}, each with its {gap.testMetric} (logged when the trial ends) and its rank among the trials by test.
        {winner?.testRank !== null && winner?.testRank !== undefined && winner.testRank > 1 && (
          <strong className="gap-warning"> The best trial by validation is only #{winner.testRank} on test: the search has fitted the validation split.</strong>
        )}
      </p>
      {tested === 0 ? (
        <p className="muted">No trial has logged {gap.testMetric} yet.</p>
      ) : (
        <table className="runs">
          <thead>
            <tr>
              <th className="num">by validation</th>
              <th>Trial</th>
              <th className="num">{objective.metric}</th>
              <th className="num">{gap.testMetric}</th>
              <th className="num">validation − test</th>
              <th className="num">by test</th>
            </tr>
          </thead>
          <tbody>
            {gap.rows.map((row) => (
              <tr key={row.run.id} data-trial={row.run.trial}>
                <td className="num">#{row.validationRank}</td>
                <td>
                  <Link prefetch={false} href={runPagePath(row.run.id)}>{row.run.name}</Link>
                </td>
                <td className="num">{row.validation === undefined ? '' : formatValue(row.validation)}</td>
                <td className="num">{row.test === undefined ? '—' : formatValue(row.test)}</td>
                <td className="num">{row.gap === null ? '' : formatValue(row.gap)}</td>
                <td className="num">{row.testRank === null ? '' : `#${row.testRank}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
