import * as tf from '@tensorflow/tfjs';
import { AdversarialModel } from '../engine/adversarial-model';
import type { AdversarialOptimizer } from '../engine/adversarial-optimizer';

/**
 * The game min_x max_y x*y, with x and y as 1x1 dense kernels fed a constant 1.
 * Player 'x' minimises the output, player 'y' maximises it. With `yL2 = c`,
 * y's kernel carries an L2 regularizer, so y's loss is `-x*y + c*y²`.
 */
export function bilinearGame(
  adversarialOptimizer: AdversarialOptimizer,
  { x0 = 1, y0 = 0.5, yL2, optimizers }: { x0?: number; y0?: number; yL2?: number; optimizers?: () => [tf.Optimizer, tf.Optimizer] } = {},
) {
  const input = tf.input({ shape: [1] });
  const lx = tf.layers.dense({ units: 1, useBias: false, kernelInitializer: tf.initializers.constant({ value: x0 }) });
  const ly = tf.layers.dense({
    units: 1,
    useBias: false,
    kernelInitializer: tf.initializers.constant({ value: y0 }),
    ...(yL2 === undefined ? {} : { kernelRegularizer: tf.regularizers.l2({ l2: yL2 }) }),
  });
  const out = tf.layers.multiply().apply([lx.apply(input), ly.apply(input)] as tf.SymbolicTensor[]) as tf.SymbolicTensor;
  const baseModel = tf.model({ inputs: input, outputs: out });
  const game = new AdversarialModel({
    baseModel,
    playerParams: [lx.trainableWeights, ly.trainableWeights],
    playerNames: ['x', 'y'],
  });
  game.compile({
    adversarialOptimizer,
    playerOptimizers: optimizers ? optimizers() : [tf.train.sgd(0.1), tf.train.sgd(0.1)],
    loss: 'minimize',
    playerCompileArgs: [{ loss: 'minimize' }, { loss: 'maximize' }],
  });
  const ones = tf.ones([1, 1]);
  const zeros = tf.zeros([1, 1]);
  return {
    game,
    /** Current (x, y). */
    xy: (): [number, number] => [lx.getWeights()[0]!.dataSync()[0]!, ly.getWeights()[0]!.dataSync()[0]!],
    step: () => game.trainOnBatch(ones, [zeros, zeros]),
    dispose: () => tf.dispose([ones, zeros]),
  };
}
