import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';

/**
 * Gives model outputs stable names through linear activations (keras_adversarial's
 * `fix_names`): one name per output, or one name for all (`name_0`, `name_1`, ...
 * when there are several).
 *
 * @example const [yFake, yReal] = helpers.fixNames([a, b], ['yFake', 'yReal']);
 *
 * @param outputs The outputs to name.
 * @param names One name per output, or a single name.
 */
export function fixNames(outputs: tf.SymbolicTensor | tf.SymbolicTensor[], names: string | readonly string[]): tf.SymbolicTensor[] {
  const list = Array.isArray(outputs) ? outputs : [outputs];
  if (typeof names !== 'string' && (!Array.isArray(names) || names.some((n) => typeof n !== 'string' || n === ''))) {
    throw new InvalidArgumentError(`Argument 'names' passed to 'fixNames' must be a string or a list of strings. Received: names=${describe(names)}`);
  }
  if (typeof names !== 'string' && names.length !== list.length) {
    throw new ShapeMismatchError(`Argument 'names' passed to 'fixNames' must list one name per output (${list.length}). Received: names=${describe(names)} (${names.length} names)`);
  }
  const nameOf = (k: number) => (typeof names === 'string' ? (list.length === 1 ? names : `${names}_${k}`) : names[k]!);
  return list.map((o, k) => tf.layers.activation({ activation: 'linear', name: nameOf(k) }).apply(o) as tf.SymbolicTensor);
}

function freshInputs(model: tf.LayersModel): tf.SymbolicTensor[] {
  return model.inputs.map((t) => tf.input({ shape: t.shape.slice(1) as number[], dtype: t.dtype }));
}

function assertFeeds(from: tf.SymbolicTensor[], to: tf.SymbolicTensor[], fn: string, what: string): void {
  from.forEach((t, i) => {
    const want = to[i]?.shape.slice(1).join(',');
    if (want !== t.shape.slice(1).join(',')) {
      throw new ShapeMismatchError(`'${fn}': ${what} ${i} has shape [${t.shape.slice(1).join(',')}] but the model it feeds expects [${want ?? 'nothing'}]. Received: ${describe(t.shape)}`);
    }
  });
}

/**
 * The GAN game model `(z, x) -> [yFake, yReal]`: `yFake = D(G(z))` and
 * `yReal = D(x)`. The discriminator's weights are shared by both outputs.
 *
 * @example
 * const gan = new AdversarialModel({ baseModel: helpers.buildGan(g, d), playerParams: [g.trainableWeights, d.trainableWeights] });
 */
export function buildGan(generator: tf.LayersModel, discriminator: tf.LayersModel): tf.LayersModel {
  assertFeeds(generator.outputs, discriminator.inputs, 'buildGan', 'generator output');
  const z = freshInputs(generator);
  const x = freshInputs(discriminator);
  const yFake = fixNames(discriminator.apply(generator.apply(z.length === 1 ? z[0]! : z) as tf.SymbolicTensor) as tf.SymbolicTensor, 'yFake');
  const yReal = fixNames(discriminator.apply(x.length === 1 ? x[0]! : x) as tf.SymbolicTensor, 'yReal');
  return tf.model({ inputs: [...z, ...x], outputs: [...yFake, ...yReal], name: 'gan' });
}

/**
 * A GAN that takes only real data: `x -> [yFake, yReal]`, with `z` drawn
 * inside the model by `latentSampling` (e.g. `normalLatentSampling([100])`).
 */
export function simpleGan(generator: tf.LayersModel, discriminator: tf.LayersModel, latentSampling: tf.layers.Layer): tf.LayersModel {
  assertFeeds(generator.outputs, discriminator.inputs, 'simpleGan', 'generator output');
  const x = tf.input({ shape: discriminator.inputs[0]!.shape.slice(1) as number[] });
  const z = latentSampling.apply(x) as tf.SymbolicTensor;
  assertFeeds([z], generator.inputs, 'simpleGan', 'latent sample');
  const yFake = fixNames(discriminator.apply(generator.apply(z) as tf.SymbolicTensor) as tf.SymbolicTensor, 'yFake');
  const yReal = fixNames(discriminator.apply(x) as tf.SymbolicTensor, 'yReal');
  return tf.model({ inputs: x, outputs: [...yFake, ...yReal], name: 'gan' });
}

/**
 * The BiGAN game model (Donahue et al., 2017). The discriminator scores
 * `(z, x)` pairs: `yFake = D([z, G(z)])` and `yReal = D([E(x), x])`.
 * Inputs are `[z, x]`, or `[x]` when `latentSampling` draws `z`.
 */
export function simpleBigan(generator: tf.LayersModel, encoder: tf.LayersModel, discriminator: tf.LayersModel, latentSampling?: tf.layers.Layer): tf.LayersModel {
  const x = tf.input({ shape: encoder.inputs[0]!.shape.slice(1) as number[] });
  const z = latentSampling ? (latentSampling.apply(x) as tf.SymbolicTensor) : tf.input({ shape: generator.inputs[0]!.shape.slice(1) as number[] });
  assertFeeds([z, generator.apply(z) as tf.SymbolicTensor], discriminator.inputs, 'simpleBigan', 'discriminator input');
  const zReal = encoder.apply(x) as tf.SymbolicTensor;
  const yFake = fixNames(discriminator.apply([z, generator.apply(z) as tf.SymbolicTensor]) as tf.SymbolicTensor, 'yFake');
  const yReal = fixNames(discriminator.apply([zReal, x]) as tf.SymbolicTensor, 'yReal');
  return tf.model({ inputs: latentSampling ? [x] : [z, x], outputs: [...yFake, ...yReal], name: 'bigan' });
}
