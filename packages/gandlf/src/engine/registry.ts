import type { AdversarialOptimizer } from './adversarial-optimizer';

// Each adversarial optimizer registers itself when its module loads, so a
// checkpoint can rebuild it by class name while apps that never use, say,
// Unrolled do not bundle it.
const registry = new Map<string, (config: Record<string, unknown>) => AdversarialOptimizer>();

/** Makes an adversarial optimizer class loadable from checkpoints by its `className`. */
export function registerAdversarialOptimizer(className: string, fromConfig: (config: Record<string, unknown>) => AdversarialOptimizer): void {
  registry.set(className, fromConfig);
}

/** Rebuilds a registered adversarial optimizer, or undefined when its class was never loaded. */
export function adversarialOptimizerFromConfig(className: string, config: Record<string, unknown>): AdversarialOptimizer | undefined {
  return registry.get(className)?.(config);
}
