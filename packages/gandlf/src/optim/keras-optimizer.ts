import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';

/** Gradients by variable name, as `applyGradients` takes them. */
type VariableGradients = Parameters<tf.Optimizer['applyGradients']>[0];
/** Optimizer weights, as `getWeights` returns them. */
type NamedWeights = Parameters<tf.Optimizer['setWeights']>[0];

/** Keras 1/2's time-based decay: the rate of the step after `iterations` steps, `lr / (1 + decay · iterations)`. */
export function decayedLearningRate(lr: number, decay: number, iterations: number): number {
  return lr / (1 + decay * iterations);
}

/** Keras 2's gradient clipping, which every Keras optimizer takes (`Adam(clipvalue=0.5)`). */
export interface KerasClipOptions {
  /** Scales all gradients together so that their joint L2 norm is at most this (Keras's `clipnorm`). @default none */
  clipnorm?: number;
  /** Clips each gradient element to `[-clipvalue, clipvalue]`, after `clipnorm` (Keras's `clipvalue`). @default none */
  clipvalue?: number;
}

/** The option keys of {@link KerasClipOptions}, for each optimizer's key list. */
export const CLIP_KEYS = { clipnorm: true, clipvalue: true } as const;

/**
 * The base of gandlf's Keras 2 optimizers (`train.sgd`, `train.adam`,
 * `train.rmsprop`): Keras's `decay` and update rules on a tfjs optimizer.
 *
 * The decayed rate is computed from the iteration count on every step, as
 * Keras computes it from `self.iterations`, so it needs no state of its own:
 * a checkpoint restores the count (the first of `getWeights`) and the
 * schedule continues exactly. Slots are kept per variable in the order of the
 * list given to `applyGradients`, as tfjs's optimizers keep theirs.
 */
export abstract class KerasOptimizer extends tf.Optimizer {
  /**
   * Keras's `lr`: the rate before decay. `setLearningRate` and
   * `learningRateScheduler` set it, and the decay still applies on top, as
   * in Keras.
   */
  learningRate: number;
  /** Keras's `decay`: the rate after `t` steps is `learningRate / (1 + decay · t)`. */
  readonly decay: number;
  readonly clipnorm: number | undefined;
  readonly clipvalue: number | undefined;
  /** `slots[k][i]`: slot `slotNames[k]` of the i-th variable. */
  private slots: { originalName: string; variable: tf.Variable }[][] = [];

  constructor(lr: number, decay: number, fn: string, { clipnorm, clipvalue }: KerasClipOptions = {}) {
    super();
    checkNumber(lr, 'lr', fn, 0);
    checkNumber(decay, 'decay', fn, 0);
    if (clipnorm !== undefined) checkNumber(clipnorm, 'clipnorm', fn, Number.MIN_VALUE);
    if (clipvalue !== undefined) checkNumber(clipvalue, 'clipvalue', fn, Number.MIN_VALUE);
    this.learningRate = lr;
    this.decay = decay;
    this.clipnorm = clipnorm;
    this.clipvalue = clipvalue;
  }

  /** `clipnorm` and `clipvalue` where set, for `getConfig`. */
  protected clipConfig(): tf.serialization.ConfigDict {
    return { ...(this.clipnorm !== undefined ? { clipnorm: this.clipnorm } : {}), ...(this.clipvalue !== undefined ? { clipvalue: this.clipvalue } : {}) };
  }

  /** Keras 2's `get_gradients`: the joint-norm clip, then the value clip. Runs inside `tf.tidy`. */
  private clip(gradients: (tf.Tensor | undefined)[]): (tf.Tensor | undefined)[] {
    let out = gradients;
    if (this.clipnorm !== undefined) {
      const present = out.filter((g): g is tf.Tensor => g != null);
      const norm = tf.sqrt(tf.addN(present.map((g) => tf.sum(tf.square(g)))));
      // Keras's clip_norm: g · c / n where n >= c, g otherwise.
      const scale = tf.where(tf.greaterEqual(norm, this.clipnorm), tf.div(this.clipnorm, norm), tf.onesLike(norm));
      out = out.map((g) => (g == null ? g : tf.mul(g, scale)));
    }
    if (this.clipvalue !== undefined) out = out.map((g) => (g == null ? g : tf.clipByValue(g, -this.clipvalue!, this.clipvalue!)));
    return out;
  }

