import type * as tf from '@tensorflow/tfjs';
import type { Run } from '../../lib/client/run';
import { modelGraphSchema } from '../../lib/kinds/graph/schema';
import { extractGraph } from './extract-graph';

function graphOrReason(model: tf.LayersModel) {
  try {
    const parsed = modelGraphSchema.safeParse(extractGraph(model));
    if (parsed.success) return { graph: parsed.data };
    return { reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'graph'}: ${i.message}`).join('; ') };
  } catch (e) {
    return { reason: (e as Error).message };
  }
}

/**
 * Sends the model's graph to the run, checked here against the server's own schema so that a
 * graph it would refuse is reported now, in the trainer's log. The model trains either way.
 */
export function logModelGraph(run: Run, model: tf.LayersModel, log: (line: string) => void): void {
  const { graph, reason } = graphOrReason(model);
  if (graph) run.logGraph(graph);
  else log(`model graph not sent: ${reason}`);
}
