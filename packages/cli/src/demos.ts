import type { DemoInfo, Knobs } from '@gandlf/demo-shell/protocol';
import type { CreateContext, Trainer } from '@gandlf/demo-shell/worker';
import { info as aae } from '@gandlf/demo-aae-mnist/src/config';
import { info as bigan } from '@gandlf/demo-bigan-mnist/src/config';
import { info as ganMnist } from '@gandlf/demo-gan-mnist/src/config';
import { info as images } from '@gandlf/demo-images/src/config';
import { info as mixtures } from '@gandlf/demo-mixtures/src/config';
import { UsageError } from './errors';

// The demos the CLI trains: each demo's own config (presets, no tfjs) and,
// loaded on demand, its own trainer, the one its Web Worker runs in the page.

/** What a demo's worker serves (see `WorkerDemo`), with its trainer loaded lazily. */
export interface CliDemo {
  /** The demo's folder under `demos/`, which builds its page. */
  readonly dir: string;
  readonly info: DemoInfo<Knobs>;
  trainer(): Promise<{
    createTrainer(knobs: Knobs, context: CreateContext): Promise<Trainer>;
  }>;
}

// Method syntax on `createTrainer` keeps each demo's own knob type assignable.
export const DEMOS: Readonly<Record<string, CliDemo>> = {
  mixtures: { dir: 'mixtures', info: mixtures as DemoInfo<Knobs>, trainer: () => import('@gandlf/demo-mixtures/src/trainer') },
  'gan-mnist': { dir: 'gan-mnist', info: ganMnist as DemoInfo<Knobs>, trainer: () => import('@gandlf/demo-gan-mnist/src/trainer') },
  'bigan-mnist': { dir: 'bigan-mnist', info: bigan as DemoInfo<Knobs>, trainer: () => import('@gandlf/demo-bigan-mnist/src/trainer') },
  'aae-mnist': { dir: 'aae-mnist', info: aae as DemoInfo<Knobs>, trainer: () => import('@gandlf/demo-aae-mnist/src/trainer') },
  images: { dir: 'images', info: images as DemoInfo<Knobs>, trainer: () => import('@gandlf/demo-images/src/trainer') },
};

/** Every preset as `<demo>/<preset>`, in demo order. */
export function presetNames(): string[] {
  return Object.entries(DEMOS).flatMap(([id, demo]) => Object.keys(demo.info.presets).map((p) => `${id}/${p}`));
}

/** The demo and knobs of `<demo>/<preset>`; throws a `UsageError` listing the presets when there is none such. */
export function resolvePreset(name: string): { demo: CliDemo; demoId: string; presetName: string; knobs: Knobs } {
  const [demoId = '', presetName = '', ...extra] = name.split('/');
  const demo = Object.hasOwn(DEMOS, demoId) ? DEMOS[demoId] : undefined;
  const knobs = demo && !extra.length && Object.hasOwn(demo.info.presets, presetName) ? demo.info.presets[presetName] : undefined;
  if (!demo || !knobs) {
    throw new UsageError(`Unknown preset. Expected <demo>/<preset>, one of: ${presetNames().join(', ')}. Received: ${name}`);
  }
  return { demo, demoId, presetName, knobs: { ...knobs } };
}
