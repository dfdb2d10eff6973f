import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import { SLOW_MOTION_MS, type Command, type WorkerEvent } from '../protocol';
import { serveDemo, type WorkerScope } from './serve';
import type { RunModel, Trainer, WorkerDemo } from './types';

// No GPU and no IndexedDB in Node: the worker trains on cpu and lists no checkpoints.
vi.mock('./backend', () => ({ pickBackend: async () => ({ backend: 'cpu', notes: [], detail: 'test' }) }));
vi.mock('./checkpoints', () => ({ listSlots: async () => [] }));

/** A worker scope the test talks to: `send` posts a command, `events` are what the worker posted (at `times`, performance.now()). */
function fakeScope() {
  const events: WorkerEvent[] = [];
  const times: number[] = [];
  let onMessage: ((e: MessageEvent) => void) | null = null;
  const scope: WorkerScope = {
    postMessage: (m) => {
      events.push(m as WorkerEvent);
      times.push(performance.now());
    },
    addEventListener: (type: string, listener: (e: MessageEvent) => void) => {
      if (type === 'message') onMessage = listener;
    },
  };
  const send = (command: Command) => onMessage!({ data: command } as MessageEvent);
  const next = async <T extends WorkerEvent['type']>(type: T, where: (e: Extract<WorkerEvent, { type: T }>) => boolean = () => true, from = 0) => {
    for (let i = 0; i < 500; i++) {
      const hit = events.slice(from).find((e): e is Extract<WorkerEvent, { type: T }> => e.type === type && where(e as Extract<WorkerEvent, { type: T }>));
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`No '${type}' event; the worker posted ${events.map((e) => (e.type === 'error' ? `error (${e.message})` : e.type)).join(', ')}.`);
  };
  /** The events of one type, from index `from` on. */
  const all = <T extends WorkerEvent['type']>(type: T, from = 0) => events.slice(from).filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  return { scope, send, events, times, next, all };
}

const PLAYERS = ['generator', 'discriminator'] as const;

/**
 * A demo whose one run counts steps, with a player of one real variable each:
 * a step adds 1 to the variables of the players it moves (all, or `only`), and
 * the view's first pixel is the step. With `quality`, it scores its samples as 1.5 + step.
 */
function fakeDemo(withQuality: boolean, onlys: (string | undefined)[] = []): WorkerDemo {
  return {
    info: { id: 'fake', title: 'Fake', description: '', presets: {}, defaultPreset: '', knobs: [], chartMetrics: [] },
    async create() {
      const variables = PLAYERS.map((_, i) => tf.variable(tf.zeros([i + 2])));
      // A gandlf Model's shape: its game under `adversarial`, and the updates of the latest step.
      const model = {
        step: 0,
        lastUpdates: { generator: 0, discriminator: 0 } as Record<string, number>,
        adversarial: { playerNames: PLAYERS, getPlayers: () => PLAYERS.map((name, i) => ({ name, variables: [variables[i]!] })) },
      };
      const trainer: Trainer = {
        runs: [{ key: 'gan', label: 'GAN', model: model as unknown as RunModel }],
        async step(only) {
          onlys.push(only);
          const moved = PLAYERS.filter((name) => only === undefined || name === only);
          PLAYERS.forEach((name, i) => moved.includes(name) && tf.tidy(() => variables[i]!.assign(variables[i]!.add(1))));
          model.lastUpdates = Object.fromEntries(PLAYERS.map((name) => [name, moved.includes(name) ? 1 : 0]));
          model.step++;
          return { gan: { loss: 1 } };
        },
        view: async () => ({ kind: 'image', width: 1, height: 1, pixels: new Uint8ClampedArray([model.step, 0, 0, 255]) }),
        dispose: () => variables.forEach((v) => v.dispose()),
        ...(withQuality ? { quality: async () => ({ frechet: 1.5 + model.step, digits: 10 }) } : {}),
      };
      return trainer;
    },
  };
}

