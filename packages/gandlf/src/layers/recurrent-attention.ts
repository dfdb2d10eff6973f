import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, ShapeMismatchError, UnknownNameError } from '../errors';
import { LayerWrapper, type LayerWrapperArgs } from './layer-wrapper';

/** A tfjs activation name: `'tanh'`, `'sigmoid'`, `'softmax'`, `'relu'`, ... */
export type ActivationName = NonNullable<Parameters<typeof tf.layers.activation>[0]>['activation'];

/** A tfjs weight regularizer, e.g. `tf.regularizers.l2({ l2: 1e-4 })`. */
export type Regularizer = NonNullable<Parameters<tf.layers.Layer['addWeight']>[4]>;

/** A tfjs weight initializer, e.g. `tf.initializers.orthogonal({ gain: 1 })`. */
export type Initializer = NonNullable<Parameters<tf.layers.Layer['addWeight']>[3]>;

/** Arguments both recurrent-attention wrappers take. */
export interface RecurrentAttentionArgs extends LayerWrapperArgs {
  /**
   * The recurrent layer that pays attention: `tf.layers.simpleRNN`, `lstm`,
   * `gru`, or `rnn` with a cell. The wrapper runs its cell and owns its
   * weights; its `returnSequences`, `returnState` and `goBackwards` apply.
   */
  layer: tf.RNN;
  /** The gate `s` that scales the hidden state. @default 'sigmoid' */
  attnGateFunc?: ActivationName;
  /** Applied to every attention weight matrix (the Python's `W_regularizer`). @default none */
  kernelRegularizer?: Regularizer;
  /** Applied to every attention bias (the Python's `b_regularizer`). @default none */
  biasRegularizer?: Regularizer;
}

/** The keys of {@link RecurrentAttentionArgs} besides `LayerArgs`. */
export const RECURRENT_ATTENTION_KEYS = { layer: true, attnGateFunc: true, kernelRegularizer: true, biasRegularizer: true } as const;

/** The gate `s(h)` of one call: scales the hidden state `h` ([batch, units]) after each timestep. */
export type Gate = (h: tf.Tensor) => tf.Tensor;

type CellDropout = { dropoutMask?: tf.Tensor | tf.Tensor[] | null; recurrentDropoutMask?: tf.Tensor | tf.Tensor[] | null };

/**
 * The shared loop of `RecurrentAttention1D` and `RecurrentAttention2D`: a
 * wrapper over `[sequence, attention]` that runs the wrapped RNN's cell one
 * timestep at a time and, after each, replaces the hidden state `h` with
 * `s * h`, where the subclass computes `s` from `h` and the attention tensor.
 *
 * The attended state is the cell's first state, which every tfjs cell also
 * returns as its output (`h` of SimpleRNN and GRU; `h` of LSTM, whose carry
 * `c` goes on as it is, as in the Python; the top cell's `h` of stacked
 * cells). Masks of the sequence hold the state and output as tfjs's RNN does.
 * The wrapped layer must not be `stateful`.
 */
export abstract class RecurrentAttention extends LayerWrapper {
  declare readonly layer: tf.RNN;
  readonly attnGateFunc: ActivationName;
  readonly kernelRegularizer: Regularizer | undefined;
  readonly biasRegularizer: Regularizer | undefined;
  protected readonly gateActivation: tf.layers.Layer;
  /** The attention tensor's rank, batch included: 2 for 1D, 3 for 2D. */
  protected abstract readonly attentionRank: number;
  private readonly fn: string;

  protected constructor(args: RecurrentAttentionArgs, fn: string) {
    const { attnGateFunc = 'sigmoid', kernelRegularizer, biasRegularizer, ...rest } = args;
    super(rest, fn);
    this.fn = fn;
    const layer: tf.layers.Layer = this.layer;
    if (!(layer instanceof tf.RNN)) {
      throw new InvalidArgumentError(
        `Argument 'layer' passed to '${fn}' must be a tfjs recurrent layer (tf.layers.simpleRNN, lstm, gru or rnn). Received: layer of class ${describe(layer.getClassName())}`,
      );
    }
    if (this.layer.stateful) {
      throw new InvalidArgumentError(`Argument 'layer' passed to '${fn}' must not be stateful: the wrapper keeps no state between calls. Received: stateful=true`);
    }
    this.attnGateFunc = attnGateFunc;
    this.gateActivation = activationLayer(attnGateFunc, 'attnGateFunc', fn);
    this.kernelRegularizer = checkRegularizer(kernelRegularizer, 'kernelRegularizer', fn);
    this.biasRegularizer = checkRegularizer(biasRegularizer, 'biasRegularizer', fn);
    this.supportsMasking = true;
  }

