// Where a demo's page tools plug in: the PageHandle each is built with, and the events they listen to.
import type { Knobs, View } from '../protocol';
import type { PageHandle, PageTool } from './tool';

/** What the page lends its tools (see {@link PageHandle}). */
export interface ToolParts extends Pick<PageHandle, 'section' | 'canvas' | 'warn' | 'offer' | 'expose'> {
  /** The knobs in force. */
  knobs(): Knobs;
  /** Commits a whole set of knobs, as the settings form does. */
  commit(knobs: Knobs): void;
}

/** What the page tells its tools. */
export interface ToolEvents {
  /** After the page drew a view. */
  view(view: View, step: number): void;
  /** The knobs in force changed. */
  knobs(knobs: Knobs): void;
}

/**
 * Builds each tool once, with a PageHandle of its own. A tool that throws,
 * when built or in a listener, becomes a warning naming it: the page and
 * training go on.
 */
export function mountTools(tools: readonly PageTool[], parts: ToolParts): ToolEvents {
  const views: { tool: string; listener: (view: View, step: number) => void }[] = [];
  const knobListeners: { tool: string; listener: (knobs: Knobs) => void }[] = [];
  const guard = (tool: string, what: string, run: () => void) => {
    try {
      run();
    } catch (e) {
      parts.warn(`The page tool ${tool} failed ${what}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const handleFor = (tool: string): PageHandle => ({
    section: (title) => parts.section(title),
    canvas: parts.canvas,
    knobs: () => ({ ...parts.knobs() }),
    setKnobs(patch) {
      const knobs = parts.knobs();
      if (Object.keys(patch).some((key) => !(key in knobs))) throw new Error(`setKnobs takes this demo's knobs: ${Object.keys(knobs).join(', ')}. Received: ${JSON.stringify(patch)}`);
      parts.commit({ ...knobs, ...patch });
    },
    onView: (listener) => void views.push({ tool, listener }),
    onKnobs: (listener) => void knobListeners.push({ tool, listener }),
    warn: (message) => parts.warn(message),
    offer: (files) => parts.offer(files),
    expose: (key, value) => parts.expose(key, value),
  });
  tools.forEach((build, i) => {
    const tool = build.name ? `'${build.name}'` : `#${i + 1}`;
    guard(tool, 'to start', () => build(handleFor(tool)));
  });
  return {
    view: (view, step) => views.forEach(({ tool, listener }) => guard(tool, `on the view of step ${step}`, () => listener(view, step))),
    knobs: (knobs) => knobListeners.forEach(({ tool, listener }) => guard(tool, 'on new knobs', () => listener({ ...knobs }))),
  };
}

/** A tool's section: `<section class="tool">` headed by `title`, appended to `holder` (before the Settings, in the side panel). */
export function toolSection(holder: HTMLElement): (title: string) => HTMLElement {
  return (title) => {
    const section = document.createElement('section');
    section.className = 'tool';
    const heading = document.createElement('h2');
    heading.textContent = title;
    section.append(heading);
    holder.append(section);
    return section;
  };
}
