import { anyOf } from '../sql-condition';

describe('anyOf', () => {
  it('joins the clauses with OR inside one pair of brackets, so an AND after it cannot widen it', () => {
    expect(anyOf(['r.board_code = :scopeBoard', 'r.id IN (:...ids)'], { scopeBoard: 'LEEDS', ids: ['a'] })).toEqual({
      sql: '(r.board_code = :scopeBoard OR r.id IN (:...ids))',
      parameters: { scopeBoard: 'LEEDS', ids: ['a'] },
    });
  });

  it('matches no row when no clause holds: a caller whose roles open nothing sees nothing', () => {
    expect(anyOf([], { scopeBoard: undefined })).toEqual({ sql: '1 = 0', parameters: {} });
  });
});
