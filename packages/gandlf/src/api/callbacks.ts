// `gandlf.callbacks`: fit callbacks, as `tf.callbacks`, and the image tools
// `imageGrid` draws with.
export { adaptiveLearningRate } from '../callbacks/adaptive-learning-rate';
export type { AdaptiveLearningRateOptions } from '../callbacks/adaptive-learning-rate';
export { checkpoint } from '../callbacks/checkpoint';
export type { CheckpointCallback, CheckpointOptions, Checkpointable } from '../callbacks/checkpoint';
export { imageGrid, toCanvas } from '../callbacks/image-grid';
export type { GridSink, ImageGridOptions, ImageSource } from '../callbacks/image-grid';
export { applyColormap, colormapNames } from '../callbacks/colormap';
export type { ColormapName } from '../callbacks/colormap';
export { learningRateScheduler } from '../callbacks/learning-rate-scheduler';
export type { HasPlayers, LearningRateSchedule, LearningRateSchedulerOptions } from '../callbacks/learning-rate-scheduler';
export { tileImages } from '../callbacks/tile-images';
export type { TileImagesOptions } from '../callbacks/tile-images';
export { progressBar } from '../training/progress-bar';
export type { ProgressBarOptions, ProgressStream } from '../training/progress-bar';
