import { UserResponse } from '@wegweiser/shared/contracts';
import { filterUsers, isFiltered, NO_FILTER, normalise, UserFilter } from './user-filter';

const account = (overrides: Partial<UserResponse>): UserResponse => ({
  id: 'id',
  email: 'x@bh.example',
  firstName: 'X',
  lastName: 'Y',
  role: 'manager',
  teamId: 'team-1',
  active: true,
  totpEnabled: false,
  locked: false,
  version: 1,
  ...overrides,
});

const USERS: UserResponse[] = [
  account({ id: 'julia', firstName: 'Julia', lastName: 'Neumann', email: 'julia.neumann@bh.example' }),
  account({ id: 'tanja', firstName: 'Tanja', lastName: 'Müller', email: 'tanja.mueller@bh.example', role: 'admin', teamId: null, totpEnabled: true }),
  account({ id: 'ulrike', firstName: 'Ulrike', lastName: 'Braun', email: 'ulrike.braun@bh.example', teamId: 'team-2', locked: true }),
  account({ id: 'ralf', firstName: 'Ralf', lastName: 'Braun', email: 'r.braun@bh.example', role: 'evaluator', teamId: null, active: false }),
  account({ id: 'tobias', firstName: 'Tobias', lastName: 'Schmitt', email: 'tobias.schmitt@bh.example', role: 'dpo', teamId: null, totpEnabled: true }),
];
const ids = (filter: Partial<UserFilter>) => filterUsers(USERS, { ...NO_FILTER, ...filter }).map((u) => u.id);

describe('filterUsers', () => {
  it('keeps everything without a filter, in the given order', () => {
    expect(ids({})).toEqual(['julia', 'tanja', 'ulrike', 'ralf', 'tobias']);
  });

  it('searches first name, last name, full name and e-mail, ignoring case, accents and extra spaces', () => {
    expect(ids({ search: 'braun' })).toEqual(['ulrike', 'ralf']);
    expect(ids({ search: '  ULRIKE   braun ' })).toEqual(['ulrike']);
    expect(ids({ search: 'braun ulrike' })).toEqual(['ulrike']);
    expect(ids({ search: 'muller' })).toEqual(['tanja']);
    expect(ids({ search: 'Müller' })).toEqual(['tanja']);
    expect(ids({ search: 'mueller@' })).toEqual(['tanja']);
    expect(ids({ search: 'r.braun' })).toEqual(['ralf']);
    expect(ids({ search: 'niemand' })).toEqual([]);
  });

  it('filters by role and by team (or no team)', () => {
    expect(ids({ role: 'manager' })).toEqual(['julia', 'ulrike']);
    expect(ids({ team: 'team-2' })).toEqual(['ulrike']);
    expect(ids({ team: 'none' })).toEqual(['tanja', 'ralf', 'tobias']);
  });

  it('filters by active, locked and second factor, each both ways', () => {
    expect(ids({ active: 'no' })).toEqual(['ralf']);
    expect(ids({ active: 'yes' })).toEqual(['julia', 'tanja', 'ulrike', 'tobias']);
    expect(ids({ locked: 'yes' })).toEqual(['ulrike']);
    expect(ids({ locked: 'no' })).not.toContain('ulrike');
    expect(ids({ secondFactor: 'yes' })).toEqual(['tanja', 'tobias']);
    expect(ids({ secondFactor: 'no' })).toEqual(['julia', 'ulrike', 'ralf']);
  });

  it('combines every filter', () => {
    expect(ids({ search: 'b', role: 'manager', active: 'yes', locked: 'yes' })).toEqual(['ulrike']);
    expect(ids({ role: 'dpo', secondFactor: 'no' })).toEqual([]);
  });
});

describe('isFiltered and normalise', () => {
  it('tells whether any filter is set; blank search does not count', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, search: '   ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, search: 'a' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, locked: 'no' })).toBe(true);
  });

  it('folds case, accents, ß and spaces', () => {
    expect(normalise('  Ayşe  GROẞ Çelik ')).toBe('ayse gross celik');
  });
});
