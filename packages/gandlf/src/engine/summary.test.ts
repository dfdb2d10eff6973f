import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors';
import { buildGan } from '../helpers/builders';
import { mlpDiscriminator, mlpGenerator } from '../test-utils/models';
import { AdversarialModel } from './adversarial-model';

describe('AdversarialModel.summary', () => {
  it("prints a shared model once and each player's trainable parameter count", () => {
    const g = mlpGenerator(4, 3, 8); // 4·8+8 + 8·3+3 = 67
    const d = mlpDiscriminator(3, 8); // 3·8+8 + 8·1+1 = 41
    const base = buildGan(g, d);
    const gan = new AdversarialModel({ baseModel: base, playerParams: [g.trainableWeights, d.trainableWeights], playerNames: ['generator', 'discriminator'] });
    const lines: string[] = [];
    const before = tf.memory().numTensors;
    gan.summary(100, undefined, (line) => lines.push(String(line)));
    expect(tf.memory().numTensors).toBe(before);
    expect(lines[0]).toBe('AdversarialModel: 2 player(s) (generator, discriminator)');
    expect(lines[1]).toBe("Player 'generator': model 'gan'");
    expect(lines[2]).toBe('_'.repeat(100));
    expect(lines).toContain('Total params: 108');
    expect(lines.filter((l) => l.startsWith('Total params'))).toHaveLength(1);
    expect(lines).toContain("Player 'generator' trains 67 parameters (4 weights)");
    expect(lines).toContain("Player 'discriminator': model 'gan', the same model as player 'generator'");
    expect(lines).toContain("Player 'discriminator' trains 41 parameters (4 weights)");
    expect(lines.at(-1)).toBe('Parameters trained by the players: 108');
  });

  it('prints every model of per-player models, and to console.log by default', () => {
    const x = tf.input({ shape: [2] });
    const a = tf.layers.dense({ units: 1, name: 'a' }).apply(x) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 2, name: 'b' }).apply(x) as tf.SymbolicTensor;
    const first = tf.model({ inputs: x, outputs: a, name: 'first' });
    const second = tf.model({ inputs: x, outputs: b, name: 'second' });
    const gan = new AdversarialModel({ playerModels: [first, second], playerParams: [first.trainableWeights, second.trainableWeights] });
    const lines: string[] = [];
    gan.summary(80, undefined, (line) => lines.push(String(line)));
    expect(lines.filter((l) => l.startsWith('Total params'))).toEqual(['Total params: 3', 'Total params: 6']);
    expect(lines).toContain("Player 'player_1': model 'second'");
    expect(() => gan.summary(80, undefined, 'log' as never)).toThrowError(InvalidArgumentError);
    const log = console.log;
    const logged: unknown[] = [];
    console.log = (line: unknown) => void logged.push(line);
    try {
      gan.summary();
    } finally {
      console.log = log;
    }
    expect(logged[0]).toBe('AdversarialModel: 2 player(s) (player_0, player_1)');
  });
});
