// `gandlf.io`: the checkpoints under a URL, as `tf.io.listModels` and
// `tf.io.removeModel`, and the stores behind URL schemes.
export { listCheckpoints, removeCheckpoint } from '../checkpoint/checkpoint-store';
export type { CheckpointDestination } from '../checkpoint/checkpoint-store';
export { MemoryStore } from '../checkpoint/memory-store';
export { registerStoreManager } from '../checkpoint/stores';
export type { StoreManager } from '../checkpoint/stores';
export { loadRun } from '../model/load-run';
