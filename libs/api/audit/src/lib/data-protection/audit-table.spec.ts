import { AuditTableDbRow, buildAuditTableQuery, toAuditTablePage } from './audit-table';
import { auditTableCsv, csvField } from './audit-csv';

const M = '0f6b6c1e-7a0c-4a43-9b5e-2c1d3e4f5a6b';

const row = (id: number, extra: Partial<AuditTableDbRow> = {}): AuditTableDbRow => ({
  id: String(id),
  occurred_at: new Date(Date.UTC(2026, 0, 31, 12, 0, id)),
  user_id: '5d2c7e8f-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  person_name: 'Julia Neumann',
  role: 'manager',
  action: 'read',
  outcome: 'success',
  entity_type: 'client_file',
  case_number: 'BH-2026-00012',
  ...extra,
});

describe('buildAuditTableQuery', () => {
  it('binds every filter as a parameter and resolves the case number to the client in SQL (incl. refusals naming it as entity)', () => {
    const query = buildAuditTableQuery(M, {
      caseNumber: 'BH-2026-00012',
      userId: 'u',
      action: 'denied',
      from: '2026-01-01T00:00:00+01:00',
      to: '2026-02-01T00:00:00+01:00',
      before: '42',
      limit: 10,
    });
    expect(query.params).toEqual([M, 'BH-2026-00012', 'u', 'denied', '2026-01-01T00:00:00+01:00', '2026-02-01T00:00:00+01:00', '42', 11]);
    expect(query.sql).toContain('e.client_id = (SELECT id FROM client WHERE municipality_id = $1 AND case_number = $2)');
    expect(query.sql).toContain("e.client_id IS NULL AND e.entity_type IN ('client', 'client_read', 'client_update', 'client_delete') AND lower(e.entity_id) = (SELECT id FROM client WHERE municipality_id = $1 AND case_number = $2)::text");
    expect(query.sql).toContain('e.user_id = $3::uuid AND e.action = $4 AND e.occurred_at >= $5::timestamptz AND e.occurred_at < $6::timestamptz AND e.id < $7::bigint');
    expect(query.sql).toMatch(/ORDER BY e\.id DESC\s+LIMIT \$8$/);
    expect(query.sql).not.toContain('BH-2026');
  });

  it('without filters: the municipality only, the default page plus one', () => {
    const query = buildAuditTableQuery(M, {});
    expect(query.params).toEqual([M, 51]);
    expect(query.sql).toContain('WHERE e.municipality_id = $1\n');
  });
});

describe('toAuditTablePage', () => {
  it('maps rows and returns a cursor only when an older page exists', () => {
    const page = toAuditTablePage([row(3), row(2), row(1)], 2);
    expect(page.nextBefore).toBe('2');
    expect(page.items[0]).toEqual({
      id: '3',
      occurredAt: '2026-01-31T12:00:03.000Z',
      userId: '5d2c7e8f-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      personName: 'Julia Neumann',
      role: 'manager',
      action: 'read',
      outcome: 'success',
      entityType: 'client_file',
      caseNumber: 'BH-2026-00012',
    });
    expect(toAuditTablePage([row(1)], 2).nextBefore).toBeNull();
  });
});

describe('auditTableCsv', () => {
  it('writes a German header, German words for role, action and outcome, CRLF and a BOM', () => {
    const rows = toAuditTablePage([row(2), row(1, { person_name: null, user_id: null, role: null, action: 'denied', outcome: 'denied', case_number: null })], 5).items;
    expect(auditTableCsv(rows)).toBe(
      '\uFEFFZeitpunkt (UTC);Person;Rolle;Aktion;Ergebnis;Objekt;Aktenzeichen\r\n' +
        '2026-01-31T12:00:02.000Z;Julia Neumann;Integrationsmanager:in;Lesen;erfolgreich;client_file;BH-2026-00012\r\n' +
        '2026-01-31T12:00:01.000Z;;;Zugriff verweigert;verweigert;client_file;\r\n',
    );
  });

  it('quotes separators and defuses formulas', () => {
    expect(csvField('Müller; Anna')).toBe('"Müller; Anna"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(null)).toBe('');
  });
});