/** Starts a worker on the fake demo, with the periodic autosave and quality checks off. */
function startFake(init: Partial<Extract<Command, { type: 'init' }>> = {}, withQuality = false) {
  const onlys: (string | undefined)[] = [];
  const scope = fakeScope();
  serveDemo(fakeDemo(withQuality, onlys), scope.scope);
  scope.send({ type: 'init', backend: 'cpu', knobs: {}, autosaveSeconds: 0, qualitySeconds: 0, ...init });
  return { ...scope, onlys };
}

/** Trains to at least step 2 and pauses; resolves to the paused state. */
async function trainThenPause({ send, next }: ReturnType<typeof fakeScope>) {
  await next('state', (e) => e.status === 'training' && e.step >= 2);
  send({ type: 'pause' });
  return next('state', (e) => e.status === 'paused');
}

describe('serveDemo: measureQuality', () => {
  for (const withQuality of [true, false]) {
    it(`answers with one quality event at the paused step (${withQuality ? "the trainer's values" : 'empty values: the trainer measures none'})`, async () => {
      // Periodic measurements off: every quality event is an answer.
      const { send, events, next } = startFake({}, withQuality);
      await next('state', (e) => e.status === 'training' && e.step >= 3);
      send({ type: 'pause' });
      const paused = await next('state', (e) => e.status === 'paused');
      expect(events.some((e) => e.type === 'quality')).toBe(false);
      const from = events.length;
      send({ type: 'measureQuality' });
      const answer = await next('quality', () => true, from);
      expect(answer).toEqual({ type: 'quality', step: paused.step, values: withQuality ? { frechet: 1.5 + paused.step, digits: 10 } : {} });
      // Measuring leaves the run paused.
      await new Promise((r) => setTimeout(r, 50));
      expect(events.filter((e) => e.type === 'quality')).toHaveLength(1);
      expect(
        events
          .filter((e) => e.type === 'logs')
          .flatMap((e) => e.entries)
          .at(-1)!.step,
      ).toBe(paused.step);
    });
  }
});

describe('serveDemo: players', () => {
  it("names the first run's players, and posts who moved in every step", async () => {
    const worker = startFake();
    const { next, all } = worker;
    expect((await next('runs')).players).toEqual(PLAYERS);
    await trainThenPause(worker);
    const entries = all('logs').flatMap((e) => e.entries);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.moves).toEqual({ gan: { generator: 1, discriminator: 1 } });
  });
});

