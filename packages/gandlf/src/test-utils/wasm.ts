import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

/** Node loads the .wasm binaries from the installed package, offline (vitest moves the code that would find them). */
export function useInstalledWasmFiles(): void {
  const require = createRequire(import.meta.url);
  setWasmPaths(join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
}

/**
 * A layer that no list of layer names knows: a depthwise 3x3 conv, whose filter
 * gradient (`DepthwiseConv2dNativeBackpropFilter`) tfjs-backend-wasm 4.22 lacks.
 */
export class DepthwiseBlock extends tf.layers.Layer {
  static readonly className = 'DepthwiseBlock';
  private kernel: tf.LayerVariable | null = null;

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const channels = (inputShape as tf.Shape)[3]!;
    this.kernel = this.addWeight('kernel', [3, 3, channels, 1], 'float32', tf.initializers.glorotUniform({ seed: 1 }));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = (Array.isArray(inputs) ? inputs[0]! : inputs) as tf.Tensor4D;
    return tf.depthwiseConv2d(x, this.kernel!.read() as tf.Tensor4D, 1, 'same');
  }
}

/** A layer whose forward pass runs `TopK`, which has no gradient on any backend. */
export class TopOne extends tf.layers.Layer {
  static readonly className = 'TopOne';
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.topk(Array.isArray(inputs) ? inputs[0]! : inputs, 1).values;
  }
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    return [...(inputShape as tf.Shape).slice(0, -1), 1];
  }
}
