import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';
import { assertCount, bindSources, disposeOwned, listInputs, type InputsSpec, type Slot } from '../data/data';
import { checkOptions } from '../options';
import { assertSeed, SAMPLE_ARGS_KEYS, type SampleArgs } from '../data/sample-args';
import { Random } from '../random';
import { inputNamesOf } from './model-names';

/** Options of `AdversarialModel.predict`: those of `Model.predict`. */
export type PredictOptions = SampleArgs;

/**
 * Every player's outputs on `x`, in `targetNames` order (player-major), as
 * Keras's `predict` on an `AdversarialModel` returns them: inference mode
 * (`training: false`), in batches. A model that several players share runs
 * once; the later players get clones, so every returned tensor is the
 * caller's to dispose.
 */
export function predictPlayers(models: readonly tf.LayersModel[], x: InputsSpec, options: PredictOptions | undefined, fn = 'predict'): tf.Tensor[] {
  const { batchSize = 32, numSamples, seed } = checkOptions(options, SAMPLE_ARGS_KEYS, fn);
  assertCount(batchSize, 'batchSize', fn, 1);
  assertSeed(seed, fn);
  const first = models[0]!;
  const names = inputNamesOf(first);
  const slots: Slot[] = names.map((n, i) => ({ label: `Input '${n}'`, shape: first.inputs[i]!.shape }));
  const given = listInputs(x, names, fn);
  const { sources, numSamples: n } = bindSources(given, slots, fn, numSamples);
  try {
    if (n === undefined) {
      throw new InvalidArgumentError(`'${fn}' cannot tell how many samples to draw: no input is a tensor. Pass 'numSamples'. Received: numSamples=undefined`);
    }
    assertCount(n, 'numSamples', fn, 1);
    const random = new Random(seed);
    return tf.tidy(() => {
      const rows = tf.range(0, n, 1, 'int32') as tf.Tensor1D;
      const inputs = sources.map((s) => s.batch(rows, n, random, true));
      const outputs = new Map<tf.LayersModel, tf.Tensor[]>();
      return models.flatMap((m) => {
        const done = outputs.get(m);
        if (done) return done.map((t) => tf.clone(t));
        // LayersModel.predict runs in inference mode and batches by itself.
        const out = m.predict(inputs.length === 1 ? inputs[0]! : inputs, { batchSize });
        const list = Array.isArray(out) ? out : [out];
        outputs.set(m, list);
        return list;
      });
    });
  } finally {
    disposeOwned(sources, given);
  }
}
