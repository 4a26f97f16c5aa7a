import { loadConfig } from '@wegweiser/api/core';
import { demoReferenceDate } from './prepare-database';

describe('demo reference date', () => {
  it('is the day the demo data are loaded, in Germany, unless DEMO_REFERENCE_DATE pins it', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(demoReferenceDate(config, new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(demoReferenceDate(loadConfig({ NODE_ENV: 'test', DEMO_REFERENCE_DATE: '2026-11-01' }), new Date('2026-12-06T12:00:00Z'))).toBe('2026-11-01');
  });

  it('refuses a malformed DEMO_REFERENCE_DATE at start-up', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', DEMO_REFERENCE_DATE: '1.11.2026' })).toThrow(/DEMO_REFERENCE_DATE/);
  });
});
