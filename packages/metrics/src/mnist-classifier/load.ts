import * as tf from '@tensorflow/tfjs';
import { describe, MetricsError } from '../errors';
import { FEATURE_LAYER } from './network';

/** The committed MNIST classifier, with a head that also returns its penultimate features. */
export interface MnistClassifier {
  /** The Keras model: `[n, 28, 28, 1]` digits in [-1, 1] to 10 class probabilities. */
  readonly model: tf.LayersModel;
  /** Size of the penultimate feature vector. */
  readonly featureSize: number;
  /** Test-set accuracy the training script measured, from the model's metadata (NaN if absent). */
  readonly testAccuracy: number;
  /**
   * Penultimate features `[n, featureSize]` and class probabilities `[n, 10]`
   * of `[n, 28, 28, 1]` digits in [-1, 1]. The caller owns both tensors.
   */
  classify(images: tf.Tensor4D): { features: tf.Tensor2D; probabilities: tf.Tensor2D };
  /** Frees the weights. */
  dispose(): void;
}

/** Where {@link loadMnistClassifier} reads the model from. */
export interface LoadMnistClassifierOptions {
  /**
   * The model.json (topology and weight manifest).
   * @default the committed classifier (a Vite asset in a page, a file in Node)
   */
  modelUrl?: string | URL;
  /**
   * Its one weights file.
   * @default the committed classifier's weights.bin
   */
  weightsUrl?: string | URL;
}

/**
 * Builds the classifier from a model.json object and its weights: the
 * loader behind {@link loadMnistClassifier}, for weights you fetched yourself.
 *
 * @example const classifier = await mnistClassifierFromArtifacts(JSON.parse(text), bytes);
 * @param modelJson The parsed model.json (`modelTopology`, `weightsManifest`).
 * @param weights The bytes of the weights file it lists.
 */
export async function mnistClassifierFromArtifacts(modelJson: unknown, weights: ArrayBuffer): Promise<MnistClassifier> {
  const json = modelJson as { modelTopology?: object; weightsManifest?: { weights: tf.io.WeightsManifestEntry[] }[]; userDefinedMetadata?: { testAccuracy?: number } };
  if (!json?.modelTopology || !Array.isArray(json.weightsManifest) || json.weightsManifest.length !== 1) {
    throw new MetricsError(`mnistClassifierFromArtifacts: 'modelJson' must be a layers model.json with one weights group. Received: modelJson=${describe(modelJson)}`);
  }
  if (!(weights instanceof ArrayBuffer)) {
    throw new MetricsError(`mnistClassifierFromArtifacts: 'weights' must be an ArrayBuffer. Received: weights=${describe(weights)}`);
  }
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0]!.weights, weightData: weights }));
  const featureLayer = model.getLayer(FEATURE_LAYER);
  // One graph, two outputs: features and probabilities come from one forward pass.
  const both = tf.model({ inputs: model.inputs, outputs: [featureLayer.output as tf.SymbolicTensor, model.outputs[0]!] });
  return {
    model,
    featureSize: (featureLayer.outputShape as number[])[1]!,
    testAccuracy: json.userDefinedMetadata?.testAccuracy ?? NaN,
    classify(images) {
      const [features, probabilities] = both.predict(images) as [tf.Tensor2D, tf.Tensor2D];
      return { features, probabilities };
    },
    dispose: () => model.dispose(),
  };
}

/**
 * Loads the committed MNIST classifier (about 61,000 weights, 240 KB; over
 * 99% test accuracy, see bench/results/mnist-classifier.json). In a page
 * built by Vite the two files are assets of the bundle; in Node they are read
 * from disk beside this module.
 *
 * @example
 * const classifier = await loadMnistClassifier();
 * const { probabilities, features } = classifier.classify(images); // images: [n, 28, 28, 1] in [-1, 1]
 * @param options Other model files to load (see {@link LoadMnistClassifierOptions}).
 */
export async function loadMnistClassifier({
  modelUrl = new URL('./model.json', import.meta.url),
  weightsUrl = new URL('./weights.bin', import.meta.url),
}: LoadMnistClassifierOptions = {}): Promise<MnistClassifier> {
  const [json, weights] = await Promise.all([read(modelUrl), read(weightsUrl)]);
  return mnistClassifierFromArtifacts(JSON.parse(new TextDecoder().decode(json)), weights);
}

async function read(url: string | URL): Promise<ArrayBuffer> {
  const href = String(url);
  try {
    if (href.startsWith('file:')) {
      // Node: fetch cannot read file: URLs. The specifier is a variable so bundlers leave it alone.
      const fs = 'node:fs/promises';
      const { readFile } = (await import(/* @vite-ignore */ fs)) as typeof import('node:fs/promises');
      const bytes = await readFile(new URL(href));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    }
    const res = await fetch(href);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return await res.arrayBuffer();
  } catch (error) {
    throw new MetricsError(`loadMnistClassifier: could not read ${href}: ${(error as Error).message}`);
  }
}
