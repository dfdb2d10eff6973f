// The Node entry point, `gandlf/node`: importing it routes `file://` URLs
// (tf.io, model.save, checkpoints) to the file system.
import { registerFileSystem } from './node/file-system';

registerFileSystem();

export { fileSystem, registerFileSystem } from './node/file-system';
export { encodePng, crc32 } from './node/png';
export { pngFiles } from './node/png-files';
export type { PngFilesOptions } from './node/png-files';
