import type { Principal } from '@scr/auth';
import { disclosedTable } from '../disclosed-table';
import { disclosureFor } from '../disclosure';

const p = (roles: Principal['roles'], board?: string): Principal => ({ subject: 's', roles, board });

describe('disclosureFor', () => {
  it("gives the owning board's manager and chair exact counts for their own board only", () => {
    expect(disclosureFor(p(['BOARD_MANAGER'], 'LEEDS'), 'LEEDS')).toBe('EXACT');
    expect(disclosureFor(p(['BOARD_CHAIR'], 'LEEDS'), 'LEEDS')).toBe('EXACT');
    expect(disclosureFor(p(['BOARD_MANAGER'], 'LEEDS'), 'BRADFORD')).toBe('CONTROLLED');
    expect(disclosureFor(p(['BOARD_CHAIR'], 'BRADFORD'), 'LEEDS')).toBe('CONTROLLED');
  });

  it('controls counts for analysts, the panel, admins, and callers with no principal', () => {
    for (const role of ['ANALYST', 'PANEL', 'ADMIN', 'REVIEWER', 'AGENCY_CONTRIBUTOR'] as const) {
      expect(disclosureFor(p([role], 'LEEDS'), 'LEEDS')).toBe('CONTROLLED');
    }
    expect(disclosureFor(undefined, 'LEEDS')).toBe('CONTROLLED');
  });

  it('gives a token with several roles exact counts for the board it manages, controlled for every other', () => {
    const managerAndAnalyst = p(['BOARD_MANAGER', 'ANALYST'], 'LEEDS');
    expect(disclosureFor(managerAndAnalyst, 'LEEDS')).toBe('EXACT');
    expect(disclosureFor(managerAndAnalyst, 'WAKEFIELD')).toBe('CONTROLLED');
    // A board named on a token whose only board role is not manager or chair is not ownership.
    expect(disclosureFor(p(['AGENCY_CONTRIBUTOR', 'ANALYST'], 'LEEDS'), 'LEEDS')).toBe('CONTROLLED');
  });
});

describe('disclosedTable', () => {
  const KEYS = ['A', 'B', 'C'];
  const rows = [
    { period: '2025-Q1', key: 'A', count: 3 },
    { period: '2025-Q1', key: 'B', count: 8 },
    { period: '2025-Q1', key: 'C', count: 13 },
  ];

  it('EXACT: every count as it is, nothing suppressed', () => {
    expect(disclosedTable(rows, ['2025-Q1'], KEYS, 'EXACT')).toEqual([
      { period: '2025-Q1', key: 'A', count: 3, suppressed: false },
      { period: '2025-Q1', key: 'B', count: 8, suppressed: false },
      { period: '2025-Q1', key: 'C', count: 13, suppressed: false },
    ]);
  });

  it('CONTROLLED: suppressed on the true counts (3 primary, 8 secondary), then rounded (13 -> 15)', () => {
    expect(disclosedTable(rows, ['2025-Q1'], KEYS, 'CONTROLLED')).toEqual([
      { period: '2025-Q1', key: 'A', count: null, suppressed: true },
      { period: '2025-Q1', key: 'B', count: null, suppressed: true },
      { period: '2025-Q1', key: 'C', count: 15, suppressed: false },
    ]);
  });
});
