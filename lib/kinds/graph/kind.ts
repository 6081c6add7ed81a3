import { defineKind } from '../kind';
import { GRAPH_KIND } from './meta';
import { ingestGraph } from './ingest';
import { findGraph, readGraph } from './reader';
import { graphMessageSchema } from './schema';
import { GRAPH_SCHEMA, GraphTable } from './sqlite-table';

/** The model as plot_model draws it: layers, call sites and shapes. See http-api.md. */
export const graphKind = defineKind({
  name: GRAPH_KIND,
  messages: [graphMessageSchema],
  schema: GRAPH_SCHEMA,
  openTables: (store) => new GraphTable(store.db),
  ingest: ingestGraph,
  readers: { graph: readGraph, find: findGraph },
});
