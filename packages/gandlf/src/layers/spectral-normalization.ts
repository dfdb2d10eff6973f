import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import { optionKeys, requireOptions } from '../options';
import { DESERIALIZER_KEYS, LAYER_ARG_KEYS, LayerWrapper, oneShape, oneTensor, type LayerWrapperArgs } from './layer-wrapper';

/** Arguments of {@link SpectralNormalization}. */
export interface SpectralNormalizationArgs extends LayerWrapperArgs {
  /** Power-iteration steps per training call; one suffices because `u` persists across calls. @default 1 */
  powerIterations?: number;
  /** Seeds the initial `u`. @default unseeded */
  seed?: number;
  /** Keeps the vector normalisations finite. @default 1e-12 */
  epsilon?: number;
}

const SPECTRAL_NORMALIZATION_KEYS = optionKeys<SpectralNormalizationArgs>()({ ...LAYER_ARG_KEYS, layer: true, powerIterations: true, seed: true, epsilon: true });

const SUPPORTED = ['Dense', 'Conv2D'];

/**
 * Spectral normalisation (Miyato et al. 2018) as a layer wrapper around a
 * `Dense` or `Conv2D` layer: the kernel `W`, seen as a matrix
 * `[inputs, units]`, is divided by its largest singular value σ, so the layer
 * is 1-Lipschitz and the discriminator cannot sharpen without bound.
 *
 * σ is estimated by power iteration with a persistent vector `u` (a
 * non-trainable weight): each training call runs `powerIterations` steps
 * `v = norm(u Wᵀ)`, `u = norm(v W)`, stores `u`, and uses `σ = v W uᵀ`.
 * Inference calls reuse the stored `u` without updating it. As in the paper,
 * no gradient flows through `u` and `v`.
 *
 * @example
 * const h = new layers.SpectralNormalization({ layer: tf.layers.dense({ units: 64, activation: 'relu' }) }).apply(x);
 *
 * @param layer A `Dense` or `Conv2D` layer (channels last); the wrapper owns its weights.
 * @param powerIterations Steps per training call.
 * @param seed Seeds the initial `u`.
 */
export class SpectralNormalization extends LayerWrapper {
  static className = 'GandlfSpectralNormalization';
  readonly powerIterations: number;
  readonly seed: number | undefined;
  readonly epsilon: number;
  private u: tf.LayerVariable | null = null;
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;
  private activation: tf.layers.Layer | null = null;
  /** Power iteration for training calls, and the plain `v = norm(u Wᵀ)` for inference. */
  private readonly estimate: { train: PowerIteration; infer: PowerIteration };

  constructor(options: SpectralNormalizationArgs) {
    const { powerIterations = 1, seed, epsilon = 1e-12, ...args } = requireOptions(options, SPECTRAL_NORMALIZATION_KEYS, 'SpectralNormalization', 'args', DESERIALIZER_KEYS);
    super(args, 'SpectralNormalization');
    const fn = 'SpectralNormalization';
    const kind = this.layer.getClassName();
    if (!SUPPORTED.includes(kind)) {
      throw new InvalidArgumentError(`Argument 'layer' passed to '${fn}' must be a Dense or Conv2D layer. Received: layer of class ${describe(kind)}`);
    }
    if (!Number.isInteger(powerIterations) || powerIterations < 1) {
      throw new InvalidArgumentError(`Argument 'powerIterations' passed to '${fn}' must be a positive integer. Received: powerIterations=${describe(powerIterations)}`);
    }
    this.powerIterations = powerIterations;
    this.seed = seed;
    this.epsilon = epsilon;
    this.estimate = { train: powerIteration(powerIterations, epsilon), infer: powerIteration(0, epsilon) };
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = oneShape(inputShape);
    this.buildInner(shape);
    const config = this.layer.getConfig();
    if (config.dataFormat === 'channelsFirst') {
      throw new InvalidArgumentError(`'SpectralNormalization' supports channels-last Conv2D layers only. Received: dataFormat="channelsFirst"`);
    }
    const weights = this.layer.trainableWeights;
    this.kernel = weights.find((w) => /kernel/.test(w.originalName)) ?? null;
    this.bias = weights.find((w) => /bias/.test(w.originalName)) ?? null;
    if (!this.kernel) throw new InvalidArgumentError(`'SpectralNormalization': layer '${this.layer.name}' has no kernel. Received: weights ${describe(weights.map((w) => w.originalName))}`);
    const units = this.kernel.shape[this.kernel.shape.length - 1] as number;
    this.u = this.addWeight('u', [1, units], 'float32', tf.initializers.randomNormal({ mean: 0, stddev: 1, ...(this.seed === undefined ? {} : { seed: this.seed }) }), undefined, false);
    const activation = config.activation as string | undefined;
    this.activation = activation && activation !== 'linear' ? tf.layers.activation({ activation: activation as never }) : null;
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return this.layer.computeOutputShape(inputShape);
  }

