import { expect, it } from 'vitest';
import * as metrics from './index';

// The public API, snapshotted: a change here is a change for every user.
it('exports exactly the public API', () => {
  expect(Object.keys(metrics).sort()).toEqual([
    'FEATURE_LAYER',
    'MetricsError',
    'classCoverage',
    'featureStatistics',
    'frechetDistance',
    'loadMnistClassifier',
    'meanConfidence',
    'mnistClassifierFromArtifacts',
    'mnistClassifierNetwork',
    'mnistQuality',
    'mnistTestStatistics',
    'symmetricEigen',
  ]);
});
