// Regenerates the gallery's pictures: trains one preset of every demo headless
// with the CLI (`gandlf train`, in Node on wasm) and copies the last sample
// view, re-encoded smaller (compact-png.mjs), to public/pictures/<demo>.png, with
// what ran in public/pictures/pictures.json.
//
//   pnpm --filter @gandlf/gallery pictures              every demo
//   pnpm --filter @gandlf/gallery pictures mixtures     only the demos named
//
// Steps are picked so each picture already shows what the demo learns, at the
// least time: about 10 minutes for all five on 2 CPU cores (wasm, Node), a third
// of it BiGAN's. bench/README.md's MNIST table says how these MLPs go on improving.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compactPng } from './compact-png.mjs';
import { demosRoot, listDemos, picturesDir, picturesFile, readPictures } from './demos.mjs';

const repoRoot = join(demosRoot, '..');
const cli = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');

/** What each demo trains for its picture, all with one seed (recorded in pictures.json). */
const PLAN = {
  // The MLP GAN: about 20x cheaper a step than the DCGAN; digits show by 2000 steps (~14 steps/s).
  'gan-mnist': { preset: 'mlp', steps: 2000 },
  // The ring of 8: three GANs side by side, cheap, so it gets the paper-sized run (see its config.ts).
  mixtures: { preset: 'ring', steps: 2000 },
  // Samples and G(E(x)) pairs: digit shapes only begin by 1500 steps (~7 steps/s, the slowest here).
  'bigan-mnist': { preset: 'mlp', steps: 1500 },
  // Prior samples, reconstructions and the 2-D code scatter, which sorts itself by digit early.
  'aae-mnist': { preset: 'mlp', steps: 800 },
  // The DCGAN on the generated shapes it trains on until files are dropped (~4 steps/s): blobs by 500.
  images: { preset: 'dcgan', steps: 500 },
};
const SEED = 1;
const BACKEND = 'wasm';
/** The gallery loads every picture at once: a noisy one (early samples) gets its colours rounded to fit. */
const MAX_BYTES = 64 * 1024;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path) {
  const head = readFileSync(path).subarray(0, 24);
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

function buildCli() {
  execFileSync('pnpm', ['--silent', '--filter', '@gandlf/cli', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}

/** Trains `demo`'s planned preset into `out` and resolves to the path of its last sample view. */
function train(demo, { preset, steps }, out) {
  // Another build of the CLI may have emptied dist/ since ours.
  if (!existsSync(cli)) buildCli();
  const args = [cli, 'train', `${demo}/${preset}`, '--backend', BACKEND, '--steps', String(steps), '--seed', String(SEED), '--grid-every', '0', '--out', out];
  const run = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`gandlf train ${demo}/${preset} exited with status ${run.status}`);
  const grids = readdirSync(out)
    .map((f) => /^grid-step(\d+)\.png$/.exec(f))
    .filter((m) => m)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  if (!grids.length) throw new Error(`gandlf train ${demo}/${preset} wrote no grid-step<N>.png into ${out}`);
  return join(out, grids[0][0]);
}

const known = listDemos().map((d) => d.name);
const only = process.argv.slice(2);
for (const name of only) {
  if (!Object.hasOwn(PLAN, name)) throw new Error(`Expected demo names from the picture plan: ${Object.keys(PLAN).join(', ')}. Received: ${name}`);
}
for (const name of known.filter((d) => !Object.hasOwn(PLAN, d))) console.warn(`${name}: no picture plan (add one to PLAN in scripts/pictures.mjs); skipped`);

/** pictures.json in demo order; written after every picture, so a failed run keeps the ones it drew. */
function writeManifest(manifest) {
  const ordered = Object.fromEntries(known.filter((d) => manifest[d]).map((d) => [d, manifest[d]]));
  writeFileSync(picturesFile, `${JSON.stringify(ordered, null, 2)}\n`);
}

const started = performance.now();
buildCli();
mkdirSync(picturesDir, { recursive: true });
const manifest = readPictures();
const work = mkdtempSync(join(tmpdir(), 'gandlf-pictures-'));
const failed = [];
try {
  for (const demo of only.length ? only : known.filter((d) => Object.hasOwn(PLAN, d))) {
    const plan = PLAN[demo];
    const t0 = performance.now();
    let grid;
    try {
      grid = train(demo, plan, join(work, demo));
    } catch (e) {
      // The other demos' pictures are still worth drawing; the run fails at the end.
      console.error(`${demo}: ${e instanceof Error ? e.message : String(e)}; its picture is unchanged`);
      failed.push(demo);
      continue;
    }
    const file = `${demo}.png`;
    const { png, posterize } = compactPng(readFileSync(grid), { maxBytes: MAX_BYTES });
    const path = join(picturesDir, file);
    writeFileSync(path, png);
    const ran = JSON.parse(readFileSync(join(work, demo, 'run.json'), 'utf8'));
    manifest[demo] = { file, preset: plan.preset, steps: ran.steps, seed: SEED, backend: ran.backend, ...pngSize(path), ...(posterize > 1 ? { posterize } : {}) };
    writeManifest(manifest);
    console.log(`${demo}: ${demo}/${plan.preset}, ${ran.steps} steps in ${((performance.now() - t0) / 1000).toFixed(0)} s -> public/pictures/${file} (${(png.length / 1024).toFixed(1)} KB)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`pictures done in ${((performance.now() - started) / 1000).toFixed(0)} s: ${picturesDir}`);
if (failed.length) {
  console.error(`No new picture for: ${failed.join(', ')}`);
  process.exitCode = 1;
}
