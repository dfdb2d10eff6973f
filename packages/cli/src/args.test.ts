import { describe, expect, it } from 'vitest';
import { COMMAND_USAGE, COMMANDS, parseArgs, usage, USAGE } from './args';
import { UsageError } from './errors';

describe('parseArgs', () => {
  it('reads a train command with every flag, in both spellings', () => {
    expect(parseArgs(['train', 'mixtures/ring', '--backend', 'cpu', '--steps=200', '--seed', '3', '--out', 'o', '--grid-every', '50'])).toEqual({
      command: 'train',
      preset: 'mixtures/ring',
      backend: 'cpu',
      steps: 200,
      seed: 3,
      out: 'o',
      gridEvery: 50,
    });
  });

  it('defaults: wasm, 1000 steps, a grid every quarter, the preset seed; out is left to the resolved preset', () => {
    expect(parseArgs(['train', 'gan-mnist/tiny'])).toEqual({ command: 'train', preset: 'gan-mnist/tiny', backend: 'wasm', steps: 1000, gridEvery: 250 });
    expect(parseArgs(['train', 'gan-mnist'])).toMatchObject({ command: 'train', preset: 'gan-mnist' });
  });

  it('list and help', () => {
    expect(parseArgs(['list'])).toEqual({ command: 'list' });
    expect(parseArgs([])).toEqual({ command: 'help' });
    expect(parseArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['-h'])).toEqual({ command: 'help' });
    expect(parseArgs(['help', 'train'])).toEqual({ command: 'help', topic: 'train' });
  });

  for (const command of COMMANDS) {
    for (const flag of ['--help', '-h']) {
      it(`${command} ${flag} asks for ${command}'s usage`, () => {
        expect(parseArgs([command, flag])).toEqual({ command: 'help', topic: command });
      });
    }
  }

  it('a help flag wins over the rest of the line, bad flags and values included', () => {
    expect(parseArgs(['train', 'mixtures/ring', '--lr', '1', '-h'])).toEqual({ command: 'help', topic: 'train' });
    expect(parseArgs(['train', '--steps', 'x', '--help'])).toEqual({ command: 'help', topic: 'train' });
    expect(parseArgs(['list', 'x', '--help'])).toEqual({ command: 'help', topic: 'list' });
  });

  it("usage: the top-level one without a topic, else the one command's, each naming its flags and --help", () => {
    expect(usage()).toBe(USAGE);
    for (const command of COMMANDS) {
      expect(usage(command)).toBe(COMMAND_USAGE[command]);
      expect(usage(command)).toMatch(new RegExp(`^Usage: gandlf ${command}`));
      expect(usage(command)).toContain('-h, --help');
      expect(USAGE).toContain(`gandlf ${command}`);
    }
    expect(usage('train')).toContain('--grid-every');
    expect(usage('list')).not.toContain('--backend');
  });

  const bad: [string[], RegExp][] = [
    [['fit', 'mixtures/ring'], /Unknown command\. Expected one of train, list, help\. Received: fit/],
    [['train'], /takes one preset.*Received: none/],
    [['train', 'a/b', 'c/d'], /takes one preset.*Received: a\/b c\/d/],
    [['train', 'mixtures/ring', '--backend', 'tpu'], /--backend must be one of cpu, wasm, webgl, webgpu\. Received: --backend tpu/],
    [['train', 'mixtures/ring', '--steps', '0'], /--steps must be an integer of at least 1\. Received: --steps 0/],
    [['train', 'mixtures/ring', '--steps', '2.5'], /Received: --steps 2\.5/],
    [['train', 'mixtures/ring', '--steps'], /--steps needs a value/],
    [['train', 'mixtures/ring', '--seed', '--out', 'x'], /--seed needs a value/],
    [['train', 'mixtures/ring', '--seed', '-1'], /--seed must be an integer of at least 0\. Received: --seed -1/],
    [['train', 'mixtures/ring', '--lr', '1'], /Unknown flag for 'gandlf train'\. Expected one of --backend.*--grid-every, --help\. Received: --lr/],
    [['list', 'x'], /takes no arguments\. Received: x/],
    [['help', 'fit'], /Unknown command for 'gandlf help'\. Expected one of train, list, help\. Received: fit/],
    [['help', 'train', 'list'], /'gandlf help' takes at most one command\. Received: train list/],
  ];
  for (const [argv, message] of bad) {
    it(`rejects ${argv.join(' ')}`, () => {
      expect(() => parseArgs(argv)).toThrow(UsageError);
      expect(() => parseArgs(argv)).toThrow(message);
    });
  }
});
