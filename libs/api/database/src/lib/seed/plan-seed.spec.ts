import { generateClients, generateOrganisation } from '@wegweiser/api/synthetic-data';
import { goalRows, goalStepRows } from './plan-seed';

describe('plan seed rows', () => {
  const options = { seed: 2026, clients: 200 };
  const organisation = generateOrganisation(options);
  const clients = [...generateClients(options, organisation)];
  const windowEnd = new Map(clients.map((c) => [c.id, c.support.windowEndsOn]));

  it('keeps goals inside the support window, with a CEFR level on language goals only (B2 for those who arrived with B1)', () => {
    const rows = [...goalRows(clients)];
    expect(rows.length).toBeGreaterThan(clients.length);
    const arrivedWithB1 = new Set(clients.filter((c) => c.outcomes.b1PresentAtStart !== null).map((c) => c.id));
    for (const [, , clientId, field, , level, dueOn, , changedOn] of rows) {
      expect(String(dueOn) <= String(windowEnd.get(String(clientId)))).toBe(true);
      expect(level).toBe(field === 'language' ? (arrivedWithB1.has(String(clientId)) ? 'B2' : 'B1') : null);
      expect(changedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('gives every step a goal of the seeded goals, in creation order', () => {
    const goals = new Set([...goalRows(clients)].map((row) => row[0]));
    const steps = [...goalStepRows(clients)];
    expect(steps.length).toBeGreaterThan(goals.size);
    expect(steps.every((row) => goals.has(row[2]))).toBe(true);
  });
});
