import { ExistingPartner, changedFields, planImport, toPreview } from './import-plan';

const existing: ExistingPartner = {
  id: 'p1',
  version: 3,
  name: 'Caritas Musterstadt',
  kind: 'organisation',
  contactPerson: null,
  email: 'info@caritas.example',
  phone: null,
  address: null,
  website: null,
  description: null,
  languages: ['de', 'ar'],
  workingGroupIds: ['g1'],
};

describe('partner import plan', () => {
  it('matches by name regardless of case: create, update with the changed fields, or unchanged', () => {
    const plan = planImport(
      [
        { line: 2, values: { name: 'Neuer Verein' } },
        { line: 3, values: { name: 'caritas musterstadt', email: 'info@caritas.example', languages: ['ar', 'de'], workingGroupIds: ['g1'] } },
        { line: 4, values: { name: 'Caritas Musterstadt', phone: '0251 1', workingGroupIds: ['g1', 'g2'] } },
      ],
      [existing],
    );
    expect(plan.map((r) => [r.line, r.action, r.changes, r.partner?.id ?? null])).toEqual([
      [2, 'create', [], null],
      [3, 'update', ['name'], 'p1'],
      [4, 'update', ['phone', 'workingGroups'], 'p1'],
    ]);
  });

  it('finds no change when every given value is the stored one', () => {
    expect(changedFields({ name: 'Caritas Musterstadt', kind: 'organisation', languages: ['ar', 'de'] }, existing)).toEqual([]);
  });

  it('counts the plan; the token changes with the directory (a version) and stays for the same input', () => {
    const rows = [{ line: 2, values: { name: 'Caritas Musterstadt', phone: '0251 1' } }];
    const first = toPreview(planImport(rows, [existing]), [], []);
    expect(first.counts).toEqual({ create: 0, update: 1, unchanged: 0, invalid: 0 });
    expect(toPreview(planImport(rows, [existing]), [], []).token).toBe(first.token);
    expect(toPreview(planImport(rows, [{ ...existing, version: 4 }]), [], []).token).not.toBe(first.token);
    expect(toPreview(planImport(rows, [existing]), [{ line: 3, name: null, problems: [{ code: 'nameMissing', field: 'name' }] }], []).counts.invalid).toBe(1);
  });
});
