import { defineConfig } from 'vite';

// No alias for gandlf: the app must import the built package the way a user
// would, through node_modules (workspace link -> package.json exports -> dist).
export default defineConfig({
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022' },
});
