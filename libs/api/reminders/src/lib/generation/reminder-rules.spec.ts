import { applyReminderRules, REMINDER_RULES, TenantQuery } from './reminder-rules';

describe('reminder rules', () => {
  it('cover every kind once, each insert idempotent by the occasion key', () => {
    expect(REMINDER_RULES.flatMap((r) => r.kinds).sort()).toEqual(['appointment_tomorrow', 'goal_overdue', 'no_contact', 'step_overdue', 'window_1m', 'window_3m', 'window_6m']);
    for (const rule of REMINDER_RULES) {
      expect(rule.sql).toContain('ON CONFLICT ON CONSTRAINT reminder_occasion_key DO NOTHING');
      expect(rule.sql).toContain(`c.support_state = 'active'`);
    }
  });

  it('pass the day (and N weeks only where used) and count what was created by kind', async () => {
    const calls: unknown[][] = [];
    const query: TenantQuery = async (sql, params) => {
      calls.push(params);
      if (sql.includes("'goal_overdue'")) return [{ kind: 'goal_overdue' }, { kind: 'goal_overdue' }];
      if (sql.includes('support_window_end <=')) return [{ kind: 'window_6m' }, { kind: 'window_1m' }];
      return [];
    };
    const counts = await applyReminderRules(query, '2026-11-10', 8);
    expect(counts).toEqual({ window_6m: 1, window_3m: 0, window_1m: 1, goal_overdue: 2, step_overdue: 0, appointment_tomorrow: 0, no_contact: 0 });
    expect(calls).toEqual([['2026-11-10'], ['2026-11-10'], ['2026-11-10'], ['2026-11-10'], ['2026-11-10', 8]]);
  });
});
