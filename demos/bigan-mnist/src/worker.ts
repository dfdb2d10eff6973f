import { serveDemo } from '@gandlf/demo-shell/worker';
import { info } from './config';
import { createTrainer } from './trainer';

serveDemo({ info, create: createTrainer });
