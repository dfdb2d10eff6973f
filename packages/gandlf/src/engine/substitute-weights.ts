import type * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError } from '../errors';
import type { Player } from './player';

/** What of a tfjs-layers `LayerVariable` the substitution touches: layers read their weights only through `read()`. */
interface Readable {
  read(): tf.Tensor;
}

/**
 * Per player, per variable, the layer weights (`LayerVariable`s) that hold
 * it, so their forward pass can be made to read a tensor instead.
 */
export type LayerWeights = ReadonlyArray<ReadonlyArray<readonly Readable[]>>;

/**
 * Finds the layer weights behind each of `players`' variables among the
 * weights of `models` (trainable or frozen, nested models included).
 *
 * @param owner Who needs them, for the error message.
 */
export function layerWeightsOf(players: readonly Player[], models: readonly tf.LayersModel[], owner: string): LayerWeights {
  const byVariable = new Map<tf.Tensor, Readable[]>();
  for (const m of models) {
    for (const w of m.weights) {
      const v = w.read();
      const list = byVariable.get(v) ?? [];
      if (!list.includes(w)) list.push(w);
      byVariable.set(v, list);
    }
  }
  return players.map((p) =>
    p.variables.map((v) => {
      const found = byVariable.get(v);
      if (!found) {
        throw new InvalidArgumentError(
          `${owner} runs player '${p.name}' at unrolled weights by substituting what its layers read, but its variable '${v.name}' belongs to no layer of the players' models. Received: variable=${describe(v.name)}`,
        );
      }
      return found;
    }),
  );
}

/**
 * Runs `fn` with every layer weight of `weights[j][n]` reading `theta[j][n]`,
 * so the forward pass inside is a differentiable function of `theta` (the
 * variables themselves are never written). `read` is put back afterwards,
 * whatever `fn` does.
 */
export function withWeights<T>(weights: LayerWeights, theta: ReadonlyArray<readonly tf.Tensor[]>, fn: () => T): T {
  const patched: Array<{ w: Readable; own: PropertyDescriptor | undefined }> = [];
  try {
    weights.forEach((vars, j) =>
      vars.forEach((ws, n) => {
        const t = theta[j]![n]!;
        for (const w of ws) {
          patched.push({ w, own: Object.getOwnPropertyDescriptor(w, 'read') });
          w.read = () => t;
        }
      }),
    );
    return fn();
  } finally {
    // Reverse order, so a weight patched twice gets its first original back.
    for (const { w, own } of patched.reverse()) {
      if (own) Object.defineProperty(w, 'read', own);
      else delete (w as Partial<Readable>).read;
    }
  }
}
