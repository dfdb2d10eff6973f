import * as tf from '@tensorflow/tfjs';
import { AdversarialModel } from '../engine/adversarial-model';
import { LOAD_OPTIONS_KEYS, type LoadOptions } from '../engine/checkpoint';
import { loadArtifacts, type CheckpointDestination } from '../checkpoint/checkpoint-store';
import { readMeta } from '../checkpoint/format';
import { checkOptions } from '../options';
import { Model } from './model';

/**
 * Loads a checkpoint of either kind, read once: a `Model` where `Model.save`
 * wrote it, an `AdversarialModel` where `AdversarialModel.save` did (the
 * checkpoint records which). For tools that open any saved run.
 *
 * @example const run = await io.loadRun('indexeddb://my-run'); console.log(run.step);
 */
export async function loadRun(url: CheckpointDestination, options: LoadOptions = {}): Promise<Model | AdversarialModel> {
  options = checkOptions(options, LOAD_OPTIONS_KEYS, 'loadRun');
  const artifacts = await loadArtifacts(url);
  const kind = readMeta(artifacts, typeof url === 'string' ? `'${url}'` : '(IOHandler)').kind;
  const again = tf.io.fromMemory(artifacts);
  return kind === 'Model' ? Model.load(again, options) : AdversarialModel.load(again, options);
}
