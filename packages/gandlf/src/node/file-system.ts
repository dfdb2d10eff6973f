import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { registerStoreManager } from '../checkpoint/stores';

const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';

function pathOf(url: string): string {
  return resolve(url.replace(/^file:\/\//, ''));
}

/** Writes a file through a temporary name and a rename, so readers never see half of it. */
async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}

function concat(data: tf.io.WeightData): Uint8Array {
  const buffers = Array.isArray(data) ? data : [data];
  const out = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
  let k = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), k);
    k += b.byteLength;
  }
  return out;
}

/**
 * A tfjs IOHandler for a directory in the standard layout (`model.json` plus
 * `weights.bin`), so `tf.loadLayersModel` can read what it writes.
 *
 * @example await generator.save(fileSystem('file:///tmp/my-generator'))
 */
export function fileSystem(url: string): tf.io.IOHandler {
  const dir = pathOf(url);
  return {
    async save(artifacts) {
      await mkdir(dir, { recursive: true });
      const weights = artifacts.weightData === undefined ? new Uint8Array(0) : concat(artifacts.weightData);
      // Weights first: model.json is what makes the directory a model.
      await writeAtomically(join(dir, WEIGHTS_BIN), weights);
      const modelJson = {
        modelTopology: artifacts.modelTopology,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      await writeAtomically(join(dir, MODEL_JSON), JSON.stringify(modelJson));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
    async load() {
      const json = JSON.parse(await readFile(join(dir, MODEL_JSON), 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const specs = manifest.flatMap((g) => g.weights);
        const files = manifest.flatMap((g) => g.paths.map((p) => join(dir, p)));
        const parts = await Promise.all(files.map((f) => readFile(f)));
        const bytes = concat(parts.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer));
        return [specs, bytes.buffer as ArrayBuffer];
      });
    },
  };
}

async function listModelDirs(root: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch {
    return;
  }
  if (entries.some((e) => e.isFile() && e.name === MODEL_JSON)) out.push(`file://${root}`);
  await Promise.all(entries.filter((e) => e.isDirectory()).map((e) => listModelDirs(join(root, e.name), out)));
}

let registered = false;

/**
 * Routes `file://` URLs to `fileSystem` in `tf.io` and in gandlf's checkpoint
 * functions. Importing `gandlf/node` calls it.
 */
export function registerFileSystem(): void {
  if (registered) return;
  registered = true;
  const route = (url: string | string[]) => (typeof url === 'string' && url.startsWith('file://') ? fileSystem(url) : null) as tf.io.IOHandler;
  tf.io.registerSaveRouter(route);
  tf.io.registerLoadRouter(route);
  registerStoreManager('file', {
    // gandlf's checkpoints keep this layout even where tfjs-node routes file:// as well.
    handler: fileSystem,
    async list(prefix) {
      // Walk from the prefix's directory; the caller filters by the prefix itself.
      const path = pathOf(prefix);
      const isDir = await stat(path).then(
        (s) => s.isDirectory(),
        () => false,
      );
      const out: string[] = [];
      await listModelDirs(isDir ? path : dirname(path), out);
      return out;
    },
    async remove(url) {
      const dir = pathOf(url);
      await stat(join(dir, MODEL_JSON));
      await rm(join(dir, MODEL_JSON));
      await rm(join(dir, WEIGHTS_BIN), { force: true });
      // Remove the directory only if nothing else lives there.
      await rmdir(dir).catch(() => undefined);
    },
  });
}
