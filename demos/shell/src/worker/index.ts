// The worker half of the demo shell: a demo's worker.ts calls serveDemo; its trainer is built from the kit (../kit).
export { pickBackend } from './backend';
export type { BackendPick } from './backend';
export { modelFiles } from './export';
export { imageGrid } from './image-grid';
export type { ImageGridOptions } from './image-grid';
export { serveDemo } from './serve';
export type { WorkerScope } from './serve';
export type { CreateContext, Run, RunModel, Trainer, WorkerDemo } from './types';
