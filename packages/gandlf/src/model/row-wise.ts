import * as tf from '@tensorflow/tfjs';

/** Layers whose output for a sample depends on that sample alone (in training too). */
const ROW_WISE = new Set([
  'InputLayer',
  'Dense',
  'Conv1D',
  'Conv2D',
  'Conv2DTranspose',
  'Conv3D',
  'DepthwiseConv2D',
  'SeparableConv2D',
  'Activation',
  'LeakyReLU',
  'ReLU',
  'ELU',
  'PReLU',
  'Softmax',
  'ThresholdedReLU',
  'Flatten',
  'Reshape',
  'Permute',
  'RepeatVector',
  'ZeroPadding2D',
  'Cropping2D',
  'UpSampling2D',
  'Embedding',
  'Dropout',
  'SpatialDropout1D',
  'GaussianNoise',
  'GaussianDropout',
  'AlphaDropout',
  'GandlfPermanentDropout',
  'Concatenate',
  'Add',
  'Multiply',
  'Average',
  'Maximum',
  'Minimum',
  'MaxPooling1D',
  'MaxPooling2D',
  'MaxPooling3D',
  'AveragePooling1D',
  'AveragePooling2D',
  'AveragePooling3D',
  'GlobalAveragePooling1D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling1D',
  'GlobalMaxPooling2D',
  'LayerNormalization',
]);

/**
 * Whether a network treats the rows of a batch independently, so that one
 * pass over two stacked batches gives the two passes' outputs stacked. Known
 * layers only: batch normalization and minibatch features mix rows; spectral
 * normalization steps its power iteration once per call; unknown layers may do
 * either.
 */
export function isRowWise(network: tf.LayersModel): boolean {
  return network.layers.every((layer) => (layer instanceof tf.LayersModel ? isRowWise(layer) : ROW_WISE.has(layer.getClassName())));
}