  /** The hidden state's size: the cell's first state size. */
  get units(): number {
    const size = this.layer.cell.stateSize;
    return (Array.isArray(size) ? size[0] : size) as number;
  }

  /** Adds the attention weights, for hidden states of `units` and an attention of `attentionShape`. */
  protected abstract buildAttention(units: number, attentionShape: tf.Shape, initializer: Initializer): void;

  /** The gate of one call; whatever does not depend on `h` is computed here, once, not per timestep. */
  protected abstract attend(attention: tf.Tensor): Gate;

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const [sequence, attention] = this.splitShapes(inputShape);
    this.buildInner(sequence);
    // The Python initialises the attention matrices as the RNN's recurrent kernel (`inner_init`).
    const initializer = (this.layer.cell as { recurrentInitializer?: Initializer }).recurrentInitializer ?? tf.initializers.glorotUniform({});
    this.buildAttention(this.units, attention, initializer);
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return this.layer.computeOutputShape(this.splitShapes(inputShape)[0]);
  }

  // tfjs's masks are typed without null, but null means "no mask" throughout.
  override computeMask(_inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    const sequenceMask = (Array.isArray(mask) ? mask[0] : mask) ?? null;
    const output = this.layer.returnSequences ? sequenceMask : null;
    return (this.layer.returnState ? [output, ...this.stateSizes().map(() => null)] : output) as tf.Tensor | tf.Tensor[];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[] {
    if (!Array.isArray(inputs) || inputs.length !== 2) {
      throw new ShapeMismatchError(`'${this.fn}' takes two inputs, [sequence, attention]. Received: ${Array.isArray(inputs) ? `${inputs.length} inputs` : 'one tensor'}`);
    }
    const [x, attention] = inputs as [tf.Tensor, tf.Tensor];
    this.resetCellDropout();
    const training = kwargs.training === true;
    const mask = (Array.isArray(kwargs.mask) ? kwargs.mask[0] : kwargs.mask) as tf.Tensor | null | undefined;
    return tf.tidy(() => {
      const gate = this.attend(attention);
      const steps = tf.unstack(x, 1);
      if (steps.length === 0) throw new ShapeMismatchError(`'${this.fn}' needs a sequence of at least one timestep. Received: shape [${x.shape.join(',')}]`);
      // As tfjs's `rnn`: a mask of [batch, time] is a float [batch, 1] per step.
      const masks = mask ? tf.unstack(tf.expandDims(tf.cast(tf.cast(mask, 'bool'), 'float32'), -1), 1) : null;
      if (this.layer.goBackwards) {
        steps.reverse();
        masks?.reverse();
      }
      const batch = x.shape[0] as number;
      let states = this.stateSizes().map((size) => tf.zeros([batch, size]));
      const outputs: tf.Tensor[] = [];
      steps.forEach((step, t) => {
        states = tf.tidy(() => this.step(step, states, gate, masks?.[t], training));
        outputs.push(states[0] as tf.Tensor);
      });
      const output = this.layer.returnSequences ? tf.stack(outputs, 1) : (outputs[outputs.length - 1] as tf.Tensor);
      return this.layer.returnState ? [output, ...states] : output;
    });
  }

  /** One timestep: the cell, then `h <- s(h) * h`; where the mask is 0 the previous states stay. */
  private step(x: tf.Tensor, states: tf.Tensor[], gate: Gate, mask: tf.Tensor | undefined, training: boolean): tf.Tensor[] {
    const [h, ...next] = this.layer.cell.call([x, ...states], { training }) as tf.Tensor[];
    // `next[0]` is `h` again: every tfjs cell returns its first state as its output.
    const attended = [tf.mul(gate(h as tf.Tensor), h as tf.Tensor), ...next.slice(1)];
    if (!mask) return attended;
    const keep = tf.sub(1, mask);
    return attended.map((s, i) => tf.add(tf.mul(s, mask), tf.mul(states[i] as tf.Tensor, keep)));
  }

  private stateSizes(): number[] {
    const size = this.layer.cell.stateSize;
    return Array.isArray(size) ? size : [size];
  }

  /** tfjs's RNN layers drop their cell's dropout masks at the start of each call, so a call draws new ones. */
  private resetCellDropout(): void {
    const cell = this.layer.cell as unknown as CellDropout;
    for (const key of ['dropoutMask', 'recurrentDropoutMask'] as const) {
      if (cell[key] != null) {
        tf.dispose(cell[key]);
        cell[key] = null;
      }
    }
  }

  /** `[sequence, attention]` shapes, checked: a sequence [batch, time, features] and an attention of known features. */
  private splitShapes(inputShape: tf.Shape | tf.Shape[]): [tf.Shape, tf.Shape] {
    if (!Array.isArray(inputShape[0]) || inputShape.length !== 2) {
      throw new ShapeMismatchError(`'${this.fn}' takes two inputs, [sequence, attention]. Received: input shape ${describe(inputShape)}`);
    }
    const [sequence, attention] = inputShape as [tf.Shape, tf.Shape];
    if (sequence.length !== 3) {
      throw new ShapeMismatchError(`'${this.fn}' needs a sequence of shape [batch, time, features] as its first input. Received: shape [${sequence.join(',')}]`);
    }
    const want = this.attentionRank === 2 ? '[batch, features]' : '[batch, timesteps, features]';
    if (attention.length !== this.attentionRank || attention.slice(1).some((d) => d == null)) {
      throw new ShapeMismatchError(`'${this.fn}' needs an attention of shape ${want}, sizes known, as its second input. Received: shape [${attention.join(',')}]`);
    }
    return [sequence, attention];
  }

  /** An attention weight matrix or bias, with the regularizer of its kind. */
  protected attentionWeight(name: string, shape: number[], initializer: Initializer, bias: boolean): tf.LayerVariable {
    return this.addWeight(name, shape, 'float32', initializer, bias ? this.biasRegularizer : this.kernelRegularizer, true);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      attnGateFunc: this.attnGateFunc,
      ...(this.kernelRegularizer ? { kernelRegularizer: serializeObject(this.kernelRegularizer) } : {}),
      ...(this.biasRegularizer ? { biasRegularizer: serializeObject(this.biasRegularizer) } : {}),
    };
  }

  /** Rebuilds a wrapper from `getConfig()`: the wrapped layer and the regularizers first. */
  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    const revived: Record<string, unknown> = { ...config };
    for (const key of ['kernelRegularizer', 'biasRegularizer']) {
      if (config[key] != null) revived[key] = deserializeObject(config[key] as SerializedObject);
    }
    return LayerWrapper.fromConfig(cls, revived as tf.serialization.ConfigDict);
  }
}

