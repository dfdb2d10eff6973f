import * as tf from '@tensorflow/tfjs';
import { optionKeys, requireOptions } from '../options';
import { DESERIALIZER_KEYS, LAYER_ARG_KEYS } from './layer-wrapper';
import { activationLayer, RECURRENT_ATTENTION_KEYS, RecurrentAttention, type ActivationName, type Gate, type Initializer, type RecurrentAttentionArgs } from './recurrent-attention';

/** Arguments of {@link RecurrentAttention2D}. */
export interface RecurrentAttention2DArgs extends RecurrentAttentionArgs {
  /** Turns `h·U_t + b_t` into weights over the attention's timesteps. @default 'softmax' */
  timeDistActivation?: ActivationName;
}

const RECURRENT_ATTENTION_2D_KEYS = optionKeys<RecurrentAttention2DArgs>()({ ...LAYER_ARG_KEYS, ...RECURRENT_ATTENTION_KEYS, timeDistActivation: true });

/**
 * Makes a recurrent layer pay attention to a sequence (gandlf's
 * `RecurrentAttention2D`). Called on `[sequence, attention]`, with the
 * attention of shape [batch, timesteps, features] (an encoder's outputs,
 * say), it runs the wrapped RNN and, after each of its timesteps, weighs the
 * attention's timesteps by the hidden state `h` and gates `h` by their
 * weighted sum:
 *
 *     t = timeDistActivation(h·U_t + b_t)   // [batch, timesteps]
 *     w = Σ_timesteps t * a                 // [batch, features]
 *     s = attnGateFunc(w·U_a + b_a)
 *     h = s * h
 *
 * Weights (after the cell's): `attn_U_t` [units, timesteps], `attn_b_t`
 * [timesteps], `attn_U_a` [features, units], `attn_b_a` [units]. The number
 * of attention timesteps is part of the weights, so it must be known.
 *
 * Differences from the Python: the Python applied the softmax to `t` after
 * `expand_dims(…, -1)`, i.e. over an axis of size 1, which makes every weight
 * 1 and `w` a plain sum; here it runs over the attention's timesteps, as its
 * docs say ("how important each time input is"). The Python also left the
 * wrapped layer's weights out of `trainable_weights` (its 1D wrapper kept
 * them); here the wrapper owns and trains them. As in the 1D wrapper, the
 * attention is the second input and a non-LSTM step keeps `[h]` as its state.
 *
 * @example
 * const seq = tf.input({ shape: [10, 8] });
 * const enc = tf.input({ shape: [6, 4] });
 * const h = new layers.RecurrentAttention2D({ layer: tf.layers.gru({ units: 16, returnSequences: true }) }).apply([seq, enc]); // [batch, 10, 16]
 *
 * @param layer The RNN that attends; the wrapper owns its weights.
 * @param timeDistActivation Weighs the attention's timesteps.
 * @param attnGateFunc The activation of the gate `s`.
 */
export class RecurrentAttention2D extends RecurrentAttention {
  static className = 'GandlfRecurrentAttention2D';
  readonly timeDistActivation: ActivationName;
  protected readonly attentionRank = 3;
  private readonly activation: tf.layers.Layer;
  private w: Record<'uT' | 'bT' | 'uA' | 'bA', tf.LayerVariable> | null = null;

  constructor(options: RecurrentAttention2DArgs) {
    const { timeDistActivation = 'softmax', ...args } = requireOptions(options, RECURRENT_ATTENTION_2D_KEYS, 'RecurrentAttention2D', 'args', DESERIALIZER_KEYS);
    super(args, 'RecurrentAttention2D');
    this.timeDistActivation = timeDistActivation;
    this.activation = activationLayer(timeDistActivation, 'timeDistActivation', 'RecurrentAttention2D');
  }

  protected override buildAttention(units: number, attentionShape: tf.Shape, init: Initializer): void {
    const [, timesteps, features] = attentionShape as [null, number, number];
    const zeros = tf.initializers.zeros();
    // The Python's order of weights.
    this.w = {
      uT: this.attentionWeight('attn_U_t', [units, timesteps], init, false),
      bT: this.attentionWeight('attn_b_t', [timesteps], zeros, true),
      uA: this.attentionWeight('attn_U_a', [features, units], init, false),
      bA: this.attentionWeight('attn_b_a', [units], zeros, true),
    };
  }

  protected override attend(attention: tf.Tensor): Gate {
    const w = this.w!;
    const uT = w.uT.read() as tf.Tensor2D;
    const bT = w.bT.read();
    const uA = w.uA.read() as tf.Tensor2D;
    const bA = w.bA.read();
    return (h) => {
      const t = this.activation.call(tf.add(tf.matMul(h as tf.Tensor2D, uT), bT), {}) as tf.Tensor;
      const weighted = tf.sum(tf.mul(tf.expandDims(t, -1), attention), 1);
      return this.gateActivation.call(tf.add(tf.matMul(weighted as tf.Tensor2D, uA), bA), {}) as tf.Tensor;
    };
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), timeDistActivation: this.timeDistActivation };
  }
}
tf.serialization.registerClass(RecurrentAttention2D);
