// The Node entry point, `gandlf/node`: importing it routes `file://` URLs
// (tf.io, model.save, checkpoints) to the file system, and makes the wasm
// backend the default where it is installed (see node/wasm-default.ts).
import { registerFileSystem } from './node/file-system';
import { preferWasmByDefault } from './node/wasm-default';

registerFileSystem();
await preferWasmByDefault();

export { fileSystem, registerFileSystem } from './node/file-system';
export { encodePng, crc32 } from './node/png';
export { pngFiles } from './node/png-files';
export type { PngFilesOptions } from './node/png-files';
export { preferWasmByDefault } from './node/wasm-default';
