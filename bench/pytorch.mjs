// @ts-check
// PyTorch, the reference side of the step benchmarks: Debian's python3-torch
// (installed with apt when missing; root only, never pip) running wasm-conv.py.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const PY = '/usr/bin/python3';

const hasTorch = () => spawnSync(PY, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;

/** Makes sure `PY` imports torch, installing Debian's package when it does not; throws when that fails. */
export function ensureTorch() {
  if (!existsSync(PY)) throw new Error(`${PY} not found`);
  if (hasTorch()) return;
  console.log('installing python3-torch with apt ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  spawnSync('apt-get', ['install', '-y', '-q', 'python3-torch', 'libopenblas0-pthread'], { stdio: 'inherit', env });
  if (!hasTorch()) throw new Error('python3-torch is not installed and apt-get could not install it');
}

/**
 * Times the DCGAN's or the MLP GAN's step in PyTorch (wasm-conv.py) and returns
 * the JSON line it prints (times, median, cpuTimes, cpuMedian, threads, ...).
 * @param {{ model?: 'dcgan' | 'mlp', steps: number, threads?: number | string }} options
 *   threads: PyTorch's (default: its own default)
 * @returns {Record<string, any>}
 */
export function wasmConvPy({ model = 'dcgan', steps, threads }) {
  ensureTorch();
  // PASSIVE: OpenMP threads sleep instead of spinning, so the two pools don't fight over 2 cores.
  const p = spawnSync(PY, [join(here, 'wasm-conv.py'), `--steps=${steps}`, `--model=${model}`, ...(threads ? [`--threads=${threads}`] : [])], {
    encoding: 'utf8',
    env: { ...process.env, OMP_WAIT_POLICY: 'PASSIVE' },
    timeout: 10 * 60_000,
  });
  const line = p.stdout?.trim().split('\n').pop() ?? '';
  if (p.status !== 0 || !line.startsWith('{')) throw new Error(`wasm-conv.py failed (status ${p.status}): ${(p.stderr ?? '').slice(-2000)}`);
  return JSON.parse(line);
}
