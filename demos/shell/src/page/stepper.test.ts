import { describe, expect, it } from 'vitest';
import { playerLabel } from './stepper';

describe('Stepper', () => {
  it('labels a player button by the player, in words', () => {
    expect(playerLabel('discriminator')).toBe('Discriminator step');
    expect(playerLabel('generator')).toBe('Generator step');
    expect(playerLabel('gradientPenalty')).toBe('Gradient penalty step');
    expect(playerLabel('critic_2')).toBe('Critic 2 step');
  });
});
