import { Run } from '../../lib/client/run';
import { expect, test } from './fixtures';

test('the run page shows the backend with its threads and Tensorlens kernels', async ({ page, serverUrl }) => {
  const kernels = ['Conv2DBackpropFilter', 'UnsortedSegmentSum'];
  const run = new Run({
    server: serverUrl,
    name: 'backend-shown',
    backend: 'wasm',
    config: { backend: { name: 'wasm', package: '@tensorflow/tfjs-backend-wasm', threads: 2, kernels, fallbackReasons: [] } },
  });
  try {
    run.log({ 'batch/loss': 0.5 }, 1);
    expect(await run.drained(15_000)).toBe(true);
    await page.goto(`/runs/${run.id}`);
    const details = page.getByTestId('backend-details');
    await expect(details).toHaveText('2 threads · 2 Tensorlens kernels');
    await expect(details).toHaveAttribute('title', ['@tensorflow/tfjs-backend-wasm', ...kernels].join('\n'));
  } finally {
    run.close();
  }
});