/** An activation, as tfjs's `Activation` layer applies it (softmax over the last axis). */
export function activationLayer(name: unknown, arg: string, fn: string): tf.layers.Layer {
  const fail = () => new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be a tfjs activation name such as 'tanh', 'sigmoid' or 'softmax'. Received: ${arg}=${describe(name)}`);
  if (typeof name !== 'string') throw fail();
  try {
    return tf.layers.activation({ activation: name as ActivationName });
  } catch {
    throw fail();
  }
}

function checkRegularizer(value: unknown, arg: string, fn: string): Regularizer | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof (value as Regularizer).apply !== 'function' || typeof (value as Regularizer).getClassName !== 'function') {
    throw new InvalidArgumentError(`Argument '${arg}' passed to '${fn}' must be a tfjs regularizer, e.g. tf.regularizers.l2(). Received: ${arg}=${describe(value)}`);
  }
  return value as Regularizer;
}

type SerializedObject = { className: string; config: tf.serialization.ConfigDict };

function serializeObject(value: tf.serialization.Serializable): tf.serialization.ConfigDict {
  return { className: value.getClassName(), config: value.getConfig() };
}

/** A registered tfjs object (here a regularizer) from its class name and config. */
function deserializeObject({ className, config }: SerializedObject): Regularizer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) {
    throw new UnknownNameError(`Cannot deserialise a regularizer: tfjs knows no class '${className}'; import the module that registers it. Received: className=${describe(className)}`);
  }
  const [cls, fromConfig] = entry;
  return fromConfig(cls, config) as unknown as Regularizer;
}
