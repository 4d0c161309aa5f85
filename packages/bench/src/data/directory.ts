import { benchId } from './random';

/** The five boards the directory's migration creates, with the dates their partnership arrangements began. */
export const BOARDS = [
  { code: 'BRADFORD', from: '2019-09-29' },
  { code: 'CALDERDALE', from: '2019-04-01' },
  { code: 'KIRKLEES', from: '2019-09-29' },
  { code: 'LEEDS', from: '2019-09-01' },
  { code: 'WAKEFIELD', from: '2019-09-29' },
] as const;

export const REVIEWER_COUNT = 20;
const LOCAL_SECTORS = [
  { suffix: "Children's Social Care", sector: 'CHILDRENS_SOCIAL_CARE' },
  { suffix: 'Health and Care Partnership', sector: 'HEALTH' },
  { suffix: 'Schools and Learning', sector: 'EDUCATION' },
  { suffix: 'Youth Justice Service', sector: 'YOUTH_JUSTICE' },
];
const AGENCY = 5;
const REVIEWER = 6;
const CREATED = '2015-01-01 09:00:00.000';

export interface DirectoryRows {
  agencies: unknown[][];
  agencyBoards: unknown[][];
  reviewers: unknown[][];
  /** Local agencies first, then the police force every board shares. */
  agencyIdsByBoard: Map<string, string[]>;
  reviewerIds: string[];
}

/** As the demo data has it: one police force for every board, four local agencies each, and a pool of independent reviewers. */
export function directoryRows(): DirectoryRows {
  const police = benchId(AGENCY, 1);
  const agencies: unknown[][] = [[police, 'West Yorkshire Police', 'POLICE', CREATED]];
  const agencyBoards: unknown[][] = [];
  const agencyIdsByBoard = new Map<string, string[]>();
  let n = 1;
  for (const board of BOARDS) {
    const ids: string[] = [];
    for (const { suffix, sector } of LOCAL_SECTORS) {
      const id = benchId(AGENCY, ++n);
      agencies.push([id, `${board.code.charAt(0)}${board.code.slice(1).toLowerCase()} ${suffix}`, sector, CREATED]);
      agencyBoards.push([id, board.code]);
      ids.push(id);
    }
    agencyBoards.push([police, board.code]);
    agencyIdsByBoard.set(board.code, [...ids, police]);
  }
  const reviewerIds = Array.from({ length: REVIEWER_COUNT }, (_, i) => benchId(REVIEWER, i + 1));
  const reviewers = reviewerIds.map((id, i) => [id, `Reviewer ${i + 1}`, JSON.stringify(['Social work (HCPC)']), '[]', '[]', CREATED]);
  return { agencies, agencyBoards, reviewers, agencyIdsByBoard, reviewerIds };
}
