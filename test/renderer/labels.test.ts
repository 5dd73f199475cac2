import { describe, expect, it } from 'vitest';
import { classTypeLabel } from '../../src/renderer/format/labels';

describe('class type labels', () => {
  it('reads as the notebook did, and the rower as Peloton names it', () => {
    expect(classTypeLabel('bike_bootcamp')).toBe('Bike bootcamp');
    expect(classTypeLabel('cycling')).toBe('Cycling');
    expect(classTypeLabel('caesar')).toBe('Rowing');
    expect(classTypeLabel('caesar_bootcamp')).toBe('Row Bootcamp');
    expect(classTypeLabel('circuit')).toBe('Bootcamp');
  });
});
