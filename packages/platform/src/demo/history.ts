import { addDays, type IsoDate } from '@scr/calendar';

const CRITERIA = ['CHILD_SERIOUSLY_HARMED', 'CHILD_SERIOUSLY_HARMED', 'CHILD_SERIOUSLY_HARMED', 'CHILD_DIED', 'LOOKED_AFTER_CHILD_DIED'];
const BANDS = ['UNDER_1', 'UNDER_1', 'AGE_1_TO_5', 'AGE_6_TO_10', 'AGE_11_TO_15', 'AGE_16_PLUS'];
const SEXES = ['FEMALE', 'MALE'];
const ETHNICITIES = ['WHITE', 'WHITE', 'WHITE', 'ASIAN_OR_ASIAN_BRITISH', 'MIXED', 'BLACK_OR_BLACK_BRITISH', 'NOT_KNOWN'];
const STATUSES = ['CHILD_IN_NEED', 'CHILD_PROTECTION_PLAN', 'NOT_KNOWN_TO_SOCIAL_CARE', 'LOOKED_AFTER'];
const ABUSE = ['NEGLECT', 'PHYSICAL', 'EMOTIONAL', 'SEXUAL', 'EXTRA_FAMILIAL_HARM'];

/**
 * Earlier cases per board, of different sizes, so the statistics hold every
 * kind of cell: counts above 5 (shown; rounded to 5s for anyone but the
 * board), counts from 1 to 5 (suppressed) and the secondary suppression
 * beside a lone small cell.
 */
export const HISTORY_PER_BOARD: Record<string, number> = { LEEDS: 40, BRADFORD: 32, KIRKLEES: 24, WAKEFIELD: 20, CALDERDALE: 14 };

export interface HistoryCase {
  input: Record<string, unknown>;
  notifiedOn: IsoDate;
  /** Decided within the 15 working days, or late for one case in four. */
  decidedOn: IsoDate;
}

/** The board's earlier cases, spread over the two years before the demo's own. */
export function historyCases(board: string, today: IsoDate): HistoryCase[] {
  const pick = <T>(list: T[], n: number) => list[n % list.length];
  const count = HISTORY_PER_BOARD[board] ?? 20;
  return Array.from({ length: count }, (_, i) => {
    const seed = i * 7 + board.length;
    const awareOn = addDays(today, -(60 + ((i * 23) % 700)));
    const notifiedOn = addDays(awareOn, 2 + (i % 3));
    return {
      notifiedOn,
      decidedOn: addDays(notifiedOn, i % 4 === 0 ? 30 : 12),
      input: {
        boardCode: board,
        criterion: pick(CRITERIA, seed),
        abuseOrNeglect: i % 3 ? 'SUSPECTED' : 'KNOWN',
        occurredOn: addDays(awareOn, -2),
        awareOn,
        abuseTypes: [pick(ABUSE, seed), pick(ABUSE, seed + 2)],
        summary: 'Demo history case: fictional record for the statistics.',
        children: [
          {
            pseudonym: `Child H${i + 1}`,
            fullName: `Demo History Child ${board} ${i + 1}`,
            sex: pick(SEXES, seed),
            ageBand: pick(BANDS, seed),
            ethnicity: pick(ETHNICITIES, seed),
            socialCareStatus: pick(STATUSES, seed),
          },
        ],
        idempotencyKey: `demo-${board}-history-${i}`,
      },
    };
  });
}
