import * as tf from '@tensorflow/tfjs';
import { Alternating, Simultaneous, Unrolled } from 'gandlf';
import { describe, expect, it } from 'vitest';
import { adversarialOptimizer, ganLoss, ganTraining } from './gan';

describe('the GAN knobs as gandlf objects', () => {
  it('ganLoss: the head, the Model targets and keras_adversarial targets of each loss', () => {
    const bce = ganLoss('binaryCrossentropy');
    expect([bce.activation, bce.targets]).toEqual(['sigmoid', ['zeros', 'ones']]);
    const hinge = ganLoss('hinge');
    expect([hinge.activation, hinge.targets]).toEqual(['linear', [-1, 1]]);
    const values = (ts: tf.Tensor[]) => ts.map((t) => t.dataSync()[0]);
    const [a, b] = [bce.playerTargets(2), hinge.playerTargets(2)];
    expect(values(a)).toEqual([1, 0, 0, 1]);
    expect(values(b)).toEqual([1, -1, -1, 1]);
    tf.dispose([...a, ...b]);
    expect(() => ganLoss('wasserstein')).toThrow(/Received: wasserstein/);
  });

  it('ganTraining: Adam with the knobs for D then G, epsilon fixed, and the named adversarial optimizer', () => {
    const t = ganTraining({ lrD: 1e-3, lrG: 2e-3, beta1: 0.5, adversarialOptimizer: 'unrolled', unrollDepth: 3 });
    expect(t.optimizer.map((o) => o.getConfig())).toEqual([
      { learningRate: 1e-3, beta1: 0.5, beta2: 0.999, epsilon: 1e-7 },
      { learningRate: 2e-3, beta1: 0.5, beta2: 0.999, epsilon: 1e-7 },
    ]);
    expect(t.adversarialOptimizer).toBeInstanceOf(Unrolled);
    expect(adversarialOptimizer('simultaneous')).toBeInstanceOf(Simultaneous);
    expect(adversarialOptimizer('alternating')).toBeInstanceOf(Alternating);
    expect(() => adversarialOptimizer('scheduled')).toThrow(/Received: scheduled/);
  });
});
