import { mountDemo } from '@gandlf/demo-shell/page';
import { info } from './config';

mountDemo({ info, createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) });
