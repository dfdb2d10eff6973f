import * as tf from '@tensorflow/tfjs';
import { assertCount, checkShape } from '../data/data';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { checkOptions } from '../options';
import { assertSeed, SAMPLE_ARGS_KEYS, type SampleArgs } from '../data/sample-args';
import { Random } from '../random';
import { drawAll, shortcutSource, type ModelInputs, type Shortcut } from './shortcuts';

export type { SampleArgs } from '../data/sample-args';

/**
 * Runs one network of a `Model` on inputs given as tensors or shortcuts
 * (drawn `numSamples` times from a stream seeded by `seed`): `sample` and `predict`.
 */
export function runNetwork(net: tf.LayersModel, role: 'generator' | 'discriminator', inputs: ModelInputs, args: SampleArgs | undefined, fn: string): tf.Tensor | tf.Tensor[] {
  const { numSamples, batchSize = 32, seed } = checkOptions(args, SAMPLE_ARGS_KEYS, fn);
  const xs = Array.isArray(inputs) ? (inputs as Shortcut[]) : [inputs as Shortcut];
  if (xs.length !== net.inputs.length) {
    throw new ShapeMismatchError(`Argument 'inputs' passed to '${fn}' must hold ${net.inputs.length} input(s) of the ${role}. Received: ${xs.length}`);
  }
  const sources = xs.map((s, i) => shortcutSource(s, net.inputs[i]!.shape, `Input ${i}`, fn));
  const lengths = sources.filter((s): s is tf.Tensor => s instanceof tf.Tensor).map((t) => t.shape[0] as number);
  const n = numSamples ?? lengths[0];
  if (n === undefined) {
    throw new InvalidArgumentError(`'${fn}' cannot tell how many samples to draw: no input is a tensor. Pass 'numSamples'. Received: numSamples=undefined`);
  }
  if (!Number.isInteger(n) || n <= 0 || lengths.some((l) => l !== n)) {
    throw new InvalidArgumentError(`'${fn}': numSamples must be a positive integer that matches the tensors given. Received: numSamples=${describe(numSamples)}, tensor lengths ${describe(lengths)}`);
  }
  const perSample = net.inputs.reduce((sum, t) => sum + t.shape.slice(1).reduce<number>((a, d) => a * (d ?? 1), 1), 0);
  if (n * perSample > 2 ** 28) {
    throw new InvalidArgumentError(
      `'${fn}' would draw ${n} samples (${n * perSample} values) at once, more than fits in memory; draw fewer, in several calls. Received: numSamples=${describe(numSamples)}`,
    );
  }
  assertSeed(seed, fn);
  assertCount(batchSize, 'batchSize', fn, 1);
  const random = new Random(seed);
  return tf.tidy(() => {
    const data = sources.map((s, i) => {
      const t = drawAll(s, n, net.inputs[i]!.shape, random);
      checkShape(t, { label: `Input ${i}`, shape: net.inputs[i]!.shape }, fn, n);
      return t.dtype === 'float32' ? t : t.toFloat();
    });
    return net.predict(data.length === 1 ? data[0]! : data, { batchSize });
  });
}
