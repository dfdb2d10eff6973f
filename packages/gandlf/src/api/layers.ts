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
export { RecurrentAttention1D } from '../layers/recurrent-attention-1d';
export type { RecurrentAttention1DArgs } from '../layers/recurrent-attention-1d';
export { RecurrentAttention2D } from '../layers/recurrent-attention-2d';
export type { RecurrentAttention2DArgs } from '../layers/recurrent-attention-2d';
export { Residual } from '../layers/residual';
export type { ResidualArgs, ResidualMergeMode } from '../layers/residual';
export { SpectralNormalization } from '../layers/spectral-normalization';
export type { SpectralNormalizationArgs } from '../layers/spectral-normalization';
