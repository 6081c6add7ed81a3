import { z } from 'zod';
import { kindMessageSchema } from '../../protocol/ingest-messages';
import { MAX_GRAPH_DEPTH, MAX_GRAPH_EDGES, MAX_GRAPH_NODES, type ModelGraph } from './meta';

const MAX_CALL_SITES = 1_000;
const MAX_RANK = 16;
/** Tensors one call takes or returns: a Concatenate of many branches stays well inside. */
const MAX_TENSORS_PER_CALL = 256;

const nameSchema = z.string().min(1).max(200);
const indexSchema = z.number().int().nonnegative();
const shapeSchema = z.array(z.number().int().nonnegative().nullable()).max(MAX_RANK);
const shapesPerCallSite = z.array(z.array(shapeSchema).max(MAX_TENSORS_PER_CALL)).min(1).max(MAX_CALL_SITES);

const edgeSchema = z.object({
  source: nameSchema,
  sourceCallSite: indexSchema,
  sourceTensor: indexSchema,
  target: nameSchema,
  targetCallSite: indexSchema,
  targetInput: indexSchema,
});

const outputSchema = z.object({ node: nameSchema, callSite: indexSchema, tensor: indexSchema });

type Issue = (message: string, path: (string | number)[]) => void;

/** Every reference inside one graph level points at a node, a call site and a tensor that exist. */
function checkReferences(graph: ModelGraph, issue: Issue): void {
  const byId = new Map<string, ModelGraph['nodes'][number]>();
  graph.nodes.forEach((node, i) => {
    if (byId.has(node.id)) issue(`node id "${node.id}" is not unique`, ['nodes', i, 'id']);
    byId.set(node.id, node);
  });
  const check = (id: string, callSite: number, tensor: number, side: 'inputShapes' | 'outputShapes', path: (string | number)[]) => {
    const node = byId.get(id);
    if (!node) return issue(`no node "${id}"`, path);
    if (callSite >= node.callSites) return issue(`node "${id}" has ${node.callSites} call site(s), not ${callSite + 1}`, path);
    const tensors = node[side][callSite];
    // Refinements run even when a field already failed, so an index may still be negative here.
    if (!tensors) return issue(`node "${id}" has no call site ${callSite}`, path);
    const count = tensors.length;
    if (tensor >= count) issue(`call ${callSite} of node "${id}" has ${count} ${side === 'inputShapes' ? 'input' : 'output'}(s), not ${tensor + 1}`, path);
  };
  graph.edges.forEach((e, i) => {
    check(e.source, e.sourceCallSite, e.sourceTensor, 'outputShapes', ['edges', i, 'source']);
    check(e.target, e.targetCallSite, e.targetInput, 'inputShapes', ['edges', i, 'target']);
  });
  graph.outputs.forEach((o, i) => check(o.node, o.callSite, o.tensor, 'outputShapes', ['outputs', i]));
}

/**
 * The schema of a graph at one nesting depth. Built level by level up to the cap instead of
 * recursively, so a hostile message nested a thousand deep is refused without deep recursion.
 */
function graphAt(depth: number): z.ZodType<ModelGraph> {
  const nested =
    depth < MAX_GRAPH_DEPTH ? graphAt(depth + 1).optional() : z.undefined({ error: `models nest at most ${MAX_GRAPH_DEPTH} deep` }).optional();
  const node = z
    .object({
      id: nameSchema,
      className: nameSchema,
      name: nameSchema,
      callSites: z.number().int().min(1).max(MAX_CALL_SITES),
      inputShapes: shapesPerCallSite,
      outputShapes: shapesPerCallSite,
      params: indexSchema,
      input: indexSchema.optional(),
      nested,
    })
    .refine((n) => n.inputShapes.length === n.callSites && n.outputShapes.length === n.callSites, {
      message: 'inputShapes and outputShapes need one entry per call site',
      path: ['callSites'],
    });
  return z
    .object({
      name: nameSchema,
      className: nameSchema,
      nodes: z.array(node).min(1).max(MAX_GRAPH_NODES),
      edges: z.array(edgeSchema).max(MAX_GRAPH_EDGES),
      outputs: z.array(outputSchema).min(1).max(MAX_TENSORS_PER_CALL),
    })
    .superRefine((graph, ctx) => checkReferences(graph, (message, path) => ctx.addIssue({ code: 'custom', message, path })));
}

export function countNodes(graph: ModelGraph): number {
  return graph.nodes.reduce((n, node) => n + 1 + (node.nested ? countNodes(node.nested) : 0), 0);
}

/** A whole model graph as the trainer sends it: references checked at every level, nodes capped in total. */
export const modelGraphSchema = graphAt(0).refine((g) => countNodes(g) <= MAX_GRAPH_NODES, {
  message: `at most ${MAX_GRAPH_NODES} nodes in all, nested graphs included`,
  path: ['nodes'],
});

/** The run's model graph, sent once at the start of training; a resend replaces it. */
export const graphMessageSchema = kindMessageSchema('graph', { graph: modelGraphSchema });
export type GraphMessage = z.infer<typeof graphMessageSchema>;
