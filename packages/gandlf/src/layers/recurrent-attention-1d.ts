import * as tf from '@tensorflow/tfjs';
import { optionKeys, requireOptions } from '../options';
import { DESERIALIZER_KEYS, LAYER_ARG_KEYS } from './layer-wrapper';
import { activationLayer, RECURRENT_ATTENTION_KEYS, RecurrentAttention, type ActivationName, type Gate, type Initializer, type RecurrentAttentionArgs } from './recurrent-attention';

/** Arguments of {@link RecurrentAttention1D}. */
export interface RecurrentAttention1DArgs extends RecurrentAttentionArgs {
  /** The activation of `m`. @default 'tanh' */
  attnActivation?: ActivationName;
}

const RECURRENT_ATTENTION_1D_KEYS = optionKeys<RecurrentAttention1DArgs>()({ ...LAYER_ARG_KEYS, ...RECURRENT_ATTENTION_KEYS, attnActivation: true });

/**
 * Makes a recurrent layer pay attention to a vector per sample (gandlf's
 * `RecurrentAttention1D`). Called on `[sequence, attention]`, with the
 * attention of shape [batch, features] (the output of a Dense or a global
 * pooling layer, say), it runs the wrapped RNN and, after each timestep,
 * scales its hidden state `h`:
 *
 *     m = attnActivation(h·U_m + a·U_a + b_m)
 *     s = attnGateFunc(m·U_s + b_s)
 *     h = s * h
 *
 * Weights (after the cell's): `attn_U_a` [features, units], `attn_U_m` and
 * `attn_U_s` [units, units], `attn_b_m` and `attn_b_s` [units].
 *
 * Differences from the Python: the attention is the layer's second input,
 * not a tensor captured when the wrapper is built, so the model graph and
 * serialisation see it (the Python's `get_config` raised); and the Python's
 * non-LSTM step returned an undefined `c` (`return h, [h, c]`) where it meant
 * `[h]`.
 *
 * @example
 * const seq = tf.input({ shape: [10, 8] });
 * const ctx = tf.input({ shape: [4] });
 * const h = new layers.RecurrentAttention1D({ layer: tf.layers.lstm({ units: 16 }) }).apply([seq, ctx]); // [batch, 16]
 *
 * @param layer The RNN that attends; the wrapper owns its weights.
 * @param attnActivation The activation of `m`.
 * @param attnGateFunc The activation of the gate `s`.
 */
export class RecurrentAttention1D extends RecurrentAttention {
  static className = 'GandlfRecurrentAttention1D';
  readonly attnActivation: ActivationName;
  protected readonly attentionRank = 2;
  private readonly activation: tf.layers.Layer;
  private w: Record<'uA' | 'uM' | 'bM' | 'uS' | 'bS', tf.LayerVariable> | null = null;

  constructor(options: RecurrentAttention1DArgs) {
    const { attnActivation = 'tanh', ...args } = requireOptions(options, RECURRENT_ATTENTION_1D_KEYS, 'RecurrentAttention1D', 'args', DESERIALIZER_KEYS);
    super(args, 'RecurrentAttention1D');
    this.attnActivation = attnActivation;
    this.activation = activationLayer(attnActivation, 'attnActivation', 'RecurrentAttention1D');
  }

  protected override buildAttention(units: number, attentionShape: tf.Shape, init: Initializer): void {
    const zeros = tf.initializers.zeros();
    // The Python's order of weights.
    this.w = {
      uA: this.attentionWeight('attn_U_a', [attentionShape[1] as number, units], init, false),
      uM: this.attentionWeight('attn_U_m', [units, units], init, false),
      bM: this.attentionWeight('attn_b_m', [units], zeros, true),
      uS: this.attentionWeight('attn_U_s', [units, units], init, false),
      bS: this.attentionWeight('attn_b_s', [units], zeros, true),
    };
  }

  protected override attend(attention: tf.Tensor): Gate {
    const w = this.w!;
    const uM = w.uM.read() as tf.Tensor2D;
    const uS = w.uS.read() as tf.Tensor2D;
    const bS = w.bS.read();
    // `a·U_a + b_m` is the same at every timestep (the Python's `get_constants`).
    const aU = tf.add(tf.matMul(attention as tf.Tensor2D, w.uA.read() as tf.Tensor2D), w.bM.read());
    return (h) => {
      const m = this.activation.call(tf.add(tf.matMul(h as tf.Tensor2D, uM), aU), {}) as tf.Tensor;
      return this.gateActivation.call(tf.add(tf.matMul(m as tf.Tensor2D, uS), bS), {}) as tf.Tensor;
    };
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), attnActivation: this.attnActivation };
  }
}
tf.serialization.registerClass(RecurrentAttention1D);