  /** The current estimate of the kernel's largest singular value (from the stored `u`). */
  sigma(): number {
    return tf.tidy(() => this.normalized(false).sigma.dataSync()[0] as number);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = oneTensor(inputs);
    return tf.tidy(() => {
      const { kernel } = this.normalized(kwargs.training === true);
      let y = this.layer.getClassName() === 'Dense' ? dense(x, kernel) : this.conv(x, kernel);
      if (this.bias) y = tf.add(y, this.bias.read());
      return this.activation ? oneTensor(this.activation.call(y, {})) : y;
    });
  }

  /** `W / σ` with `σ = v W uᵀ`; a training call (`update`) first advances and stores `u`. */
  private normalized(update: boolean): { kernel: tf.Tensor; sigma: tf.Scalar } {
    const w = this.kernel!.read();
    const units = w.shape[w.shape.length - 1] as number;
    const wm = tf.reshape(w, [-1, units]) as tf.Tensor2D;
    const uv = this.estimate[update ? 'train' : 'infer'](wm, this.u!.read() as tf.Tensor2D);
    const inputs = wm.shape[0];
    const v = tf.slice(uv, [0, 0], [1, inputs]);
    const u = tf.slice(uv, [0, inputs], [1, units]);
    if (update) this.u!.write(u);
    const sigma = tf.sum(tf.mul(tf.matMul(v, wm), u)) as tf.Scalar;
    return { kernel: tf.div(w, sigma), sigma };
  }

  private conv(x: tf.Tensor, kernel: tf.Tensor): tf.Tensor {
    const c = this.layer.getConfig() as { strides: number[]; padding: 'valid' | 'same'; dilationRate: number[] };
    return tf.conv2d(x as tf.Tensor4D, kernel as tf.Tensor4D, c.strides as [number, number], c.padding, 'NHWC', c.dilationRate as [number, number]);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      powerIterations: this.powerIterations,
      epsilon: this.epsilon,
      ...(this.seed === undefined ? {} : { seed: this.seed }),
    };
  }
}
tf.serialization.registerClass(SpectralNormalization);

/** `x W` for inputs of any rank (`[..., inputs]`). */
function dense(x: tf.Tensor, w: tf.Tensor): tf.Tensor {
  if (x.rank === 2) return tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D);
  const lead = x.shape.slice(0, -1);
  const flat = tf.matMul(tf.reshape(x, [-1, x.shape[x.rank - 1] as number]) as tf.Tensor2D, w as tf.Tensor2D);
  return tf.reshape(flat, [...lead, w.shape[1] as number]);
}

type PowerIteration = (wm: tf.Tensor2D, u: tf.Tensor2D) => tf.Tensor2D;

/**
 * `steps` power-iteration steps behind a zero gradient: returns `[v, u]` side
 * by side in one row, where `v = norm(u Wᵀ)` for the final `u` (so 0 steps
 * keep `u` and only compute `v`). Its inner ops are not recorded on the
 * gradient tape.
 */
function powerIteration(steps: number, epsilon: number): PowerIteration {
  const normalize = (t: tf.Tensor2D) => tf.div(t, tf.add(tf.norm(t), epsilon)) as tf.Tensor2D;
  return tf.customGrad((wm, u0) => {
    const w = wm as tf.Tensor2D;
    let u = u0 as tf.Tensor2D;
    let v = normalize(tf.matMul(u, w, false, true));
    for (let i = 0; i < steps; i++) {
      u = normalize(tf.matMul(v, w));
      if (i < steps - 1) v = normalize(tf.matMul(u, w, false, true));
    }
    return {
      value: tf.concat([v, u], 1) as tf.Tensor2D,
      gradFunc: () => [tf.zerosLike(wm as tf.Tensor), tf.zerosLike(u0 as tf.Tensor)],
    };
  }) as PowerIteration;
}
