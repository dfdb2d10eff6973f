import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countLeaks } from '../support/leaks';
import { tempOut } from '../support/smoke';
import { run, spec, type RpsExperiment, type Strategies } from './example_rock_paper_scissors';

/** The largest distance of either player's strategy from (1/3, 1/3, 1/3). */
const offUniform = (s: Strategies) => Math.max(...[...s.a, ...s.b].map((p) => Math.abs(p - 1 / 3)));
const favourite = (p: readonly number[]) => p.indexOf(Math.max(...p));
const l1 = (p: readonly number[], q: readonly number[]) => p.reduce((sum, v, i) => sum + Math.abs(v - q[i]!), 0);

describe(spec.name, () => {
  it('--tiny: Unrolled (30, 30) converges to (1/3, 1/3, 1/3); Simultaneous and Alternating keep cycling; no leaks; charts written', async () => {
    const out = await tempOut(spec.name);
    const { result, leaked } = await countLeaks(() => run({ tiny: true, out, verbose: false }));
    expect(leaked).toBe(0);
    const byName = Object.fromEntries(result.experiments.map((e) => [e.name, e])) as Record<string, RpsExperiment>;
    expect(Object.keys(byName)).toEqual(['simultaneous', 'alternating', 'unrolled', 'unrolled_player_a']);

    // The example's claim: with both players unrolled 30 steps, both end within 0.05 of uniform.
    const unrolled = byName.unrolled!.strategies;
    const final = unrolled.at(-1)!;
    for (const p of [...final.a, ...final.b]) expect(Math.abs(p - 1 / 3)).toBeLessThan(0.05);
    expect(offUniform(unrolled[0]!), 'the run starts away from uniform').toBeGreaterThan(0.1);

    // Simultaneous and Alternating do not: over the last 4 epochs they stay far from uniform and keep moving,
    // and each player's favourite action goes round all of rock, paper and scissors.
    for (const name of ['simultaneous', 'alternating']) {
      const played = byName[name]!.strategies;
      const last = played.slice(-4);
      for (const s of last) expect(offUniform(s), `${name} stays away from uniform`).toBeGreaterThan(0.2);
      for (const who of ['a', 'b'] as const) {
        const moves = last.slice(1).map((s, i) => l1(s[who], last[i]![who]));
        expect(moves.reduce((x, y) => x + y, 0) / moves.length, `${name}: ${who} keeps moving`).toBeGreaterThan(0.1);
        expect(new Set(played.map((s) => favourite(s[who]))).size, `${name}: ${who}'s favourite action cycles`).toBe(3);
      }
    }
    for (const f of result.files) expect(existsSync(f.replace(/^file:\/\//, '')), f).toBe(true);
  });
});
