import type { BiganKnobs } from '../knobs';

// For tests (?preset=tiny): narrow nets on 256 test digits, a few ms a step on SwiftShader.
export const tiny: Partial<BiganKnobs> = {
  latentDim: 8,
  width: 32,
  split: 'test', // the 7.8 MB test file downloads faster than the 47 MB training file
  limit: 256,
  batchSize: 16,
  lrD: 2e-3, // large, so the samples visibly change within a few steps
  lrG: 2e-3,
  sampleEvery: 5,
  gridSize: 4,
  reconstructions: 4,
};
