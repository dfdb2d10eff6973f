import { demoSuite } from '../support/demo-suite';

// The MNIST demo (demos/gan-mnist) on its tiny preset: an MLP GAN on 256 test
// digits, batch 16. Its full DCGAN preset takes tens of seconds a step on
// SwiftShader, so only users run it.
demoSuite({ name: 'gan-mnist', minSteps: 8, generatorFiles: 2 });
