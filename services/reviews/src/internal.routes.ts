import type { Router } from 'express';
import type { Database } from '@scr/db';
import { Reviewer } from './reviewers/reviewer.entity';

/** Facts other subgraphs ask of the reviews subgraph with the platform secret. */
export function internalRoutes(db: Database) {
  return (router: Router) => {
    router.get('/reviewers/:id/exists', async (req, res, next) => {
      try {
        const exists = await db.manager.exists(Reviewer, { where: { id: String(req.params.id) } });
        res.json({ exists });
      } catch (error) {
        next(error);
      }
    });

    // Case grants (peer challenge, reviewer appointment) arrive with the review process; until then nobody holds one.
    router.post('/grants', (_req, res) => {
      res.json({ incidentIds: [], reviewIds: [] });
    });
  };
}
