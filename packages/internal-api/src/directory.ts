import { z } from 'zod';
import type { ServiceName } from '@scr/config';
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

function isJsonListOfStrings(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}

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
  targetIdsJson: z.string().default('[]').refine(isJsonListOfStrings, 'targetIdsJson is not a JSON list of strings'),
  outcome: z.string(),
  requestId: z.string().nullish(),
});
export type ShippedAuditRow = z.infer<typeof shippedAuditRow>;

/** The most rows one shipment carries: a relay's claimed batch (50 by default) fits with room. */
export const MAX_AUDIT_ROWS_PER_SHIPMENT = 500;

/**
 * A relay's claimed audit rows in one call (one HTTP request and one
 * transaction at the directory instead of one each a row). A relay of an
 * older release posting single rows to /audit gets 404 and retries until it
 * is upgraded too: nothing is lost, only late.
 */
export const auditShipping = internalRoute(
  'agencies',
  '/audit/batch',
  z.object({ rows: z.array(shippedAuditRow).min(1).max(MAX_AUDIT_ROWS_PER_SHIPMENT) }),
  z.object({ stored: z.number().int() }),
);

/**
 * Every board's name and every agency's name and sector: the subgraphs that
 * show them beside their own records keep a copy (graphql-kit's
 * DirectoryCopy), so a list of incidents or a review page needs no call to
 * the directory for them.
 */
export const directoryNames = internalRoute(
  'agencies',
  '/directory/names',
  z.object({}),
  z.object({
    boards: z.array(z.object({ code: z.string(), name: z.string() })),
    agencies: z.array(z.object({ id: z.string(), name: z.string(), sector: z.string() })),
  }),
);
export type DirectoryNames = z.infer<typeof directoryNames.answer>;

/** The directory changed a name or added an agency: the service's copy is dropped and read again when next needed. */
export const directoryChanged = (service: ServiceName) => internalRoute(service, '/directory/changed', z.object({}), z.object({ dropped: z.boolean() }));
