/**
 * Publishing asks the incidents subgraph for the children's identities (the
 * personal-data check). That call is made before the transaction opens, so
 * no review row stays locked, and on SQLite no other write of the subgraph
 * queues, while another service answers; what publishing decides is as
 * before. Checked on both engines.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Principal } from '@scr/auth';
import { OutboxEvent, type Database } from '@scr/db';
import type { InternalClient } from '@scr/graphql-kit';
import { ENGINES, throwawayReviewsDatabase } from '../../__integration__/throwaway-database';
import type { ReviewsContext } from '../../context';
import { IncidentFacts } from '../../incidents/incident-facts.entity';
import { Review } from '../../reviews/review.entity';
import { Regime, ReviewKind, ReviewStage } from '../../reviews/review.enums';
import { reviewScope } from '../../reviews/review.scope';
import { publishReview } from '../publication.service';

const TODAY = '2026-06-15';
const CHAIR: Principal = { subject: 'leeds-chair', roles: ['BOARD_CHAIR'], board: 'LEEDS' };
const OTHER_CHAIR: Principal = { subject: 'york-chair', roles: ['BOARD_CHAIR'], board: 'YORK' };

describe.each(ENGINES)('publishing a review on %s', (kind) => {
  const database = throwawayReviewsDatabase(kind);

  /** A final report of Leeds, its incident notified to the panel. */
  async function finalReport(): Promise<Review> {
    const id = randomUUID();
    const incidentId = randomUUID();
    const review = Object.assign(new Review(), {
      id,
      reference: `TEST-${id}`,
      incidentId,
      boardCode: 'LEEDS',
      regime: Regime.PARTNERSHIP,
      kind: ReviewKind.LOCAL_CHILD_SAFEGUARDING_PRACTICE_REVIEW,
      stage: ReviewStage.REPORT_FINAL,
      openedOn: '2026-01-05',
      completedOn: '2026-05-01',
      version: 1,
      createdAt: new Date(),
    });
    await database().transaction(async (m) => {
      await m.insert(Review, review);
      await m.insert(IncidentFacts, {
        incidentId,
        criterion: 'DIED',
        abuseOrNeglect: 'KNOWN',
        notifiedOn: '2026-01-02',
        notifiedToPanel: true,
        incidentVersion: 1,
        updatedAt: new Date(),
      });
    });
    return review;
  }

  /** A request context whose database counts open transactions and whose incidents subgraph records when it was asked. */
  function contextFor(principal: Principal) {
    const db = database();
    let open = 0;
    const askedWithOpenTransactions: number[] = [];
    const tracked = Object.create(db) as Database;
    tracked.transaction = <T>(fn: (manager: EntityManager) => Promise<T>) =>
      db.transaction(async (manager) => {
        open += 1;
        try {
          return await fn(manager);
        } finally {
          open -= 1;
        }
      });
    const incidents = {
      get: async () => {
        askedWithOpenTransactions.push(open);
        return { children: [{ fullName: 'Ada Example', dateOfBirth: '2015-03-04' }] };
      },
    };
    const now = new Date();
    const scope = reviewScope(principal, now);
    const ctx = {
      requestId: randomUUID(),
      principal,
      now,
      today: TODAY,
      db: tracked,
      internal: incidents as unknown as InternalClient,
      scope,
      eventsWritten: () => {},
    };
    return { ctx: ctx as unknown as ReviewsContext, askedWithOpenTransactions };
  }

  const input = (reviewId: string, summary = 'What the board learned and changed.') => ({
    reviewId,
    url: 'https://leeds.example/reviews/1',
    sentToPanelOn: '2026-05-20',
    publishedOn: TODAY,
    plainEnglishSummary: summary,
    welfareImpactConsidered: true,
    dataProtectionChecked: true,
    courtRestrictionsChecked: true,
  });

  it('publishes, tells the panel, and asked the incidents subgraph with no transaction open', async () => {
    const review = await finalReport();
    const { ctx, askedWithOpenTransactions } = contextFor(CHAIR);
    const published = await publishReview(ctx, input(review.id));
    expect(published).toMatchObject({ stage: ReviewStage.PUBLISHED, publication: { publishedOn: TODAY }, version: 2 });
    expect(askedWithOpenTransactions).toEqual([0]);
    const events = await database().manager.find(OutboxEvent, {});
    expect(events.filter((e) => e.payload.includes(review.id)).map((e) => e.type)).toEqual([expect.stringContaining('review.published')]);
  });

  it('refuses a summary naming the child, and leaves the review as it was', async () => {
    const review = await finalReport();
    const { ctx } = contextFor(CHAIR);
    await expect(publishReview(ctx, input(review.id, 'Ada Example was failed by agencies.'))).rejects.toMatchObject({
      extensions: expect.objectContaining({ code: 'PERSONAL_DATA_IN_PUBLICATION' }),
    });
    expect(await database().manager.findOneByOrFail(Review, { id: review.id })).toMatchObject({ stage: ReviewStage.REPORT_FINAL, version: 1 });
  });

  it("answers another board's chair NOT_FOUND without asking the incidents subgraph", async () => {
    const review = await finalReport();
    const { ctx, askedWithOpenTransactions } = contextFor(OTHER_CHAIR);
    await expect(publishReview(ctx, input(review.id))).rejects.toMatchObject({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) });
    expect(askedWithOpenTransactions).toEqual([]);
  });
});