  /** The names of the per-variable slots, e.g. `['m', 'v']`; `[]` for none. */
  protected abstract get slotNames(): readonly string[];

  /** Updates one variable in place; `slots` follow `slotNames`, `lr` is decayed, `t` counts from 1. Runs inside `tf.tidy`. */
  protected abstract update(value: tf.Variable, gradient: tf.Tensor, slots: readonly tf.Variable[], lr: number, t: number): void;

  /** The rate the next step uses: `learningRate / (1 + decay · iterations)`. */
  get currentLearningRate(): number {
    return decayedLearningRate(this.learningRate, this.decay, this.iterations);
  }

  override applyGradients(variableGradients: VariableGradients): void {
    const entries: [string, tf.Tensor | undefined][] = Array.isArray(variableGradients) ? variableGradients.map((g) => [g.name, g.tensor]) : Object.entries(variableGradients);
    const lr = this.currentLearningRate;
    const t = this.iterations + 1;
    tf.tidy(() => {
      const clipped = this.clip(entries.map(([, g]) => g));
      entries.forEach(([name], i) => {
        const gradient = clipped[i];
        const value = tf.engine().registeredVariables[name]!;
        const slots = this.slotNames.map((slot, k) => {
          const kind = (this.slots[k] ??= []);
          kind[i] ??= { originalName: `${name}/${slot}`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
          return kind[i]!.variable;
        });
        if (gradient != null) this.update(value, gradient, slots, lr, t);
      });
    });
    this.incrementIterations();
  }

  override async getWeights(): Promise<NamedWeights> {
    // The iteration count first, then every slot kind in turn, as tfjs's Adam orders them.
    const slots = this.slotNames.flatMap((_, k) => this.slots[k] ?? []);
    return [await this.saveIterations(), ...slots.map((s) => ({ name: s.originalName, tensor: s.variable }))];
  }

  override async setWeights(weightValues: NamedWeights): Promise<void> {
    const values = await this.extractIterations(weightValues);
    const kinds = this.slotNames.length;
    if (kinds === 0 ? values.length !== 0 : values.length % kinds !== 0) {
      throw new InvalidArgumentError(
        `'${this.getClassName()}.setWeights' expects the iteration count and ${kinds} slot(s) per variable (${this.slotNames.join(', ') || 'none'}). Received: ${values.length} slot weights`,
      );
    }
    // New slot variables, as tfjs's optimizers make them: callers that replace a state free the old ones.
    const per = kinds === 0 ? 0 : values.length / kinds;
    this.slots = this.slotNames.map((_, k) => values.slice(k * per, (k + 1) * per).map((w) => ({ originalName: w.name, variable: w.tensor.variable(false) })));
  }

  override dispose(): void {
    tf.dispose(this.slots.flat().map((s) => s.variable));
    this.slots = [];
  }

  /** The Keras-named settings; `fromConfig` passes them back to the constructor. */
  abstract override getConfig(): tf.serialization.ConfigDict;

  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config);
  }
}

/** Throws `InvalidArgumentError` unless `value` is a finite number in `[min, max)` (`max` left out: no bound). */
export function checkNumber(value: unknown, arg: string, fn: string, min: number, max?: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || (max !== undefined && value >= max)) {
    const range = max === undefined ? `>= ${min}` : `in [${min}, ${max})`;
    throw new InvalidArgumentError(`Option '${arg}' passed to '${fn}' must be a finite number ${range}. Received: ${arg}=${describe(value)}`);
  }
}
