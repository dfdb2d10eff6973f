// The public API of @gandlf/datasets: plain typed arrays, no tfjs, no DOM.
// Node-only loaders live in ./node.ts (`@gandlf/datasets/node`).
export { DatasetError } from './errors';
export { parseIdx } from './idx';
export type { IdxArray, IdxDtype, IdxTypedArray } from './idx';
export { gunzipIfNeeded, isGzip } from './gzip';
export type { GunzipOptions } from './gzip';
export type { PixelRange } from './pixels';
export { mnistFromIdx } from './mnist';
export type { MnistData, MnistOptions } from './mnist';
export { CIFAR10_CLASSES, parseCifar10Batch } from './cifar10';
export type { Cifar10Data, Cifar10Options } from './cifar10';
export { imagesToTensorData } from './images';
export type { ImageLike, ImagesToTensorDataOptions, TensorData } from './images';
export { gridMixture, ringMixture } from './mixtures';
export type { GridMixtureOptions, Mixture, RingMixtureOptions, Uniform } from './mixtures';
export { mixtureQuality } from './mixture-quality';
export type { MixtureQuality, MixtureQualityOptions } from './mixture-quality';
export { pointCloud } from './point-cloud';
export type { PointCloud, PointCloudOptions } from './point-cloud';
export { parsePointsCsv, pointsCsv } from './points-csv';
export type { ParsePointsCsvOptions } from './points-csv';
