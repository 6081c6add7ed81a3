import type { Db } from '../../storage/sqlite/open-database';
import { RunGraphTable, runGraphSchema } from '../../storage/sqlite/run-graph-table';
import { OP_GRAPH_VERSION, type OpGraph } from './meta';

export const OP_GRAPH_SCHEMA = runGraphSchema('op_graphs');

/** One op graph per run: another replaces it. */
export class OpGraphTable extends RunGraphTable<OpGraph> {
  constructor(db: Db) {
    super(db, 'op_graphs', OP_GRAPH_VERSION);
  }
}
