import { FIT_ARGS_KEY_RECORD } from '../adversarial/fit-args';
import { checkOptions, optionKeys, requireOptions } from '../options';
import { EMA_KEYS } from './ema';
import type { ModelArgs, ModelCompileArgs, ModelFitArgs } from './model';

// The accepted keys of `Model`'s options objects, held to their interfaces by
// `optionKeys`: a key added to an interface must be added here too.

const MODEL_ARGS_KEYS = optionKeys<ModelArgs>()({ generator: true, discriminator: true, augment: true });
const AUGMENT_KEYS = optionKeys<NonNullable<ModelArgs['augment']>>()({ policy: true, seed: true });
const COMPILE_KEYS = optionKeys<ModelCompileArgs>()({
  optimizer: true,
  loss: true,
  lossWeights: true,
  metrics: true,
  adversarialOptimizer: true,
  penalties: true,
  ema: true,
});
const PENALTIES_KEYS = optionKeys<NonNullable<ModelCompileArgs['penalties']>>()({ generator: true, discriminator: true });

/** `Model.fit` takes what `AdversarialModel.fit` takes. */
export const MODEL_FIT_ARGS_KEYS = optionKeys<ModelFitArgs>()(FIT_ARGS_KEY_RECORD);

/** Checks the keys of the `Model` constructor's arguments and of their `augment`. */
export function checkModelOptions(args: ModelArgs): ModelArgs {
  const checked = requireOptions(args, MODEL_ARGS_KEYS, 'Model', 'args');
  checkOptions(checked.augment, AUGMENT_KEYS, 'Model', 'augment');
  return checked;
}

/** Checks the keys of `Model.compile`'s arguments, of their `penalties` and of their `ema`. */
export function checkModelCompileOptions(args: ModelCompileArgs): ModelCompileArgs {
  const checked = requireOptions(args, COMPILE_KEYS, 'compile', 'args');
  checkOptions(checked.penalties, PENALTIES_KEYS, 'compile', 'penalties');
  checkOptions(checked.ema, EMA_KEYS, 'compile', 'ema');
  return checked;
}
