import { mountDemo } from '@gandlf/demo-shell/page';
import { info } from './config';
import { yourData } from './page/your-data';

mountDemo({ info, createWorker: () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }), tools: [yourData] });
