import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Model } from '../model/model';
import type { AdversarialOptimizer } from '../engine/adversarial-optimizer';
import { Alternating } from '../engine/alternating';
import { Scheduled } from '../engine/scheduled';
import { Simultaneous } from '../engine/simultaneous';
import { Unrolled } from '../engine/unrolled';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';

// The short soak CI runs; `node bench/soak.mjs` runs 10,000 steps per optimizer.
const STEPS = 150;

const optimizers: [string, () => AdversarialOptimizer][] = [
  ['Simultaneous', () => new Simultaneous()],
  ['Alternating', () => new Alternating({ steps: { discriminator: 2 } })],
  ['Scheduled', () => new Scheduled(['discriminator', 'generator'])],
  ['Unrolled', () => new Unrolled({ depth: 3 })],
];

describe(`soak: ${STEPS} steps per adversarial optimizer`, () => {
  for (const [name, make] of optimizers) {
    it(`${name} keeps tensors and bytes flat`, async () => {
      const model = new Model({ generator: mlpGenerator(4, 2, 8), discriminator: mlpDiscriminator(2, 8) });
      model.compile({ optimizer: tf.train.adam(1e-3, 0.5, 0.999, 1e-7), loss: 'binaryCrossentropy', adversarialOptimizer: make() });
      const x = tf.randomNormal([STEPS * 8, 2]);
      const seen: { numTensors: number; numBytes: number }[] = [];
      await model.fit(['normal', x], ['zeros', 'ones'], {
        batchSize: 8,
        yieldEvery: 'never',
        callbacks: [{ onBatchEnd: (b) => void (b % 25 === 24 && seen.push(tf.memory())) }],
      });
      expect(model.step).toBe(STEPS);
      // Warm-up (optimizer slots) happens in the first batches; after that nothing grows.
      const [first, ...rest] = seen;
      for (const m of rest) {
        expect(m.numTensors).toBe(first!.numTensors);
        expect(m.numBytes).toBe(first!.numBytes);
      }
      x.dispose();
    });
  }
});
