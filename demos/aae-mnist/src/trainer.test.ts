import { describeTinyMnistTrainer } from '@gandlf/demo-shell/testing';
import { info } from './config';
import { createTrainer } from './trainer';

describeTinyMnistTrainer(info, createTrainer);
