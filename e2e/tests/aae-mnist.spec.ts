import { demoSuite } from '../support/demo-suite';

// The AAE demo (demos/aae-mnist) on its tiny preset: E, decoder and D as narrow
// MLPs on 256 test digits, batch 16. The view: samples, reconstructions, a scatter of codes.
demoSuite({ name: 'aae-mnist', minSteps: 8, generatorFiles: 2 });
