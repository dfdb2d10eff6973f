import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { SpectralNormalization } from '../layers/spectral-normalization';
import { ringMlp } from './ring-preset';

describe('ringMlp', () => {
  it('names its output layer `${name}_out` and leaves it linear by default', () => {
    const net = ringMlp(2, 1, { hidden: 8, seed: 1, activation: 'relu', name: 'critic' });
    expect(net.outputNames).toEqual(['critic_out']);
    const y = tf.tidy(() =>
      (
        net.predict(
          tf.tensor2d([
            [40, -40],
            [-40, 40],
          ]),
        ) as tf.Tensor
      ).dataSync(),
    );
    // Far from the origin a linear head leaves [0, 1].
    expect(Math.max(...Array.from(y).map(Math.abs))).toBeGreaterThan(1);
    net.dispose();
  });

  it('takes an output name and a sigmoid head (a cross-entropy discriminator), and keeps the head free of spectral norm', () => {
    const net = ringMlp(2, 1, { hidden: 8, seed: 1, activation: 'leakyRelu', spectral: 'hidden', name: 'discriminator', outputName: 'src', outputActivation: 'sigmoid' });
    expect(net.outputNames).toEqual(['src']);
    expect(net.layers.filter((l) => l instanceof SpectralNormalization)).toHaveLength(2);
    const y = tf.tidy(() =>
      Array.from(
        (
          net.predict(
            tf.tensor2d([
              [40, -40],
              [-40, 40],
              [0, 0],
            ]),
          ) as tf.Tensor
        ).dataSync(),
      ),
    );
    for (const v of y) expect(v > 0 && v < 1, String(v)).toBe(true);
    net.dispose();
  });

  it('gives equal weights for equal seeds', () => {
    const [a, b] = [1, 1].map((seed) => ringMlp(4, 2, { hidden: 8, seed, activation: 'relu', name: 'generator' }));
    const wa = a!.getWeights().map((w) => Array.from(w.dataSync()));
    expect(b!.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(wa);
    a!.dispose();
    b!.dispose();
  });
});
