import { presetForBackend } from '@gandlf/demo-shell/backend-preset';
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

/** A resolved preset; `why`: the reason a demo named alone got its preset sized for `backend` (`DemoInfo.withoutGpu`). */
export interface ResolvedPreset {
  readonly demo: CliDemo;
  readonly demoId: string;
  readonly presetName: string;
  readonly knobs: Knobs;
  readonly why?: string;
}

/**
 * The demo and knobs of `<demo>/<preset>`, or of `<demo>` alone: its default
 * preset, or on cpu and wasm its `withoutGpu` one, as its page picks. Throws a
 * `UsageError` listing the presets when there is none such.
 */
export function resolvePreset(name: string, backend = 'wasm'): ResolvedPreset {
  const [demoId = '', named, ...extra] = name.split('/');
  const demo = Object.hasOwn(DEMOS, demoId) ? DEMOS[demoId] : undefined;
  const sized = named === undefined && demo ? presetForBackend(demo.info, backend) : undefined;
  const presetName = named ?? sized?.name ?? '';
  const knobs = demo && !extra.length && Object.hasOwn(demo.info.presets, presetName) ? demo.info.presets[presetName] : undefined;
  if (!demo || !knobs) {
    throw new UsageError(`Unknown preset. Expected <demo>/<preset>, one of: ${presetNames().join(', ')}; or a demo alone for its default preset: ${Object.keys(DEMOS).join(', ')}. Received: ${name}`);
  }
  return { demo, demoId, presetName, knobs: { ...knobs }, ...(sized?.why === undefined ? {} : { why: sized.why }) };
}
