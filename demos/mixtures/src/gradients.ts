import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, type Batch, type Model, type ModelTargets, type Player } from 'gandlf';

// Where the generator's loss pushes each generated point: minus its gradient
// with respect to G(z), taken through D and the run's own generator loss.

const SHORTCUT_VALUES: Readonly<Record<string, number>> = { zeros: 0, '0': 0, ones: 1, '1': 1 };

/**
 * The target gandlf's `Model` trains the generator's samples towards (its
 * `gen` mode), from the target shorthand of `trainOnBatch`: a list of 2 is
 * `[gen and real, fake]`, a list of 3 `[gen, fake, real]`, a record names `gen`.
 *
 * @example generatorTarget(['zeros', 'ones']) // 0: G learns fake -> the first target
 * @param targets Constant targets: numbers, or the shortcuts 'zeros' and 'ones'.
 */
export function generatorTarget(targets: ModelTargets): number {
  const gen = Array.isArray(targets)
    ? targets.length === 2 || targets.length === 3
      ? targets[0]
      : undefined
    : typeof targets === 'object' && !(targets instanceof tf.Tensor)
      ? (targets as Record<string, unknown>).gen
      : targets;
  const value = typeof gen === 'number' ? gen : typeof gen === 'string' ? SHORTCUT_VALUES[gen.toLowerCase()] : undefined;
  if (value === undefined) {
    throw new InvalidArgumentError(
      `Argument 'targets' passed to 'generatorTarget' must give the generator a constant target: a list [gen and real, fake], [gen, fake, real] or a record with 'gen', each a number, 'zeros' or 'ones'. Received: targets=${JSON.stringify(targets)}`,
    );
  }
  return value;
}

/** Options of {@link generatorPush}. */
export interface GeneratorPushOptions {
  /** The real batch the loss sees, `x, y, ...`: only losses that compare with real data read it (the relativistic ones). */
  real: Float32Array;
  /** The generator's target for D's output on its samples (see {@link generatorTarget}). */
  target: number;
}

/**
 * Minus the gradient of the run's generator loss with respect to each point of
 * `fake`, as if they were one batch of G(z): gandlf's own generator player
 * scores them (its compiled losses, loss weights and penalties), so the arrows
 * follow the loss the run trains G with, against the current D. Two
 * differences from a training step, both so that drawing leaves the run as it
 * was: D runs in inference mode (spectral normalisation then skips its power
 * iteration), and Unrolled's generator steps against D unrolled k steps ahead,
 * whereas these arrows use D as it is.
 *
 * @example const push = await generatorPush(model, points.subarray(0, 128), { real, target: 0 });
 * @param model A compiled gandlf `Model` whose generator makes 2-D points.
 * @param fake Points `x0, y0, x1, y1, ...`.
 * @returns `dx0, dy0, dx1, dy1, ...`: the batch-mean loss's gradient, so it scales as 1 / (points).
 */
export async function generatorPush(model: Model, fake: Float32Array, { real, target }: GeneratorPushOptions): Promise<Float32Array> {
  const g = model.adversarial.getPlayers().find((p) => p.name === 'generator');
  if (!g) throw new InvalidArgumentError(`'generatorPush' needs a compiled Model with a 'generator' player. Received: players ${model.adversarial.playerNames.join(', ')}`);
  const { layout } = model.game;
  if (layout.conditionalInputs.length > 0 || layout.realInputs.length !== 1) {
    throw new InvalidArgumentError(
      `'generatorPush' supports one generated sample and no conditional inputs. Received: ${layout.realInputs.length} samples, ${layout.conditionalInputs.length} conditional inputs`,
    );
  }
  const n = fake.length / 2;
  const push = tf.tidy(() => {
    const inputs: tf.Tensor[] = [];
    // The generator's inputs are not read when the samples are given; zeros of the right shapes fill their slots.
    layout.generatorInputs.forEach((pos, k) => (inputs[pos] = tf.zeros([n, ...(model.generator.inputs[k]!.shape.slice(1) as number[])])));
    inputs[layout.realInputs[0]!] = tf.tensor2d(real, [real.length / 2, 2]);
    const out = model.discriminator.outputs[0]!.shape.slice(1) as number[];
    const batch: Batch = { inputs, targets: [[tf.fill([n, ...out], target)], []] };
    // The player's values start with its total loss (Player.valueNames: 'loss' first).
    const loss = (x: tf.Tensor) => tf.squeeze(tf.slice(model.game.scoreGenerator(g as Player, batch, [x], false), 0, 1)) as tf.Scalar;
    return tf.neg(tf.grad(loss)(tf.tensor2d(fake, [n, 2])));
  });
  try {
    return new Float32Array(await push.data());
  } finally {
    push.dispose();
  }
}
