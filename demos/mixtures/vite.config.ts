import { demoConfig, demoPage } from '@gandlf/demo-shell/vite';
import { defineConfig } from 'vite';

export default defineConfig(demoConfig({ plugins: [demoPage()] }));
