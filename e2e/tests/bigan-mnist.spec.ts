import { demoSuite } from '../support/demo-suite';

// The BiGAN demo (demos/bigan-mnist) on its tiny preset: G, E and D as narrow
// MLPs on 256 test digits, batch 16. The view holds samples and x, G(E(x)) pairs.
demoSuite({ name: 'bigan-mnist', minSteps: 8, generatorFiles: 2 });
