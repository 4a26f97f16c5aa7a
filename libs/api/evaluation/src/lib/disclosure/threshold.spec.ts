import {
  InvalidThresholdError,
  PopulationBelowThresholdError,
} from './disclosure-errors';
import { assertPopulation, DEFAULT_K, resolveK } from './threshold';

describe('resolveK', () => {
  it('defaults to 5 and accepts any integer from 5', () => {
    expect(resolveK()).toBe(DEFAULT_K);
    expect(DEFAULT_K).toBe(5);
    expect(resolveK(5)).toBe(5);
    expect(resolveK(11)).toBe(11);
  });

  it.each([4, 3, 2, 0, -5, 5.5, Number.NaN, Infinity])(
    'refuses k = %p with a typed error',
    (k) => {
      expect(() => resolveK(k)).toThrow(InvalidThresholdError);
      expect(() => resolveK(k)).toThrow(
        expect.objectContaining({ code: 'invalidThreshold' }),
      );
    },
  );
});

describe('assertPopulation', () => {
  it('accepts a population of exactly k and more', () => {
    expect(() => assertPopulation(5, 5)).not.toThrow();
    expect(() => assertPopulation(1000, 5)).not.toThrow();
  });

  it('refuses a population below k with the code the API maps to 422, without the size in the message', () => {
    const attempt = () => assertPopulation(4, 5);
    expect(attempt).toThrow(PopulationBelowThresholdError);
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'populationBelowThreshold', k: 5 }),
    );
    expect(() => assertPopulation(0, 5)).toThrow(PopulationBelowThresholdError);
    try {
      assertPopulation(4, 7);
    } catch (error) {
      expect((error as Error).message).not.toMatch(/\b4\b/);
    }
  });

  it('validates k itself', () => {
    expect(() => assertPopulation(10, 4)).toThrow(InvalidThresholdError);
  });
});
