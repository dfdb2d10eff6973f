// The Node entry point, `gandlf/node`: importing it routes `file://` URLs
// (tf.io, model.save, checkpoints) to the file system.
import { registerFileSystem } from './node/file-system';

registerFileSystem();

export { fileSystem, registerFileSystem } from './node/file-system';
