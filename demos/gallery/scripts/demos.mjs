// The demos the gallery shows: every demos/<name>/package.json with a
// "gandlf": { "title" } field, in "order". A new demo needs no gallery change.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demos/ folder. */
export const demosRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Where the gallery's pictures live (served as /pictures/), written by scripts/pictures.mjs. */
export const picturesDir = fileURLToPath(new URL('../public/pictures', import.meta.url));

/** What made each picture: `{ <demo>: { file, preset, steps, seed, backend, width, height, posterize? } }`. */
export const picturesFile = join(picturesDir, 'pictures.json');

/**
 * @returns {Record<string, { file: string, preset: string, steps: number, seed: number, backend: string, width: number, height: number, posterize?: number }>}
 */
export function readPictures() {
  return existsSync(picturesFile) ? JSON.parse(readFileSync(picturesFile, 'utf8')) : {};
}

/**
 * @returns {{ name: string, dir: string, title: string, description: string, order: number, presets: string[] }[]}
 */
export function listDemos() {
  return readdirSync(demosRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(demosRoot, d.name, 'package.json')))
    .map((d) => ({ d, pkg: JSON.parse(readFileSync(join(demosRoot, d.name, 'package.json'), 'utf8')) }))
    .filter(({ pkg }) => typeof pkg.gandlf?.title === 'string')
    .map(({ d, pkg }) => {
      const meta = pkg.gandlf;
      return {
        name: d.name,
        dir: join(demosRoot, d.name),
        title: meta.title,
        description: pkg.description ?? '',
        order: meta.order ?? 99,
        presets: readdirSync(join(demosRoot, d.name, 'src', 'presets'))
          .filter((f) => f.endsWith('.ts'))
          .map((f) => f.slice(0, -3)),
      };
    })
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}
