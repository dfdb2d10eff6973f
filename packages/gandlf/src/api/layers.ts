// `gandlf.layers`: gandlf's tfjs layers, as `tf.layers`. Each is a class,
// registered for serialisation: `new layers.Residual({ layer }).apply(x)`.
export { BatchSimilarity } from '../layers/batch-similarity';
export type { BatchSimilarityArgs } from '../layers/batch-similarity';
export { similarityNames } from '../layers/similarities';
export type { SimilarityName } from '../layers/similarities';
export { DiffAugment } from '../augment/diff-augment-layer';
export type { DiffAugmentArgs } from '../augment/diff-augment-layer';
export { PermanentDropout } from '../layers/permanent-dropout';
export type { PermanentDropoutArgs } from '../layers/permanent-dropout';
export { Residual } from '../layers/residual';
export type { ResidualArgs } from '../layers/residual';
export { SpectralNormalization } from '../layers/spectral-normalization';
export type { SpectralNormalizationArgs } from '../layers/spectral-normalization';