describe('serveDemo: step', () => {
  it('steps once while paused (only the named player when `only` is given), shows the view and the weights, and stays paused', async () => {
    const worker = startFake();
    const { send, events, next, all, onlys } = worker;
    const paused = await trainThenPause(worker);
    let prints = (await next('weights', (e) => e.step === paused.step)).runs.gan!;
    expect(Object.keys(prints)).toEqual(PLAYERS);
    expect(prints.generator).toMatch(/^[0-9a-f]{8}$/);
    for (const [i, only] of [undefined, 'generator', 'discriminator', 'generator'].entries()) {
      const from = events.length;
      const step = paused.step + i + 1;
      send({ type: 'step', ...(only ? { only } : {}) });
      const state = await next('state', (e) => e.step === step, from);
      expect(state.status).toBe('paused');
      expect(state.message).toBe(`Paused at step ${step} (one ${only ? `${only} ` : ''}step).`);
      expect(onlys.at(-1)).toBe(only);
      const entry = all('logs', from)
        .flatMap((e) => e.entries)
        .find((e) => e.step === step)!;
      const moved = (name: string) => (only === undefined || name === only ? 1 : 0);
      expect(entry.moves).toEqual({ gan: { generator: moved('generator'), discriminator: moved('discriminator') } });
      expect(all('view', from).map((e) => e.step)).toEqual([step]);
      const weights = all('weights', from);
      expect(weights.map((e) => e.step)).toEqual([step]);
      // Fingerprints are of the weights: only a moved player's changes.
      for (const name of PLAYERS) expect(weights[0]!.runs.gan![name] !== prints[name]).toBe(moved(name) === 1);
      prints = weights[0]!.runs.gan!;
      // The tensors stay flat: fingerprints read the weights without making any.
      expect(state.tensors).toBe(paused.tensors);
    }
    // Still paused: no step ran by itself.
    await new Promise((r) => setTimeout(r, 50));
    expect(all('state').at(-1)).toMatchObject({ status: 'paused', step: paused.step + 4 });
  });

  it('answers an unknown `only` with a non-fatal error naming the players, and stays paused', async () => {
    const worker = startFake();
    const { send, events, next, onlys } = worker;
    const paused = await trainThenPause(worker);
    const calls = onlys.length;
    const from = events.length;
    send({ type: 'step', only: 'critic' });
    const error = await next('error', () => true, from);
    expect(error.fatal).toBe(false);
    expect(error.message).toContain("'generator', 'discriminator'");
    expect(error.message).toContain("only='critic'");
    const state = await next('state', () => true, from);
    expect(state).toMatchObject({ status: 'paused', step: paused.step });
    expect(onlys.length).toBe(calls);
  });

  it('does not step while training: it answers that a step needs a pause', async () => {
    const { send, events, next, onlys } = startFake();
    await next('state', (e) => e.status === 'training' && e.step >= 1);
    const from = events.length;
    send({ type: 'step', only: 'discriminator' });
    const error = await next('error', () => true, from);
    expect(error).toMatchObject({ fatal: false, message: expect.stringContaining('pause first') });
    send({ type: 'pause' });
    await next('state', (e) => e.status === 'paused', from);
    expect(onlys).not.toContain('discriminator');
  });
});

describe('serveDemo: pauseAt', () => {
  it('pauses exactly at that step, with the view and the weights of that step, and again after a reset', async () => {
    const { send, events, next, all } = startFake({ pauseAt: 5 });
    for (let round = 0; round < 2; round++) {
      const from = events.length;
      if (round) send({ type: 'reset' });
      const paused = await next('state', (e) => e.status === 'paused', from);
      expect(paused).toMatchObject({ step: 5, message: 'Paused at step 5 (?pauseAt=5).' });
      const view = all('view', from).at(-1)!;
      expect(view.step).toBe(5);
      expect(view.view.kind === 'image' && view.view.pixels[0]).toBe(5);
      await next('weights', (e) => e.step === 5, from);
      await new Promise((r) => setTimeout(r, 50));
      expect(Math.max(...all('logs', from).flatMap((e) => e.entries.map((x) => x.step)))).toBe(5);
    }
  });
});

describe('serveDemo: pace', () => {
  it('in slow motion, draws a view after every step and spaces the steps; a pause still takes effect at once', async () => {
    const { send, events, times, next, all } = startFake();
    const start = await next('state', (e) => e.status === 'training' && e.step >= 1);
    const from = events.length;
    send({ type: 'pace', slow: true });
    await next('state', (e) => e.message === 'Training in slow motion…', from);
    // The first slow step may follow at once; from the second on, SLOW_MOTION_MS apart.
    const first = (await next('view', (e) => e.step > start.step + 1, from)).step;
    await next('view', (e) => e.step === first + 2, from);
    const views = all('view', from).filter((e) => e.step >= first);
    expect(views.map((e) => e.step)).toEqual([first, first + 1, first + 2]);
    const at = (step: number) => times[events.indexOf(views.find((e) => e.step === step)!)]!;
    expect(at(first + 2) - at(first)).toBeGreaterThanOrEqual(SLOW_MOTION_MS);
    // Sent between two slow steps, the pause lands without waiting out the gap.
    const sent = performance.now();
    const pauseFrom = events.length;
    send({ type: 'pause' });
    const paused = await next('state', (e) => e.status === 'paused', pauseFrom);
    expect(times[events.indexOf(paused)]! - sent).toBeLessThan(SLOW_MOTION_MS);
    expect(paused.step).toBeLessThanOrEqual(first + 3);
  });
});
