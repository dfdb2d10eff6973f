import type { MnistKnobs } from '../knobs';

// The MLP with gandlf's own layers: a Residual block and PermanentDropout in
// G, minibatch discrimination (BatchSimilarity) in D, and gandlf's
// adaptiveLearningRate sharing the learning rates by each side's loss.
export const mlpPlus: Partial<MnistKnobs> = {
  architecture: 'mlp-plus',
  width: 256,
  adaptiveLr: 'on',
  lrD: 4e-4, // maxima: each side gets its share of the loss times this
  lrG: 4e-4,
  sampleEvery: 50,
};
