import { serveDemo } from '@gandlf/demo-shell/worker';
import { info } from './config';
import { createTrainer, loadRun } from './trainer';

serveDemo({ info, create: createTrainer, load: loadRun });
