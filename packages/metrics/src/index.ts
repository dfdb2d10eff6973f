// The public API of @gandlf/metrics: sample-quality metrics for generative models.
export { MetricsError } from './errors';
export { symmetricEigen } from './symmetric-eigen';
export type { SymmetricEigen } from './symmetric-eigen';
export { featureStatistics, frechetDistance } from './frechet-distance';
export type { FeatureStatistics } from './frechet-distance';
export { classCoverage } from './class-coverage';
export type { ClassCoverage, ClassCoverageOptions } from './class-coverage';
export { meanConfidence } from './mean-confidence';
export { mnistClassifierNetwork, FEATURE_LAYER } from './mnist-classifier/network';
export type { MnistClassifierNetworkOptions } from './mnist-classifier/network';
export { loadMnistClassifier, mnistClassifierFromArtifacts } from './mnist-classifier/load';
export type { LoadMnistClassifierOptions, MnistClassifier } from './mnist-classifier/load';
export { mnistQuality, mnistTestStatistics } from './mnist-quality';
export type { MnistQuality, MnistQualityOptions } from './mnist-quality';
