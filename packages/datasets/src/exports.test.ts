import { expect, it } from 'vitest';
import * as browser from './index';
import * as node from './node';

// The public API, snapshotted: a change here is a change for every user.
it('exports exactly the public API', () => {
  expect(Object.keys(browser).sort()).toEqual([
    'CIFAR10_CLASSES',
    'DatasetError',
    'gridMixture',
    'gunzipIfNeeded',
    'imagesToTensorData',
    'isGzip',
    'mixtureQuality',
    'mnistFromIdx',
    'parseCifar10Batch',
    'parseIdx',
    'parsePointsCsv',
    'pointCloud',
    'pointsCsv',
    'ringMixture',
  ]);
  expect(Object.keys(node).sort()).toEqual(['loadMnistNode', 'mnistFilePaths']);
});
