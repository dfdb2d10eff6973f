import { describe, expect, it, vi } from 'vitest';
import type { Command, WorkerEvent } from '../protocol';
import { serveDemo, type WorkerScope } from './serve';
import type { RunModel, Trainer, WorkerDemo } from './types';

// No GPU and no IndexedDB in Node: the worker trains on cpu and lists no checkpoints.
vi.mock('./backend', () => ({ pickBackend: async () => ({ backend: 'cpu', notes: [], detail: 'test' }) }));
vi.mock('./checkpoints', () => ({ listSlots: async () => [] }));

/** A worker scope the test talks to: `send` posts a command, `events` are what the worker posted. */
function fakeScope() {
  const events: WorkerEvent[] = [];
  let onMessage: ((e: MessageEvent) => void) | null = null;
  const scope: WorkerScope = {
    postMessage: (m) => events.push(m as WorkerEvent),
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
    throw new Error(`No '${type}' event; the worker posted ${events.map((e) => e.type).join(', ')}.`);
  };
  return { scope, send, events, next };
}

/** A demo whose one run counts steps and, with `quality`, scores its samples as 1.5 + step. */
function fakeDemo(withQuality: boolean): WorkerDemo {
  return {
    info: { id: 'fake', title: 'Fake', description: '', presets: {}, defaultPreset: '', knobs: [], chartMetrics: [] },
    async create() {
      const model = { step: 0 };
      const trainer: Trainer = {
        runs: [{ key: 'gan', label: 'GAN', model: model as unknown as RunModel }],
        step: async () => (model.step++, { gan: { loss: 1 } }),
        view: async () => ({ kind: 'image', width: 1, height: 1, pixels: new Uint8ClampedArray(4) }),
        dispose: () => {},
        ...(withQuality ? { quality: async () => ({ frechet: 1.5 + model.step, digits: 10 }) } : {}),
      };
      return trainer;
    },
  };
}

describe('serveDemo: measureQuality', () => {
  for (const withQuality of [true, false]) {
    it(`answers with one quality event at the paused step (${withQuality ? "the trainer's values" : 'empty values: the trainer measures none'})`, async () => {
      const { scope, send, events, next } = fakeScope();
      serveDemo(fakeDemo(withQuality), scope);
      // Periodic measurements off: every quality event is an answer.
      send({ type: 'init', backend: 'cpu', knobs: {}, autosaveSeconds: 0, qualitySeconds: 0 });
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
