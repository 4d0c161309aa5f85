import type { Router } from 'express';
import { In } from 'typeorm';
import type { Database } from '@scr/db';
import { agenciesLookup, answer, auditShipping, boardsLookup, directoryCheck, directoryNames } from '@scr/internal-api';
import { AgencyMembership } from './agencies/agency-membership.entity';
import { Agency } from './agencies/agency.entity';
import { storeShippedAuditEvents } from './audit/audit-events.service';
import { Board } from './boards/board.entity';

/** Directory facts other subgraphs ask for with the platform secret (shapes in @scr/internal-api). */
export function internalRoutes(db: Database) {
  return (router: Router) => {
    /** Audit rows shipped from the other subgraphs' outboxes. */
    answer(router, auditShipping, async ({ rows }) => ({ stored: await storeShippedAuditEvents(db, rows) }));

    answer(router, directoryCheck, async ({ board, agency }) => {
      const [boardExists, agencyExists] = await Promise.all([
        board ? db.manager.exists(Board, { where: { code: board } }) : false,
        agency ? db.manager.exists(Agency, { where: { id: agency } }) : false,
      ]);
      return { boardExists, agencyExists };
    });

    answer(router, boardsLookup, async ({ codes }) => {
      const boards = codes.length ? await db.manager.find(Board, { where: { code: In(codes) } }) : [];
      return { boards: boards.map((b) => ({ code: b.code, name: b.name, partnershipArrangementsFrom: b.partnershipArrangementsFrom })) };
    });

    /** Every name the other subgraphs show beside their records, for their copies (DirectoryCopy). */
    answer(router, directoryNames, async () => {
      const [boards, agencies] = await Promise.all([
        db.manager.find(Board, { select: { code: true, name: true } }),
        db.manager.find(Agency, { select: { id: true, name: true, sector: true } }),
      ]);
      return { boards: boards.map(({ code, name }) => ({ code, name })), agencies: agencies.map(({ id, name, sector }) => ({ id, name, sector })) };
    });

    answer(router, agenciesLookup, async ({ ids }) => {
      const agencies = ids.length ? await db.manager.find(Agency, { where: { id: In(ids) } }) : [];
      const memberships = ids.length ? await db.manager.find(AgencyMembership, { where: { agencyId: In(ids) } }) : [];
      return {
        agencies: agencies.map((a) => ({
          id: a.id,
          name: a.name,
          sector: a.sector,
          boardCodes: memberships.filter((m) => m.agencyId === a.id).map((m) => m.boardCode),
        })),
      };
    });
  };
}
