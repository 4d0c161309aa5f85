import { boardKind, BoardKind } from '../board.rules';

describe('boardKind', () => {
  // LEEDS began its partnership arrangements on 2019-09-01.
  const from = '2019-09-01';

  it('is an LSCB the day before its partnership arrangements began', () => {
    expect(boardKind(from, '2019-08-31')).toBe(BoardKind.LSCB);
  });

  it('is a safeguarding partnership from that day on', () => {
    expect(boardKind(from, '2019-09-01')).toBe(BoardKind.SAFEGUARDING_PARTNERSHIP);
    expect(boardKind(from, '2026-11-26')).toBe(BoardKind.SAFEGUARDING_PARTNERSHIP);
  });

  it('is still an LSCB when it has no partnership date', () => {
    expect(boardKind(null, '2026-11-26')).toBe(BoardKind.LSCB);
  });
});
