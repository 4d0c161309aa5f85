import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Database } from '@scr/db';
import { Board } from '../boards/board.entity';
import { Agency } from './agency.entity';
import { AgencyMembership } from './agency-membership.entity';

/** Per-request loaders: one SQL statement per relation per request, whatever the row count. */
export function createDirectoryLoaders(db: Database) {
  const boardByCode = new DataLoader<string, Board | null>(async (codes) => {
    const rows = await db.manager.find(Board, { where: { code: In([...codes]) } });
    const byCode = new Map(rows.map((b) => [b.code, b]));
    return codes.map((c) => byCode.get(c) ?? null);
  });

  const agencyById = new DataLoader<string, Agency | null>(async (ids) => {
    const rows = await db.manager.find(Agency, { where: { id: In([...ids]) } });
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const agenciesByBoard = new DataLoader<string, Agency[]>(async (codes) => {
    const rows = await db.manager
      .createQueryBuilder(Agency, 'a')
      .innerJoin(AgencyMembership, 'm', 'm.agency_id = a.id')
      .addSelect('m.board_code', 'board_code')
      .where('m.board_code IN (:...codes)', { codes: [...codes] })
      .orderBy('a.name', 'ASC')
      .getRawAndEntities();
    const grouped = new Map<string, Agency[]>(codes.map((c) => [c, []]));
    rows.raw.forEach((raw: { board_code: string; a_id: string }) => {
      const agency = rows.entities.find((e) => e.id === raw.a_id);
      if (agency) grouped.get(raw.board_code)?.push(agency);
    });
    return codes.map((c) => grouped.get(c) ?? []);
  });

  const boardsByAgency = new DataLoader<string, Board[]>(async (ids) => {
    const rows = await db.manager
      .createQueryBuilder(Board, 'b')
      .innerJoin(AgencyMembership, 'm', 'm.board_code = b.code')
      .addSelect('m.agency_id', 'agency_id')
      .where('m.agency_id IN (:...ids)', { ids: [...ids] })
      .orderBy('b.code', 'ASC')
      .getRawAndEntities();
    const grouped = new Map<string, Board[]>(ids.map((id) => [id, []]));
    rows.raw.forEach((raw: { agency_id: string; b_code: string }) => {
      const board = rows.entities.find((e) => e.code === raw.b_code);
      if (board) grouped.get(raw.agency_id)?.push(board);
    });
    return ids.map((id) => grouped.get(id) ?? []);
  });

  return { boardByCode, agencyById, agenciesByBoard, boardsByAgency };
}

export type DirectoryLoaders = ReturnType<typeof createDirectoryLoaders>;
