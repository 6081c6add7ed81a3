import type { Db } from '../../storage/sqlite/open-database';
import { RunGraphTable, runGraphSchema } from '../../storage/sqlite/run-graph-table';
import { GRAPH_VERSION, type ModelGraph } from './meta';

export const GRAPH_SCHEMA = runGraphSchema('graphs');

/** One model graph per run: a resent graph replaces the stored one. */
export class GraphTable extends RunGraphTable<ModelGraph> {
  constructor(db: Db) {
    super(db, 'graphs', GRAPH_VERSION);
  }
}
