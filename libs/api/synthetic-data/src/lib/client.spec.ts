import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { generateClient, generateClients } from './client';
import { generateOrganisation } from './organisation';
import type { SyntheticClient } from './types';

function take(iterable: Iterable<SyntheticClient>, count: number): SyntheticClient[] {
  const clients: SyntheticClient[] = [];
  for (const client of iterable) {
    if (clients.length === count) break;
    clients.push(client);
  }
  return clients;
}

function run(seed: number, clients = 200): SyntheticClient[] {
  const options = { seed, clients };
  return [...generateClients(options, generateOrganisation(options))];
}

describe('generateClients determinism', () => {
  it('produces deep-equal output for the same options', () => {
    expect(run(11)).toEqual(run(11));
  });

  it('produces different clients for a different seed', () => {
    const [a, b] = [run(11, 50), run(12, 50)];
    expect(a.map((c) => c.id)).not.toEqual(b.map((c) => c.id));
    expect(a.map((c) => c.lastName)).not.toEqual(b.map((c) => c.lastName));
    expect(a.map((c) => c.support.startedOn)).not.toEqual(b.map((c) => c.support.startedOn));
  });

  it('streams lazily: the first clients need no work on the rest', () => {
    const options = { seed: 3, clients: 1_000_000_000 };
    const first = take(generateClients(options, generateOrganisation({ seed: 3 })), 3);
    expect(first.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it('rebuilds client i alone exactly as the i-th client of the stream', () => {
    const options = { seed: 21, clients: 300 };
    const stream = [...generateClients(options, generateOrganisation(options))];
    for (const index of [0, 1, 137, 299]) {
      // a freshly generated organisation: nothing is shared with the stream
      expect(generateClient(options, generateOrganisation(options), index)).toEqual(stream[index]);
    }
  });

  it('streams any index range exactly as the same slice of the whole stream', () => {
    const options = { seed: 8, clients: 120 };
    const organisation = generateOrganisation(options);
    const whole = [...generateClients(options, organisation)];
    const parts = [...generateClients(options, organisation, { to: 50 }), ...generateClients(options, organisation, { from: 50 })];
    expect(parts).toEqual(whole);
    expect([...generateClients(options, organisation, { from: 70, to: 75 })]).toEqual(whole.slice(70, 75));
    expect(() => [...generateClients(options, organisation, { from: 5, to: 4 })]).toThrow(RangeError);
  });

  it('does not depend on how many clients are requested', () => {
    const organisation = generateOrganisation({ seed: 4 });
    const few = take(generateClients({ seed: 4, clients: 20 }, organisation), 20);
    const many = take(generateClients({ seed: 4, clients: 5_000 }, organisation), 20);
    expect(many).toEqual(few);
  });

  it('does not depend on the clock', () => {
    const before = run(5, 30);
    jest.useFakeTimers({ now: new Date('1999-12-31T23:00:00Z') });
    try {
      expect(Date.now()).toBe(Date.parse('1999-12-31T23:00:00Z'));
      expect(run(5, 30)).toEqual(before);
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not depend on the machine time zone', () => {
    // Jest sandboxes process.env, so the zone can only change in a fresh process.
    const inZone = (zone: string): { offset: number; clients: SyntheticClient[] } => {
      const script = [
        "const { generateClients } = require('./client');",
        "const { generateOrganisation } = require('./organisation');",
        'const options = { seed: 6, clients: 30 };',
        'const clients = [...generateClients(options, generateOrganisation(options))];',
        'process.stdout.write(JSON.stringify({ offset: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(), clients }));',
      ].join('\n');
      const output = execFileSync(process.execPath, ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', '-e', script], {
        cwd: __dirname,
        env: { ...process.env, TZ: zone, TS_NODE_PROJECT: join(__dirname, '../../tsconfig.spec.json'), TS_NODE_TRANSPILE_ONLY: 'true', TS_NODE_BASEURL: join(__dirname, '../../../../..') },
        encoding: 'utf8',
      });
      return JSON.parse(output) as { offset: number; clients: SyntheticClient[] };
    };
    const east = inZone('Pacific/Kiritimati');
    const west = inZone('America/Anchorage');
    // the zones must really differ, or this test proves nothing
    expect(east.offset).toBe(-14 * 60);
    expect(west.offset).toBe(9 * 60);
    expect(west.clients).toEqual(east.clients);
    expect(east.clients).toEqual(run(6, 30));
  }, 60_000);

  it('rejects an organisation generated with another seed and bad indexes', () => {
    const organisation = generateOrganisation({ seed: 1 });
    expect(() => generateClient({ seed: 2 }, organisation, 0)).toThrow('seed');
    expect(() => generateClient({ seed: 1 }, organisation, -1)).toThrow(RangeError);
  });
});
