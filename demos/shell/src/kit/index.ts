// The trainer kit: what a demo's trainer is built from, so that a demo is its
// config, its networks and its view. Runs in the worker (and in Node tests).
export { BatchStream } from './batch-stream';
export type { BatchStreamOptions, BatchStreamState } from './batch-stream';
export { trainerContext } from './context';
export type { CreateContext, Restored } from './context';
export { adversarialOptimizer, ganLoss, ganTraining } from './gan';
export type { GanLoss, GanTraining } from './gan';
export { dcganDiscriminator, dcganGenerator, denseLeaky, init, leaky, mlp } from './networks';
export type { DcganDiscriminatorOptions, DcganGeneratorOptions, MlpOptions } from './networks';
export { layersOf, restoredRun, runModel } from './run-model';
export type { RunModel, RunModelOptions } from './run-model';
