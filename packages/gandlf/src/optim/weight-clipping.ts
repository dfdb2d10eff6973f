import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, UnknownNameError } from '../errors';
import { checkOptions, optionKeys } from '../options';

/** Gradients by variable name, as `applyGradients` takes them. */
type VariableGradients = Parameters<tf.Optimizer['applyGradients']>[0];
/** Optimizer weights, as `getWeights` returns them. */
type NamedWeights = Parameters<tf.Optimizer['setWeights']>[0];

/** Options of {@link clipWeights}. */
export interface ClipWeightsOptions {
  /** c: every updated weight is clipped to [-c, c]. @default 0.01, as in the WGAN paper */
  clipValue?: number;
}

const CLIP_WEIGHTS_KEYS = optionKeys<ClipWeightsOptions>()({ clipValue: true });

/**
 * A tfjs optimizer that clips the variables it has just updated to
 * `[-clipValue, clipValue]` after every update: WGAN's weight clipping
 * (Arjovsky et al. 2017), a crude way to keep the critic Lipschitz. Wrap only
 * the critic's optimizer; the generator's weights are never clipped because
 * its own optimizer never sees them. It clips after each update, so every
 * critic step of `Alternating({ steps: { discriminator: 5 } })` is clipped.
 *
 * Slots, iterations and the learning rate are those of the wrapped optimizer,
 * and checkpoints restore the pair.
 *
 * @example
 * model.compile({ optimizer: [train.clipWeights(tf.train.rmsprop(5e-5), { clipValue: 0.01 }), tf.train.rmsprop(5e-5)], loss: 'wasserstein' });
 */
export class WeightClipping extends tf.Optimizer {
  static className = 'GandlfWeightClipping';

  constructor(
    /** The optimizer that computes the updates. */
    readonly optimizer: tf.Optimizer,
    readonly clipValue: number,
  ) {
    super();
    if (!(optimizer instanceof tf.Optimizer)) {
      throw new InvalidArgumentError(`Argument 'optimizer' passed to 'clipWeights' must be a tf.Optimizer. Received: optimizer=${describe(optimizer)}`);
    }
    if (typeof clipValue !== 'number' || !(clipValue > 0) || !Number.isFinite(clipValue)) {
      throw new InvalidArgumentError(`Option 'clipValue' passed to 'clipWeights' must be a positive number. Received: clipValue=${describe(clipValue)}`);
    }
  }

  override applyGradients(variableGradients: VariableGradients): void {
    this.optimizer.applyGradients(variableGradients);
    const names = Array.isArray(variableGradients) ? variableGradients.map((g) => g.name) : Object.keys(variableGradients);
    const variables = tf.engine().registeredVariables;
    tf.tidy(() => {
      for (const name of names) {
        const v = variables[name];
        if (v) v.assign(tf.clipByValue(v, -this.clipValue, this.clipValue));
      }
    });
  }

  override get iterations(): number {
    return this.optimizer.iterations;
  }

  /** The wrapped optimizer's learning rate (read by `adaptiveLearningRate`). */
  get learningRate(): number {
    return (this.optimizer as unknown as { learningRate: number }).learningRate;
  }

  set learningRate(value: number) {
    setLearningRate(this.optimizer, value, 'WeightClipping');
  }

  // The checkpoint writer reads Adam's running beta powers from these.
  get accBeta1(): unknown {
    return (this.optimizer as unknown as { accBeta1?: unknown }).accBeta1;
  }

  get accBeta2(): unknown {
    return (this.optimizer as unknown as { accBeta2?: unknown }).accBeta2;
  }

  override getWeights(): Promise<NamedWeights> {
    return this.optimizer.getWeights();
  }

  override setWeights(weightValues: NamedWeights): Promise<void> {
    return this.optimizer.setWeights(weightValues);
  }

  override dispose(): void {
    this.optimizer.dispose();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { clipValue: this.clipValue, optimizer: { className: this.optimizer.getClassName(), config: this.optimizer.getConfig() } };
  }

  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    const inner = config.optimizer as { className: string; config: tf.serialization.ConfigDict };
    const entry = tf.serialization.SerializationMap.getMap().classNameMap[inner.className];
    if (!entry) throw new UnknownNameError(`'WeightClipping' wraps the optimizer class '${inner.className}', which tfjs does not know. Received: ${describe(inner.className)}`);
    const [innerCls, fromConfig] = entry;
    return new cls(fromConfig(innerCls, inner.config), config.clipValue);
  }
}
tf.serialization.registerClass(WeightClipping);

/**
 * Wraps an optimizer so that every variable it updates is clipped to
 * `[-clipValue, clipValue]` afterwards (see {@link WeightClipping}).
 *
 * @example train.clipWeights(tf.train.rmsprop(5e-5), { clipValue: 0.01 })
 */
export function clipWeights(optimizer: tf.Optimizer, options: ClipWeightsOptions = {}): WeightClipping {
  const { clipValue = 0.01 } = checkOptions(options, CLIP_WEIGHTS_KEYS, 'clipWeights');
  return new WeightClipping(optimizer, clipValue);
}

/**
 * Sets a tfjs optimizer's learning rate: through `setLearningRate` where it
 * has one (SGD and momentum keep it as a tensor), else the `learningRate`
 * field that Adam, RMSProp and the others read on every update.
 */
export function setLearningRate(optimizer: tf.Optimizer, value: number, fn: string): void {
  const o = optimizer as unknown as { setLearningRate?: (lr: number) => void; learningRate?: unknown };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(value);
  else if (typeof o.learningRate === 'number' || optimizer instanceof WeightClipping) o.learningRate = value;
  else {
    throw new InvalidArgumentError(`'${fn}' cannot set the learning rate of ${optimizer.getClassName()}: it has no 'learningRate'. Received: optimizer=${describe(optimizer)}`);
  }
}
