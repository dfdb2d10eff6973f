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
 * Takes `z` out of a GAN's inputs (keras_adversarial's `eliminate_z`): the
 * model `x -> gan([latentSampling(x), x])`, which draws `z` inside with the
 * batch size of `x`, keeps the GAN's output names (through `fixNames`) and
 * its name. The networks are shared with `gan`, not copied.
 *
 * `z` must be the GAN's first input, as in `buildGan`. The Python takes
 * exactly `[z, x]`; here any further inputs (e.g. a class label) stay inputs,
 * in order, and `latentSampling` sees the first of them.
 *
 * @example
 * const game = helpers.eliminateZ(helpers.buildGan(g, d), helpers.normalLatentSampling([100])); // x -> [yFake, yReal]
 *
 * @param gan A model whose first input is `z`, e.g. from `buildGan`.
 * @param latentSampling A layer that draws `z` for a batch of `x`, e.g. `normalLatentSampling([latentDim])`.
 */
export function eliminateZ(gan: tf.LayersModel, latentSampling: tf.layers.Layer): tf.LayersModel {
  const fn = 'eliminateZ';
  if (!(gan instanceof tf.LayersModel)) throw new InvalidArgumentError(`Argument 'gan' passed to '${fn}' must be a tf.LayersModel. Received: gan=${describe(gan)}`);
  if (!(latentSampling instanceof tf.layers.Layer)) {
    throw new InvalidArgumentError(`Argument 'latentSampling' passed to '${fn}' must be a layer, e.g. normalLatentSampling([100]). Received: latentSampling=${describe(latentSampling)}`);
  }
  if (gan.inputs.length < 2) {
    throw new ShapeMismatchError(`Argument 'gan' passed to '${fn}' must take [z, x]: z first, then the real data. Received: a model with ${gan.inputs.length} input(s)`);
  }
  const rest = freshInputs(gan).slice(1);
  const z = latentSampling.apply(rest[0]!) as tf.SymbolicTensor;
  assertFeeds([z], gan.inputs, fn, 'latent sample');
  const outputs = gan.apply([z, ...rest]) as tf.SymbolicTensor | tf.SymbolicTensor[];
  return tf.model({ inputs: rest, outputs: fixNames(outputs, outputNames(gan)), name: gan.name });
}

/** A model's output names, read from its output layers (a Sequential has none before compile). */
function outputNames(model: tf.LayersModel): string[] {
  return model.outputs.map((t, k) => model.outputNames?.[k] ?? t.sourceLayer.name);
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
