import type { Db } from '../../storage/sqlite/open-database';
import type { SweepDefinition, WireSweepTrial } from './meta';

/**
 * A sweep's definition, and the latest report of each of its trials, kept as the JSON they arrived
 * in: the API serves them as they are, and a trial's value may be NaN, which a REAL column would
 * turn into NULL. Both belong to the sweep's run and go with it.
 */
export const SWEEP_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS sweeps (
    run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    definition TEXT NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS sweep_trials (
    run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    trial INTEGER NOT NULL,
    report TEXT NOT NULL,
    PRIMARY KEY (run_id, trial)
  ) WITHOUT ROWID`,
];

export class SweepTable {
  private readonly upsertDefinition;
  private readonly upsertTrial;
  private readonly selectDefinition;
  private readonly selectTrials;
  private readonly selectIds;

  constructor(db: Db) {
    this.upsertDefinition = db.prepare(`INSERT INTO sweeps VALUES (?, ?) ON CONFLICT (run_id) DO UPDATE SET definition = excluded.definition`);
    this.upsertTrial = db.prepare(`INSERT INTO sweep_trials VALUES (?, ?, ?) ON CONFLICT (run_id, trial) DO UPDATE SET report = excluded.report`);
    this.selectDefinition = db.prepare(`SELECT definition FROM sweeps WHERE run_id = ?`).pluck();
    this.selectTrials = db.prepare(`SELECT report FROM sweep_trials WHERE run_id = ? ORDER BY trial`).pluck();
    this.selectIds = db.prepare(`SELECT run_id FROM sweeps`).pluck();
  }

  writeDefinition(sweepId: string, definition: SweepDefinition): void {
    this.upsertDefinition.run(sweepId, JSON.stringify(definition));
  }

  /** Call inside a transaction. */
  writeTrials(sweepId: string, trials: readonly WireSweepTrial[]): void {
    for (const trial of trials) this.upsertTrial.run(sweepId, trial.trial, JSON.stringify(trial));
  }

  definition(sweepId: string): SweepDefinition | null {
    const text = this.selectDefinition.get(sweepId) as string | undefined;
    return text === undefined ? null : (JSON.parse(text) as SweepDefinition);
  }

  trials(sweepId: string): WireSweepTrial[] {
    return (this.selectTrials.all(sweepId) as string[]).map((text) => JSON.parse(text) as WireSweepTrial);
  }

  /** Every sweep's id, in no particular order. */
  ids(): string[] {
    return this.selectIds.all() as string[];
  }
}
