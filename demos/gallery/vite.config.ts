import { demoConfig } from '@gandlf/demo-shell/vite';
import { defineConfig, type Plugin } from 'vite';
import { listDemos, picturesFile, readPictures } from './scripts/demos.mjs';

/** `virtual:gandlf-demos`: the demo list, read from the demos' package.json files, each with its picture from pictures.json. */
function demoList(): Plugin {
  const id = 'virtual:gandlf-demos';
  return {
    name: 'gandlf-demo-list',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      this.addWatchFile(picturesFile);
      const pictures = readPictures();
      const demos = listDemos().map(({ name, title, description, presets }) => ({ name, title, description, presets, picture: pictures[name] }));
      return `export default ${JSON.stringify(demos)};`;
    },
  };
}

// A plain `vite build` here (the e2e spec's) leaves the demos that scripts/build-site.mjs
// built into dist/<demo>/ in place; build-site.mjs empties dist/ itself.
export default defineConfig(demoConfig({ plugins: [demoList()], build: { emptyOutDir: false } }));
