// `gandlf.backends`: choosing a backend that can train a model, and the
// kernels gandlf adds to `@tensorflow/tfjs-backend-wasm`.
export { pickBackend } from '../backends/pick-backend';
export type { PickBackendOptions } from '../backends/pick-backend';
export { canTrainOnWasm, missingWasmKernels, registerWasmConvGradients } from '../backends/wasm-conv';
export type { WasmConvRegistration } from '../backends/wasm-conv';
