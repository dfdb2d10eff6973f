import * as tf from '@tensorflow/tfjs';
import { describe, InvalidArgumentError, UnknownNameError } from '../errors';
import type { KeyRecord } from '../options';

/** The arguments every tfjs layer takes (`name`, `trainable`, `inputShape`, ...). */
export type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** The keys of `LayerArgs`, which every gandlf layer accepts besides its own. */
export const LAYER_ARG_KEYS: KeyRecord<LayerArgs> = {
  inputShape: true,
  batchInputShape: true,
  batchSize: true,
  dtype: true,
  name: true,
  trainable: true,
  weights: true,
  inputDType: true,
};

/** Not an argument: tfjs's deserializer adds `customObjects` to every layer config it constructs a layer from. */
export const DESERIALIZER_KEYS: readonly string[] = ['customObjects'];

/** Arguments of a layer that wraps another layer. */
export interface LayerWrapperArgs extends LayerArgs {
  /** The wrapped layer; the wrapper owns its weights. */
  layer: tf.layers.Layer;
}

/**
 * A layer around another layer whose weights it owns, so that a model lists
 * them (and optimizers update them) through the wrapper. tfjs has such a
 * class (`Wrapper`, behind `timeDistributed`) but does not export it.
 */
export abstract class LayerWrapper extends tf.layers.Layer {
  readonly layer: tf.layers.Layer;

  constructor(args: LayerWrapperArgs, fn: string) {
    super(args);
    if (!(args?.layer instanceof tf.layers.Layer)) {
      throw new InvalidArgumentError(`Argument 'layer' passed to '${fn}' must be a tfjs layer. Received: layer=${describe(args?.layer)}`);
    }
    this.layer = args.layer;
  }

  /** Builds the wrapped layer for `inputShape`, once. */
  protected buildInner(inputShape: tf.Shape): void {
    if (!this.layer.built) {
      this.layer.build(inputShape);
      this.layer.built = true;
    }
  }

  // `this.layer` is unset while the base constructor runs; these getters run then too.
  override get trainableWeights(): tf.LayerVariable[] {
    return [...(this.layer?.trainableWeights ?? []), ...super.trainableWeights];
  }

  override set trainableWeights(weights: tf.LayerVariable[]) {
    super.trainableWeights = weights;
  }

  override get nonTrainableWeights(): tf.LayerVariable[] {
    return [...(this.layer?.nonTrainableWeights ?? []), ...super.nonTrainableWeights];
  }

  override set nonTrainableWeights(weights: tf.LayerVariable[]) {
    super.nonTrainableWeights = weights;
  }

  override setFastWeightInitDuringBuild(value: boolean): void {
    super.setFastWeightInitDuringBuild(value);
    this.layer?.setFastWeightInitDuringBuild(value);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      layer: { className: this.layer.getClassName(), config: this.layer.getConfig() },
    };
  }

  /** Rebuilds a wrapper from `getConfig()`, deserialising the wrapped layer first. */
  static override fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    const { layer, ...rest } = config as { layer: { className: string; config: tf.serialization.ConfigDict } };
    return new cls({ ...rest, layer: deserializeLayer(layer.className, layer.config) });
  }
}

/** A layer from its class name and config, through the tfjs serialization registry. */
export function deserializeLayer(className: string, config: tf.serialization.ConfigDict): tf.layers.Layer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) {
    throw new UnknownNameError(`Cannot deserialise the wrapped layer: tfjs knows no layer class '${className}'; import the module that registers it. Received: className=${describe(className)}`);
  }
  const [cls, fromConfig] = entry;
  return fromConfig(cls, config) as tf.layers.Layer;
}

/** The single tensor of a layer call's inputs. */
export function oneTensor(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
  return Array.isArray(inputs) ? (inputs[0] as tf.Tensor) : inputs;
}

/** The single shape of a layer's input shapes. */
export function oneShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
  return (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
}
