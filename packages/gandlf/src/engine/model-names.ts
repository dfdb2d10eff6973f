import type * as tf from '@tensorflow/tfjs';

// A tf.Sequential leaves `outputNames`/`inputNames` unset until it is compiled,
// so names are read from the layers that produce the tensors.

/** The names of a model's outputs (its output layers' names). */
export function outputNamesOf(model: tf.LayersModel): string[] {
  return model.outputs.map((t, k) => model.outputNames?.[k] ?? t.sourceLayer?.name ?? `output_${k}`);
}

/** The names of a model's inputs (its input layers' names). */
export function inputNamesOf(model: tf.LayersModel): string[] {
  return model.inputs.map((t, k) => model.inputNames?.[k] ?? t.sourceLayer?.name ?? `input_${k}`);
}
