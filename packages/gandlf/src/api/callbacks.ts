// `gandlf.callbacks`: fit callbacks, as `tf.callbacks`, and the image tools
// `imageGrid` draws with.
export { adaptiveLearningRate } from '../callbacks/adaptive-learning-rate';
export type { AdaptiveLearningRateOptions } from '../callbacks/adaptive-learning-rate';
export { checkpoint } from '../callbacks/checkpoint';
export type { CheckpointCallback, CheckpointOptions, Checkpointable } from '../callbacks/checkpoint';
export { imageGrid, toCanvas } from '../callbacks/image-grid';
export type { GridSink, ImageGridOptions } from '../callbacks/image-grid';
export { tileImages } from '../callbacks/tile-images';
export type { TileImagesOptions } from '../callbacks/tile-images';
export { progressBar } from '../training/progress-bar';
export type { ProgressBarOptions, ProgressStream } from '../training/progress-bar';
