import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, UnknownOptionError } from '../errors';
import { adamOptimizer } from './adam-optimizer';
import { getOptimizer } from './get-optimizer';

describe('adamOptimizer', () => {
  it("is tfjs's Adam with the settings given and epsilon 1e-7 whatever the backend", () => {
    const opt = adamOptimizer({ learningRate: 2e-4, beta1: 0.5 });
    expect(opt).toBeInstanceOf(tf.AdamOptimizer);
    expect(opt.getConfig()).toEqual({ learningRate: 2e-4, beta1: 0.5, beta2: 0.999, epsilon: 1e-7 });
    expect(adamOptimizer({ beta2: 0.9, epsilon: 1e-8 }).getConfig()).toEqual({ learningRate: 0.001, beta1: 0.9, beta2: 0.9, epsilon: 1e-8 });
  });

  it("is what compile's 'adam' builds", () => {
    expect(getOptimizer('adam', 'compile').getConfig()).toEqual(adamOptimizer().getConfig());
  });

  it('rejects unknown options and bad values, naming them', () => {
    expect(() => adamOptimizer({ lr: 1 } as never)).toThrow(UnknownOptionError);
    expect(() => adamOptimizer({ beta1: 1 })).toThrow(InvalidArgumentError);
    expect(() => adamOptimizer({ learningRate: -1 })).toThrow(/'learningRate' passed to 'adamOptimizer'.*Received: learningRate=-1/);
  });
});
