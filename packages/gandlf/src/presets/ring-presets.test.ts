import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ringData, ringScore } from '../test-utils/ring';
import { hingeSnRing } from './hinge-sn-ring';
import type { RingPreset } from './ring-preset';
import { wganGpRing } from './wgan-gp-ring';

const presets: Record<string, () => RingPreset> = { 'WGAN-GP': wganGpRing, 'hinge + spectral norm': hingeSnRing };

// Each runs its default 20 epochs of 16 batches (320 generator steps, 640
// discriminator steps): about 35 s (WGAN-GP) and 20 s (hinge) on an idle
// 2-core machine. Seeded and on the deterministic cpu backend, every run is the same.
describe('ring presets learn the ring of 8 Gaussians (Node, cpu)', () => {
  for (const [name, preset] of Object.entries(presets)) {
    it(
      name,
      async () => {
        const data = ringData(2048, 1);
        const { model, targets, fitArgs } = preset();
        const before = await ringScore(model.sample(['normal'], { numSamples: 512, seed: 3 }) as tf.Tensor);
        await model.fit(['normal', data], targets, { ...fitArgs, seed: 5 });
        const samples = model.sample(['normal'], { numSamples: 512, seed: 3 }) as tf.Tensor;
        const after = await ringScore(samples);
        expect(before.near).toBeLessThan(0.3);
        expect(after.near).toBeGreaterThan(0.7);
        expect(after.modes).toBeGreaterThanOrEqual(7);
        // Leak-free: one more epoch leaves the tensor count as it was.
        const count = tf.memory().numTensors;
        await model.fit(['normal', data], targets, { epochs: 1, batchSize: 512 });
        expect(tf.memory().numTensors).toBe(count);
        tf.dispose([data, samples]);
      },
      120_000,
    );
  }
});
