// @ts-check
// Writes the overhead, memory and frame-rate tables of bench/README.md from
// results/overhead.json, results/memory.json and results/fps.json (between the
// <!-- name:table:start/end --> markers; tables whose results are missing are left alone).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** @param {string} name */
const read = (name) => (existsSync(join(here, 'results', name)) ? JSON.parse(readFileSync(join(here, 'results', name), 'utf8')) : null);
/** @param {number | undefined} x @param {number} [digits] */
const num = (x, digits = 2) => (x === undefined || !Number.isFinite(x) ? '' : x.toFixed(digits));
/** @param {number | undefined} x */
const rate = (/** @type {number | undefined} */ x) => (x === undefined || !Number.isFinite(x) ? '' : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
/** @param {number | undefined} x */
const ratio = (x) => (x === undefined || !Number.isFinite(x) ? '' : `${x.toFixed(2)}x`);
const MODELS = { small: 'small MLP GAN (64-unit layers)', mlp: 'MLP GAN (PLATFORM.md)', dcgan: 'DCGAN (bench/dcgan.mjs)' };

/** @param {any} r */
function overheadTable(r) {
  const rows = [
    '| runtime | backend | model | gandlf Alternating (steps/s) | gandlf Simultaneous (steps/s) | hand-written loop (steps/s) | Alternating vs hand | Simultaneous vs hand | timed by | wall-time ratios (Alt, Sim) | rounds x steps | load (1 min) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  // Node before Chromium; within each, cpu, wasm, webgl, webgpu; small, MLP, DCGAN.
  const order = (/** @type {string} */ n) => {
    const [where = '', backend = '', arch = ''] = n.split('-');
    return (where === 'node' ? 0 : 100) + 10 * ['cpu', 'wasm', 'webgl', 'webgpu'].indexOf(backend) + ['small', 'mlp', 'dcgan'].indexOf(arch);
  };
  const byOrder = (/** @type {string} */ a, /** @type {string} */ b) => order(a) - order(b);
  for (const [name, c] of Object.entries(r.cases).sort(([a], [b]) => byOrder(a, b))) {
    const [where, backend, arch] = name.split('-');
    const model = MODELS[/** @type {keyof typeof MODELS} */ (arch)] ?? arch;
    const runtime = where === 'node' ? 'Node' : 'Chromium';
    if (c.skipped || c.error) {
      rows.push(`| ${runtime} | ${backend} | ${model} | ${c.skipped ? `skipped: ${c.skipped}` : `failed: ${String(c.error).slice(0, 120)}`} | | | | | | | | |`);
      continue;
    }
    // Node: CPU time (steadier on a shared machine); Chromium: wall time.
    const cpu = !!c.cpuSpeedup;
    const s = (cpu ? c.cpuStepsPerSec : c.stepsPerSec) ?? {};
    const x = (cpu ? c.cpuSpeedup : c.speedup) ?? {};
    const wall = cpu ? `${ratio(c.speedup?.alternating)}, ${ratio(c.speedup?.simultaneous)}` : '';
    rows.push(
      `| ${runtime} | ${backend} | ${model} | ${rate(s.alternating)} | ${rate(s.simultaneous)} | ${rate(s.hand)} | ${ratio(x.alternating)} | ${ratio(x.simultaneous)} | ${cpu ? 'CPU time' : 'wall time'} | ${wall} | ${c.rounds} x ${c.steps} | ${num(c.load?.before?.[0], 1)} |`,
    );
  }
  const ats = Object.values(r.cases)
    .map((/** @type {any} */ c) => String(c.at ?? ''))
    .filter((a) => a)
    .sort();
  const at = (/** @type {string | undefined} */ a) =>
    String(a ?? r.lastRun)
      .slice(0, 16)
      .replace('T', ' ');
  return [`Median over rounds; cases finished between ${at(ats[0])} and ${at(ats[ats.length - 1])} UTC (\`at\` in the JSON):`, '', ...rows].join('\n');
}

/** @param {any} m */
function memoryTable(m) {
  const rows = [
    `Node ${m.runtime?.replace('Node ', '') ?? ''}, ${m.backend}, small MLP GAN, batch 64: \`tf.memory()\` after every 100 of ${m.steps} steps (after one step that creates the optimizer slots); growth is from the first sample to the last.`,
    '',
    '| trainer | tensors growth | bytes growth | tensors at the end |',
    '|---|---|---|---|',
  ];
  for (const k of ['alternating', 'simultaneous', 'hand']) {
    const t = m[k];
    if (!t) continue;
    const last = t.samples[t.samples.length - 1];
    rows.push(
      `| ${k === 'hand' ? 'hand-written loop' : `gandlf ${k[0].toUpperCase()}${k.slice(1)}`} | ${t.tensorsGrowth >= 0 ? '+' : ''}${t.tensorsGrowth} | ${t.bytesGrowth >= 0 ? '+' : ''}${t.bytesGrowth} | ${last.tensors} |`,
    );
  }
  rows.push(
    '',
    'Peak bytes of one training step above the bytes resident before it (`tf.profile`), batch 64:',
    '',
    '| model | gandlf Alternating | gandlf Simultaneous | hand-written loop | Alternating / hand | Simultaneous / hand |',
    '|---|---|---|---|---|---|',
  );
  const mb = (/** @type {number} */ b) => `${(b / 2 ** 20).toFixed(1)} MB`;
  for (const [arch, p] of Object.entries(m.peakBytesAboveResident ?? {})) {
    rows.push(
      `| ${MODELS[/** @type {keyof typeof MODELS} */ (arch)] ?? arch} | ${mb(p.alternating)} | ${mb(p.simultaneous)} | ${mb(p.hand)} | ${(p.alternating / p.hand).toFixed(2)} | ${(p.simultaneous / p.hand).toFixed(2)} |`,
    );
  }
  return rows.join('\n');
}

/** The knobs a case set in the page's form, e.g. `heatmap, gradients, manifold on; a view every step`. @param {Record<string, string | number>} [set] */
function knobsSet(set = {}) {
  const toggles = ['heatmap', 'gradients', 'manifold'].filter((k) => k in set);
  const on = toggles.filter((k) => set[k] === 'on');
  const parts = [];
  if (toggles.length) parts.push(on.length === toggles.length ? `overlays all on` : on.length === 0 ? 'overlays all off' : `${on.join(', ')} on`);
  if (set.sampleEvery !== undefined) parts.push(Number(set.sampleEvery) === 1 ? 'a view every step' : `a view every ${set.sampleEvery} steps`);
  return parts.join('; ') || "the preset's";
}

/** @param {any} f */
function fpsTable(f) {
  const rows = [
    `Run of ${String(f.at).slice(0, 16).replace('T', ' ')} UTC, headless Chromium, SwiftShader:`,
    '',
    '| demo / preset | backend | knobs | fps while training | longest frame | views drawn | fps while paused | training steps/s | load (1 min, before → after) |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [key, c] of Object.entries(f.cases)) {
    if (c.error) {
      rows.push(`| ${key} | | | failed: ${String(c.error).slice(0, 120)} | | | | | |`);
      continue;
    }
    rows.push(
      `| ${c.demo}/${c.preset} | ${c.backend} | ${knobsSet(c.set)} | ${num(c.training.fps, 1)} | ${num(c.training.longestFrameMs, 0)} ms | ${c.training.views ?? ''} | ${num(c.paused.fps, 1)} | ${num(c.stepsPerSec)} | ${num(c.load?.before?.[0], 1)} → ${num(c.load?.after?.[0], 1)} |`,
    );
  }
  return rows.join('\n');
}

/** Replaces the text between a table's markers in bench/README.md. */
export function updateTable() {
  const path = join(here, 'README.md');
  let text = readFileSync(path, 'utf8');
  /** @type {[string, unknown, (r: any) => string][]} */
  const tables = [
    ['overhead', read('overhead.json'), overheadTable],
    ['memory', read('memory.json'), memoryTable],
    ['fps', read('fps.json'), fpsTable],
  ];
  for (const [name, data, render] of tables) {
    const start = `<!-- ${name}:table:start -->`;
    const end = `<!-- ${name}:table:end -->`;
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (!data || i < 0 || j < i) continue;
    text = `${text.slice(0, i + start.length)}\n${render(data)}\n${text.slice(j)}`;
  }
  writeFileSync(path, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) updateTable();
