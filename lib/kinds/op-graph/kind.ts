import { defineKind } from '../kind';
import { ingestOpGraph } from './ingest';
import { OP_GRAPH_KIND } from './meta';
import { findOpGraph, readOpGraph } from './reader';
import { opGraphMessageSchema } from './schema';
import { OP_GRAPH_SCHEMA, OpGraphTable } from './sqlite-table';

/** The ops a framework executed (a GraphDef from TensorFlow or PyTorch's add_graph). See http-api.md. */
export const opGraphKind = defineKind({
  name: OP_GRAPH_KIND,
  messages: [opGraphMessageSchema],
  schema: OP_GRAPH_SCHEMA,
  openTables: (store) => new OpGraphTable(store.db),
  ingest: ingestOpGraph,
  readers: { graph: readOpGraph, find: findOpGraph },
});
