import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError } from '../errors';
import { Random } from '../random';
import { checkOptions, optionKeys } from '../options';
import { DESERIALIZER_KEYS, LAYER_ARG_KEYS, oneShape, oneTensor, type LayerArgs } from './layer-wrapper';
import { getSimilarity, type SimilarityFn, type SimilarityName } from './similarities';

/** Arguments of {@link BatchSimilarity}. */
export interface BatchSimilarityArgs extends LayerArgs {
  /** One similarity or several (see `similarityNames()`). @default 'exp_l1', as in gandlf */
  similarity?: SimilarityName | readonly SimilarityName[];
  /**
   * Comparisons per similarity, each with a freshly drawn partner: one count
   * for every similarity, or a list with one count per similarity.
   * @default 1
   */
  n?: number | readonly number[];
  /** Seeds the choice of partners. @default unseeded */
  seed?: number;
}

const BATCH_SIMILARITY_KEYS = optionKeys<BatchSimilarityArgs>()({ ...LAYER_ARG_KEYS, similarity: true, n: true, seed: true });

/**
 * Minibatch discrimination in linear time (gandlf's `BatchSimilarity`, after
 * Salimans et al. 2016): each sample is compared with a random other sample of
 * the batch, `n` times per similarity, and the similarities become features.
 * A discriminator that sees them can tell a collapsed batch (all samples
 * alike) from a real one. Concatenate the output with the layer's input or a
 * hidden layer.
 *
 * Input `[batch, ...features]` (features are flattened); output
 * `[batch, sum of n]` (`n · similarities` for one `n`), similarity-major.
 * Unlike gandlf's Python, `getConfig` keeps `n`.
 *
 * @example
 * const sims = new layers.BatchSimilarity({ similarity: ['exp_l1', 'cosine'], n: [4, 2] }).apply(h); // [batch, 6]
 * const features = tf.layers.concatenate().apply([h, sims]);
 *
 * @param similarity Names from gandlf's similarities.
 * @param n Partners drawn per similarity: a number for all, or one per similarity.
 * @param seed Seeds the partners.
 */
export class BatchSimilarity extends tf.layers.Layer {
  static className = 'GandlfBatchSimilarity';
  readonly similarity: readonly SimilarityName[];
  /** `n` as given: a number, or one count per similarity. */
  readonly n: number | readonly number[];
  readonly seed: number | undefined;
  private readonly fns: SimilarityFn[];
  /** Comparisons per similarity, one entry each. */
  private readonly counts: readonly number[];
  private readonly random: Random;

  constructor(options: BatchSimilarityArgs = {}) {
    const { similarity = 'exp_l1', n = 1, seed, ...args } = checkOptions(options, BATCH_SIMILARITY_KEYS, 'BatchSimilarity', 'args', DESERIALIZER_KEYS);
    super(args);
    const fn = 'BatchSimilarity';
    const names = typeof similarity === 'string' ? [similarity] : [...(similarity ?? [])];
    if (names.length === 0) {
      throw new InvalidArgumentError(`Argument 'similarity' passed to '${fn}' must name at least one similarity. Received: similarity=${describe(similarity)}`);
    }
    this.fns = names.map((s) => getSimilarity(s, `'${fn}': argument 'similarity'`));
    const counts = typeof n === 'number' ? names.map(() => n) : Array.isArray(n) ? [...(n as readonly number[])] : [];
    if (counts.length !== names.length || !counts.every((k) => Number.isInteger(k) && k >= 1)) {
      const lengths = Array.isArray(n) && n.length !== names.length ? `; ${n.length} counts for ${names.length} similarities (${names.join(', ')})` : '';
      throw new InvalidArgumentError(`Argument 'n' passed to '${fn}' must be a positive integer, or a list of one positive integer per similarity${lengths}. Received: n=${describe(n)}`);
    }
    this.similarity = names;
    this.n = typeof n === 'number' ? n : Object.freeze([...counts]);
    this.counts = counts;
    this.seed = seed;
    this.random = new Random(seed);
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = oneShape(inputShape);
    if (shape.length < 2) {
      throw new ShapeMismatchError(`The input of 'BatchSimilarity' must be at least 2-D ([batch, features]). Received: shape [${shape.join(',')}]`);
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return [oneShape(inputShape)[0] ?? null, this.counts.reduce((a, b) => a + b, 0)];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = oneTensor(inputs);
    const b = x.shape[0] as number;
    return tf.tidy(() => {
      const flat = tf.reshape(x, [b, -1]) as tf.Tensor2D;
      const columns: tf.Tensor2D[] = [];
      for (const [j, sim] of this.fns.entries()) {
        for (let k = 0; k < this.counts[j]!; k++) columns.push(sim(flat, tf.gather(flat, tf.tensor1d(this.partners(b), 'int32'))));
      }
      return tf.concat(columns, 1);
    });
  }

  /** For each row, a uniformly drawn other row (itself only when the batch has one row). */
  private partners(b: number): Int32Array {
    const out = new Int32Array(b);
    for (let i = 0; i < b; i++) out[i] = b === 1 ? 0 : (i + 1 + Math.floor(this.random.next() * (b - 1))) % b;
    return out;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), similarity: [...this.similarity], n: typeof this.n === 'number' ? this.n : [...this.n], ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}
tf.serialization.registerClass(BatchSimilarity);
