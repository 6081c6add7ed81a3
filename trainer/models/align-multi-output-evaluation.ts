import * as tf from '@tensorflow/tfjs';

type LossOrMetric = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

interface TestFunctionInternals {
  lossFunctions: LossOrMetric[];
  metricsTensors: Array<[LossOrMetric, number]>;
  testFunction: (data: tf.Tensor[]) => tf.Scalar[];
  makeTestFunction: () => void;
}

/**
 * tfjs 4's test function, behind fit()'s validation and evaluate(), pushes the running total
 * loss once per output and then each output's loss again, so a model with several outputs
 * gets every `val_*` and evaluate() value under the wrong name: val_loss is the first head's
 * loss, val_<head>_loss a partial sum (tensorflow/tfjs#5941). This replaces it, on this model
 * only, with one that returns what metricsNames describes: the total, then each metric
 * (the per-output losses first), computed as fit() computes the training values.
 */
export function alignMultiOutputEvaluation(model: tf.LayersModel): tf.LayersModel {
  if (model.outputs.length < 2) return model;
  const internals = model as unknown as TestFunctionInternals;
  internals.makeTestFunction = () => {
    internals.testFunction = (data) => tf.tidy(() => {
      const inputs = data.slice(0, model.inputs.length);
      const targets = data.slice(model.inputs.length, model.inputs.length + model.outputs.length);
      const outputs = model.apply(inputs.length === 1 ? inputs[0] : inputs, { training: false }) as tf.Tensor[];
      const losses = internals.lossFunctions.map((loss, i) => tf.mean(loss(targets[i], outputs[i])) as tf.Scalar);
      const metrics = internals.metricsTensors.map(([metric, i]) => tf.mean(metric(targets[i], outputs[i])) as tf.Scalar);
      return [tf.addN(losses) as tf.Scalar, ...metrics];
    });
  };
  return model;
}
