import { z } from 'zod';
import { internalRoute } from './route';

/** What the directory tells about a board: declared once for every subgraph that asks. */
export const boardFacts = z.object({
  code: z.string(),
  name: z.string(),
  /** 'YYYY-MM-DD', or null for a board still under LSCB arrangements. */
  partnershipArrangementsFrom: z.string().nullable(),
});
export type BoardFacts = z.infer<typeof boardFacts>;

/** What the directory tells about an agency: its sector and the boards it is a member of. */
export const agencyFacts = z.object({
  id: z.string(),
  name: z.string(),
  sector: z.string(),
  boardCodes: z.array(z.string()),
});
export type AgencyFacts = z.infer<typeof agencyFacts>;

/** Does the board or agency a token names exist? (the principal check of every subgraph) */
export const directoryCheck = internalRoute(
  'agencies',
  '/directory/check',
  z.object({ board: z.string().optional(), agency: z.string().optional() }),
  z.object({ boardExists: z.boolean(), agencyExists: z.boolean() }),
);

export const boardsLookup = internalRoute('agencies', '/boards/lookup', z.object({ codes: z.array(z.string()) }), z.object({ boards: z.array(boardFacts) }));

export const agenciesLookup = internalRoute(
  'agencies',
  '/agencies/lookup',
  z.object({ ids: z.array(z.string()) }),
  z.object({ agencies: z.array(agencyFacts) }),
);

/** The outbox event type of an audit row waiting to be shipped to the directory. */
export const AUDIT_EVENT_TYPE = 'audit.recorded';

/** One audit row shipped from another subgraph's outbox to the consortium-wide trail. */
export const shippedAuditRow = z.object({
  id: z.string(),
  /** ISO 8601. */
  at: z.string(),
  service: z.string(),
  subject: z.string(),
  roles: z.string().default(''),
  board: z.string().nullish(),
  recordBoard: z.string().nullish(),
  operation: z.string(),
  targetIdsJson: z.string().default('[]'),
  outcome: z.string(),
  requestId: z.string().nullish(),
});
export type ShippedAuditRow = z.infer<typeof shippedAuditRow>;

export const auditShipping = internalRoute('agencies', '/audit', shippedAuditRow, z.object({ stored: z.boolean() }));
