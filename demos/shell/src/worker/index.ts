// The worker half of the demo shell: a demo's worker.ts calls serveDemo.
export { pickBackend } from './backend';
export type { BackendPick } from './backend';
export { disposeAdversarialModel, disposeModel } from './dispose';
export { modelFiles } from './export';
export { adam, adversarialOptimizer, ganLoss } from './gan';
export type { GanLoss } from './gan';
export { imageGrid } from './image-grid';
export type { ImageGridOptions } from './image-grid';
export { restoredRun } from './restored';
export { serveDemo } from './serve';
export type { WorkerScope } from './serve';
export type { CreateContext, Run, RunModel, Trainer, WorkerDemo } from './types';
