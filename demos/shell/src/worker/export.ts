import * as tf from '@tensorflow/tfjs';
import type { FileOut } from '../protocol';

/**
 * A network as the two files `tf.loadLayersModel` reads (`${name}.json` and
 * `${name}.weights.bin`), what `downloads://` would write. A worker has no
 * `downloads://`, so the page turns these into download links.
 */
export async function modelFiles(model: tf.LayersModel, name: string): Promise<FileOut[]> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts) throw new Error(`Saving '${name}' produced no artifacts.`);
  const weightsName = `${name}.weights.bin`;
  const modelJson = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    weightsManifest: [{ paths: [`./${weightsName}`], weights: artifacts.weightSpecs ?? [] }],
  };
  const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  return [
    { name: `${name}.json`, mime: 'application/json', data: JSON.stringify(modelJson) },
    { name: weightsName, mime: 'application/octet-stream', data: weights },
  ];
}
