import { describe, expect, it } from 'vitest';
import type { Knobs, View } from '../protocol';
import type { PageTool } from './tool';
import { mountTools, type ToolParts } from './tool-host';

/** A page without a DOM: sections are plain objects, knobs a variable, warnings a list. */
function fakePage(start: Knobs) {
  let knobs = start;
  const page = { warnings: [] as string[], commits: [] as Knobs[], sections: [] as string[], exposed: {} as Record<string, string | number> };
  const parts: ToolParts = {
    section: (title) => (page.sections.push(title), { title } as unknown as HTMLElement),
    canvas: {} as HTMLCanvasElement,
    knobs: () => knobs,
    commit: (next) => {
      page.commits.push(next);
      knobs = next;
    },
    warn: (message) => page.warnings.push(message),
    offer: () => {},
    expose: (key, value) => (page.exposed[key] = value),
  };
  return { page, parts };
}

const view = { kind: 'image', width: 1, height: 1, pixels: new Uint8ClampedArray(4) } as View;

describe('mountTools', () => {
  it('builds each tool once, and lets it read and set knobs, merged into those in force', () => {
    const { page, parts } = fakePage({ preset: 'ring', seed: 1, data: '' });
    let built = 0;
    const draw: PageTool = (handle) => {
      built++;
      handle.section('Draw a distribution');
      expect(handle.knobs()).toEqual({ preset: 'ring', seed: 1, data: '' });
      handle.setKnobs({ data: '0,0;1,1' });
      handle.expose('drawn', 2);
    };
    mountTools([draw], parts);
    expect(built).toBe(1);
    expect(page.sections).toEqual(['Draw a distribution']);
    expect(page.commits).toEqual([{ preset: 'ring', seed: 1, data: '0,0;1,1' }]);
    expect(page.exposed).toEqual({ drawn: 2 });
  });

  it('refuses a knob the demo does not have, naming the ones it has', () => {
    const { page, parts } = fakePage({ preset: 'ring', seed: 1 });
    mountTools([(handle) => handle.setKnobs({ sead: 2 })], parts);
    expect(page.commits).toEqual([]);
    expect(page.warnings).toEqual([`The page tool #1 failed to start: setKnobs takes this demo's knobs: preset, seed. Received: {"sead":2}`]);
  });

  it('passes on views and knobs, and turns a failing listener into a warning naming its tool', () => {
    const { page, parts } = fakePage({ seed: 1 });
    const seen: string[] = [];
    function probe(handle: Parameters<PageTool>[0]): void {
      handle.onView((v, step) => seen.push(`${v.kind}@${step}`));
      handle.onKnobs((knobs) => {
        seen.push(`seed ${knobs.seed}`);
        throw new Error('no');
      });
    }
    const events = mountTools([probe], parts);
    events.view(view, 12);
    events.knobs({ seed: 3 });
    expect(seen).toEqual(['image@12', 'seed 3']);
    expect(page.warnings).toEqual(["The page tool 'probe' failed on new knobs: no"]);
  });
});
