// The Node entry point, `gandlf/node`: importing it routes `file://` URLs
// (tf.io, model.save, checkpoints) to the file system, and makes the wasm
// backend the default where it is installed (see node/wasm-default.ts).
import { registerFileSystem } from './node/file-system';
import { preferWasmByDefault } from './node/wasm-default';

registerFileSystem();
await preferWasmByDefault();

// Importing this module already registers the file system and prefers wasm;
// the public names are the tools a Node script calls itself.
// index.test.ts snapshots them.
export { fileSystem } from './node/file-system';
export { encodePng } from './node/png';
export { pngFiles } from './node/png-files';
export type { PngFilesOptions } from './node/png-files';
