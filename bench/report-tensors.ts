/**
 * A `--callbacks` module for the peak-RSS run: after each epoch, prints the live tensor count on
 * stderr, so the benchmark can show that a real trainer run's tensors stay flat across epochs.
 */
import * as tf from '@tensorflow/tfjs';

class ReportTensors extends tf.Callback {
  override async onEpochEnd(epoch: number): Promise<void> {
    process.stderr.write(`tensorlens-tensors ${epoch + 1} ${tf.memory().numTensors}\n`);
  }
}

export const callbacks = new ReportTensors();
