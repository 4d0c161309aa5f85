import type { Router } from 'express';
import { In } from 'typeorm';
import type { Database } from '@scr/db';
import { AgencyMembership } from './agencies/agency-membership.entity';
import { Agency } from './agencies/agency.entity';
import { storeShippedAuditEvent } from './audit/audit-events.service';
import { Board } from './boards/board.entity';

/** Directory facts other subgraphs ask for with the platform secret. */
export function internalRoutes(db: Database) {
  return (router: Router) => {
    /** Audit rows shipped from the other subgraphs' outboxes. */
    router.post('/audit', async (req, res) => {
      await storeShippedAuditEvent(db, req.body as Record<string, unknown>);
      res.json({ stored: true });
    });

    router.post('/directory/check', async (req, res) => {
      const { board, agency } = req.body as { board?: string; agency?: string };
      const [boardRow, agencyRow] = await Promise.all([
        board ? db.manager.findOne(Board, { where: { code: String(board) } }) : null,
        agency ? db.manager.findOne(Agency, { where: { id: String(agency) } }) : null,
      ]);
      res.json({ boardExists: !!boardRow, agencyExists: !!agencyRow });
    });

    router.post('/boards/lookup', async (req, res) => {
      const codes = ((req.body as { codes?: unknown[] }).codes ?? []).map(String);
      const boards = codes.length ? await db.manager.find(Board, { where: { code: In(codes) } }) : [];
      res.json({
        boards: boards.map((b) => ({ code: b.code, name: b.name, partnershipArrangementsFrom: b.partnershipArrangementsFrom })),
      });
    });

    router.post('/agencies/lookup', async (req, res) => {
      const ids = ((req.body as { ids?: unknown[] }).ids ?? []).map(String);
      const agencies = ids.length ? await db.manager.find(Agency, { where: { id: In(ids) } }) : [];
      const memberships = ids.length ? await db.manager.find(AgencyMembership, { where: { agencyId: In(ids) } }) : [];
      res.json({
        agencies: agencies.map((a) => ({
          id: a.id,
          name: a.name,
          sector: a.sector,
          boardCodes: memberships.filter((m) => m.agencyId === a.id).map((m) => m.boardCode),
        })),
      });
    });
  };
}
