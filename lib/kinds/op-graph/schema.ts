import { z } from 'zod';
import { kindMessageSchema } from '../../protocol/ingest-messages';
import { MAX_OP_NODES } from './meta';

const MAX_RANK = 32;
const name = z.string().min(1).max(1000);

const opNodeSchema = z.object({
  name,
  op: z.string().max(200),
  inputs: z.array(z.string().max(1000)).max(10_000),
  device: z.string().max(200),
  outputShapes: z.array(z.array(z.number().int().min(-1)).max(MAX_RANK).nullable()).max(1000),
  dtype: z.string().max(40).optional(),
});

/** Names are unique, so an input names at most one node; inputs naming no node are drawn as loose ends. */
export const opGraphSchema = z
  .object({ nodes: z.array(opNodeSchema).min(1).max(MAX_OP_NODES) })
  .refine((g) => new Set(g.nodes.map((n) => n.name)).size === g.nodes.length, { message: 'node names must be unique', path: ['nodes'] });

/** The run's op graph; a resend replaces it. */
export const opGraphMessageSchema = kindMessageSchema('op-graph', { graph: opGraphSchema });
export type OpGraphMessage = z.infer<typeof opGraphMessageSchema>;
