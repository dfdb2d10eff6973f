import { demoConfig, demoPage, serveRawInDev } from '@gandlf/demo-shell/vite';
import { defineConfig } from 'vite';

// MNIST's IDX files have no extension; the dev server must serve them raw.
export default defineConfig(demoConfig({ plugins: [demoPage(), serveRawInDev(/-ubyte$/)] }));
