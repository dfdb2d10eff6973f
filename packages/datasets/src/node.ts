// Node-only entry (`@gandlf/datasets/node`): kept apart so browser bundles never see node:fs.
export { loadMnistNode, mnistFilePaths } from './mnist-node';
export type { LoadMnistNodeOptions, MnistSplit } from './mnist-node';
