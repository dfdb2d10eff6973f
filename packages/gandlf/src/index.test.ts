import { expect, it } from 'vitest';
import * as gandlf from './index';

// The public API, snapshotted: a change here is a change users see.
it('exports exactly the public API', () => {
  expect(Object.keys(gandlf).sort()).toMatchInlineSnapshot(`
    [
      "AdversarialModel",
      "Alternating",
      "GandlfError",
      "InvalidArgumentError",
      "LatentSampling",
      "MODES",
      "Model",
      "NonFiniteDataError",
      "NotCompiledError",
      "Player",
      "Random",
      "Scheduled",
      "ShapeMismatchError",
      "Simultaneous",
      "UnknownNameError",
      "Unrolled",
      "binaryAccuracy",
      "binaryCrossentropy",
      "binaryCrossentropyFromLogits",
      "buildGan",
      "expandModes",
      "fixNames",
      "ganTargets",
      "ganTargetsHinge",
      "getLoss",
      "getMetric",
      "getOptimizer",
      "hinge",
      "lossNames",
      "maximize",
      "meanAbsoluteError",
      "meanSquaredError",
      "minimize",
      "nChoice",
      "negativeBinaryCrossentropy",
      "normalLatentSampling",
      "optimizerNames",
      "simpleBigan",
      "simpleGan",
      "squaredHinge",
      "uniformLatentSampling",
    ]
  `);
});
