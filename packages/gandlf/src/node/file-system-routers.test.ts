import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { Model } from '../model/model';
import { smallModel, tempDir } from '../test-utils/temp-dir';
import '../node';

const tmp = tempDir('gandlf-fs-');

// Its own file: tfjs cannot unregister a router, and the second one would change other tests.
describe('file:// beside another router', () => {
  it('keeps working where another library routes file:// too (tfjs-node does)', async () => {
    // A second router for every file:// URL, as importing @tensorflow/tfjs-node adds.
    const other = (url: string | string[]) =>
      (typeof url === 'string' && url.startsWith('file://')
        ? ({ save: async () => ({ modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }), load: async () => ({}) } as tf.io.IOHandler)
        : null) as tf.io.IOHandler;
    tf.io.registerSaveRouter(other);
    tf.io.registerLoadRouter(other);
    const url = `file://${join(tmp(), 'two-routers')}`;
    expect(tf.io.getSaveHandlers(url)).toHaveLength(2);
    const model = smallModel();
    await model.save(url, { metadata: { routers: 2 } });
    const back = await Model.load(url);
    expect(back.adversarial.checkpointMetadata).toEqual({ routers: 2 });
    model.dispose();
    back.dispose();
  });
});
