import { mayLookUpReviewer } from '../reviewer.rules';

describe('mayLookUpReviewer', () => {
  it('lets the register readers (BM, BC, AD) look any reviewer up', () => {
    expect(mayLookUpReviewer({ subject: 'm', roles: ['BOARD_MANAGER'], board: 'LEEDS' }, 'r1')).toBe(true);
    expect(mayLookUpReviewer({ subject: 'c', roles: ['BOARD_CHAIR'], board: 'LEEDS' }, 'r1')).toBe(true);
    expect(mayLookUpReviewer({ subject: 'a', roles: ['ADMIN'] }, 'r1')).toBe(true);
  });

  it('lets a reviewer look up itself only', () => {
    expect(mayLookUpReviewer({ subject: 'r', roles: ['REVIEWER'], reviewer: 'r1' }, 'r1')).toBe(true);
    expect(mayLookUpReviewer({ subject: 'r', roles: ['REVIEWER'], reviewer: 'r1' }, 'r2')).toBe(false);
  });

  it('refuses everyone else, and a reviewer id claimed without the REVIEWER role', () => {
    for (const role of ['AGENCY_CONTRIBUTOR', 'ANALYST', 'PANEL'] as const) {
      expect(mayLookUpReviewer({ subject: 'x', roles: [role], reviewer: 'r1' }, 'r1')).toBe(false);
    }
    expect(mayLookUpReviewer(undefined, 'r1')).toBe(false);
  });
});
