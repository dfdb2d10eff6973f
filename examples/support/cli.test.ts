import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseExampleArgs, UsageError } from './cli';
import { tempOut } from './smoke';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '../..');
const tsx = join(repo, 'node_modules/.bin/tsx');
const examples = ['gandlf', 'keras-adversarial'].flatMap((dir) =>
  readdirSync(join(repo, 'examples', dir))
    // Scripts, not their helpers: each script exports its spec.
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && readFileSync(join(repo, 'examples', dir, f), 'utf8').includes('export const spec'))
    .map((f) => `${dir}/${f.slice(0, -3)}`),
);

describe('the examples command line', () => {
  it('parses the shared flags and rejects unknown or malformed ones, naming them', () => {
    expect(parseExampleArgs(['--tiny', '--epochs', '3', '--seed', '7', '--out', 'o', '--quiet'])).toEqual({ help: false, tiny: true, epochs: 3, seed: 7, out: 'o', verbose: false });
    expect(parseExampleArgs(['-h']).help).toBe(true);
    expect(() => parseExampleArgs(['--bogus'])).toThrow(UsageError);
    expect(() => parseExampleArgs(['--epochs', '0'])).toThrow(/--epochs must be an integer >= 1. Received: --epochs 0/);
  });

  it('every example is a script with its test, named after its file, listed in the README', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    expect(examples.length).toBe(14);
    for (const name of examples) {
      const source = readFileSync(join(repo, 'examples', `${name}.ts`), 'utf8');
      expect(source, name).toContain(`name: '${name}'`);
      expect(source, name).toContain('await main(import.meta, spec, run)');
      expect(existsSync(join(repo, 'examples', `${name}.test.ts`)), `${name}.test.ts`).toBe(true);
      expect(readme, `README lists examples/${name}.ts`).toContain(`examples/${name}.ts`);
    }
  });

  it('`pnpm example <file> --help` prints usage and exits 0; an unknown flag exits 2 with the usage', async () => {
    const file = 'examples/keras-adversarial/example_gan.ts';
    const help = await run(tsx, ['--tsconfig', 'tsconfig.json', file, '--help'], { cwd: repo });
    expect(help.stdout).toContain(`Usage: pnpm example ${file}`);
    const bad = await run(tsx, ['--tsconfig', 'tsconfig.json', file, '--bogus'], { cwd: repo }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/Unknown option '--bogus'[\s\S]*Usage:/);
  });

  it('the README command trains an example end to end in Node (wasm) and writes its files', async () => {
    const out = await tempOut('cli');
    const { stdout } = await run(tsx, ['--tsconfig', 'tsconfig.json', 'examples/keras-adversarial/example_gan.ts', '--tiny', '--epochs', '1', '--out', out], { cwd: repo });
    expect(stdout).toMatch(/epoch 1\/1 loss=/);
    for (const f of ['epoch-0000.png', 'history.csv', 'checkpoint']) expect(existsSync(join(out, f)), f).toBe(true);
  });
});
