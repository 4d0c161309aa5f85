import { z } from 'zod';
import { internalRoute } from './route';

export const reviewerExists = internalRoute('reviews', '/reviewers/exists', z.object({ id: z.string() }), z.object({ exists: z.boolean() }));

/** Who asks for case grants: the principal's roles and the board and reviewer it names. */
export const caseGrantHolder = z.object({
  roles: z.array(z.string()).default([]),
  board: z.string().optional(),
  reviewer: z.string().optional(),
});
export type CaseGrantHolder = z.input<typeof caseGrantHolder>;

/** The reviews, and their incidents, a principal reaches outside its own board (peer challenge, appointment). */
export const caseGrants = z.object({ reviewIds: z.array(z.string()), incidentIds: z.array(z.string()) });
export type CaseGrants = z.infer<typeof caseGrants>;

export const grants = internalRoute('reviews', '/grants', caseGrantHolder, caseGrants);

/** A review's board, stage and dates, for the action-plans subgraph: never from client input. */
export const reviewFacts = z.object({
  id: z.string(),
  boardCode: z.string(),
  stage: z.string(),
  incidentId: z.string(),
  initiatedOn: z.string().nullable(),
});
export type ReviewFacts = z.infer<typeof reviewFacts>;

export const reviewsLookup = internalRoute('reviews', '/reviews/lookup', z.object({ ids: z.array(z.string()) }), z.object({ reviews: z.array(reviewFacts) }));

export const INCIDENT_EVENT_TYPES = ['incident.notified', 'incident.referred', 'incident.corrected'] as const;

/** An incident event the incidents subgraph's outbox delivers to the reviews subgraph. */
export const incidentEvent = z.object({
  id: z.string(),
  type: z.enum(INCIDENT_EVENT_TYPES),
  data: z.object({
    incidentId: z.string(),
    boardCode: z.string(),
    reference: z.string(),
    notifiedOn: z.string().nullish(),
    reportedOn: z.string().optional(),
    /** The regime the incidents subgraph fixed at notification. */
    regime: z.enum(['LSCB', 'PARTNERSHIP']).optional(),
    // Sent since the incident facts are kept in reviews; older events lack them.
    criterion: z.string().optional(),
    abuseOrNeglect: z.string().optional(),
    notifiedToPanel: z.boolean().optional(),
    incidentVersion: z.number().int().optional(),
  }),
});
export type IncidentEvent = z.infer<typeof incidentEvent>;

export const incidentEvents = internalRoute('reviews', '/events', incidentEvent, z.object({ result: z.enum(['opened', 'updated', 'duplicate']) }));
