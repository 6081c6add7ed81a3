/**
 * A `--callbacks` module for the peak-RSS run: after each epoch, prints the live tensor count on
 * stderr, and how many of those are the epoch metrics tfjs's History holds until fit() returns
 * (it reads them then), so the benchmark can show that the rest stays flat across epochs.
 */
import * as tf from '@tensorflow/tfjs';

class ReportTensors extends tf.Callback {
  override async onEpochEnd(epoch: number): Promise<void> {
    const history = (this.model as tf.LayersModel).history?.history ?? {};
    const held = Object.values(history).flat().filter((value) => value instanceof tf.Tensor).length;
    process.stderr.write(`tensorlens-tensors ${epoch + 1} ${tf.memory().numTensors} ${held}\n`);
  }
}

export const callbacks = new ReportTensors();
