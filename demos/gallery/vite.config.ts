import { demoConfig } from '@gandlf/demo-shell/vite';
import { defineConfig, type Plugin } from 'vite';
import { listDemos } from './scripts/demos.mjs';

/** `virtual:gandlf-demos`: the demo list, read from the demos' package.json files. */
function demoList(): Plugin {
  const id = 'virtual:gandlf-demos';
  return {
    name: 'gandlf-demo-list',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? `export default ${JSON.stringify(listDemos().map(({ name, title, description, presets }) => ({ name, title, description, presets })))};` : undefined),
  };
}

export default defineConfig(demoConfig({ plugins: [demoList()] }));
