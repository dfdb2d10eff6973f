import { expect, test } from '@playwright/test';
import { expectFiniteLosses, servedDemo, sharedTrainingPage } from '../support/demos';

// The mixtures lab step by step (issue 16) on its tiny preset: while paused, a
// generator step moves only G's weights and a discriminator step only D's, in
// every run; the step log follows each adversarial optimizer (a Scheduled
// critic schedule shows as such); slow motion slows the steps. One page, in order.

/** `data-weights`: a fingerprint of each player's weights, by run, at a step. */
interface Weights {
  step: number;
  runs: Record<string, Record<string, string>>;
}
/** `data-step-log`: who moved in each of the latest steps. */
type StepLog = { step: number; moves: Record<string, Record<string, number>> }[];

const RUNS = ['simultaneous', 'alternating', 'unrolled'];

test.describe('mixtures lab: step by step', () => {
  test.describe.configure({ mode: 'serial' });
  const server = servedDemo('mixtures');

  const lab = sharedTrainingPage(server);

  /** The weights the page shows once they are those of `step`. */
  const weightsAt = async (step: number): Promise<Weights> => {
    await expect.poll(() => lab.state.json<Weights>('weights').then((w) => w?.step)).toBe(step);
    return lab.state.json<Weights>('weights');
  };
  /** Clicks a step button and waits for the step it took, still paused. */
  const stepOnce = async (role: string): Promise<{ before: Weights; after: Weights; moves: StepLog[number]['moves'] }> => {
    const at = await lab.state.step();
    const before = await weightsAt(at);
    await lab.page.locator(`[data-role="${role}"]`).click();
    await expect.poll(() => lab.state.step()).toBe(at + 1);
    const after = await weightsAt(at + 1);
    expect(await lab.state.get('status')).toBe('paused');
    const log = await lab.state.json<StepLog>('step-log');
    const last = log.at(-1)!;
    expect(last.step).toBe(at + 1);
    return { before, after, moves: last.moves };
  };

  test('one generator step moves only G, one discriminator step only D, in every run', async () => {
    await expect.poll(() => lab.state.step(), { timeout: 120_000 }).toBeGreaterThanOrEqual(5);
    await lab.page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => lab.state.get('status')).toBe('paused');
    // The buttons are the players' own, from the runs' models.
    await expect(lab.page.locator('[data-role="step-generator"]')).toBeEnabled();
    await expect(lab.page.locator('[data-role="step-discriminator"]')).toBeEnabled();
    const tensors = Number(await lab.state.get('tensors'));

    const g = await stepOnce('step-generator');
    for (const run of RUNS) {
      expect(Object.keys(g.after.runs[run]!).sort(), run).toEqual(['discriminator', 'generator']);
      expect(g.after.runs[run]!.generator, `${run}: G moved`).not.toBe(g.before.runs[run]!.generator);
      expect(g.after.runs[run]!.discriminator, `${run}: D stayed`).toBe(g.before.runs[run]!.discriminator);
      expect(g.moves[run], run).toEqual({ generator: 1, discriminator: 0 });
    }

    const d = await stepOnce('step-discriminator');
    for (const run of RUNS) {
      expect(d.after.runs[run]!.discriminator, `${run}: D moved`).not.toBe(d.before.runs[run]!.discriminator);
      expect(d.after.runs[run]!.generator, `${run}: G stayed`).toBe(d.before.runs[run]!.generator);
      expect(d.moves[run], run).toEqual({ generator: 0, discriminator: 1 });
    }

    // One full step: each run's own adversarial optimizer decides (all three move both players once on tiny).
    const full = await stepOnce('step');
    for (const run of RUNS) {
      expect(full.after.runs[run]!.generator, run).not.toBe(full.before.runs[run]!.generator);
      expect(full.after.runs[run]!.discriminator, run).not.toBe(full.before.runs[run]!.discriminator);
      expect(full.moves[run], run).toEqual({ generator: 1, discriminator: 1 });
    }
    // The log reads as lines too, newest first.
    await expect(lab.page.locator('[data-role="step-log"] li').first()).toContainText(`step ${full.after.step}`);
    expect(Number(await lab.state.get('tensors'))).toBe(tensors);
    await expectFiniteLosses(lab.state);
    expect(lab.errors).toEqual([]);
  });

  test('the step log follows a Scheduled critic schedule, D, D, G', async () => {
    await lab.page.locator('select[name="schedule"]').selectOption('scheduled');
    await lab.page.locator('input[name="criticSteps"]').fill('2');
    await lab.page.locator('input[name="criticSteps"]').dispatchEvent('change');
    await expect.poll(() => lab.state.json<Record<string, unknown>>('knobs').then((k) => `${k?.schedule}/${k?.criticSteps}`)).toBe('scheduled/2');
    await expect.poll(() => lab.state.get('status')).toBe('training');
    await expect.poll(() => lab.state.json<StepLog>('step-log').then((l) => l?.filter((e) => e.step >= 1).length ?? 0)).toBeGreaterThanOrEqual(6);
    const log = await lab.state.json<StepLog>('step-log');
    for (const entry of log) {
      // Step s (from 1) trained schedule[(s - 1) % 3] of ['discriminator', 'discriminator', 'generator'].
      const player = (entry.step - 1) % 3 === 2 ? 'generator' : 'discriminator';
      const other = player === 'generator' ? 'discriminator' : 'generator';
      expect(entry.moves.alternating, `step ${entry.step}`).toEqual({ [player]: 1, [other]: 0 });
      expect(entry.moves.simultaneous, `step ${entry.step}`).toEqual({ generator: 1, discriminator: 1 });
    }
    expect(lab.errors).toEqual([]);
  });

  test('slow motion slows the steps and draws every one; off, the worker steps without the pause', async () => {
    await lab.page.locator('[data-role="slow-motion"]').check();
    // 400 ms between steps: 2.5 steps/s at most, averaged over the last steps.
    await expect.poll(() => lab.state.get('steps-per-sec').then(Number), { timeout: 60_000 }).toBeLessThan(3);
    const at = await lab.state.step();
    await expect.poll(() => lab.state.step()).toBeGreaterThanOrEqual(at + 3);
    // A view per step: the drawn step keeps up with the step counter.
    await expect.poll(async () => (await lab.state.step()) - Number(await lab.state.get('view-step'))).toBeLessThanOrEqual(1);
    await lab.page.locator('[data-role="slow-motion"]').uncheck();
    // Off: the worker says so and steps without the pause (no rate check: webgpu on SwiftShader trains tiny slower than slow motion's ceiling).
    await expect(lab.page.locator('[data-role="message"]')).toHaveText('Training…');
    const off = await lab.state.step();
    await expect.poll(() => lab.state.step()).toBeGreaterThanOrEqual(off + 3);
    expect(lab.errors).toEqual([]);
  });
});
