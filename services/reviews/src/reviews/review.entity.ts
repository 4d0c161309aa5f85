import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';
import { Regime, ReviewKind, ReviewStage, type ReviewOrigin } from './review.enums';
import { DecisionRecord, Methodology, Publication } from './review.values';

/**
 * A review of one incident, from the decision to publication. Decision,
 * methodology and publication are one-per-review facts: value objects
 * embedded in this row (review.values); lists (extensions, good practice,
 * themes, ...) live in their own tables.
 */
@ObjectType({ description: 'A serious case review, rapid review or its successor for one incident.' })
@Directive('@key(fields: "id")')
@Entity('reviews')
export class Review {
  @PrimaryGeneratedColumn()
  seq: number;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 64, unique: true })
  reference: string;

  @Column({ name: 'incident_id', type: 'varchar', length: 36 })
  incidentId: string;

  /** What opened the review: a referral, or a notification (at most one of each per incident). */
  @Column({ type: 'varchar', length: 20, default: 'NOTIFICATION' })
  origin: ReviewOrigin;

  @Column({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;

  @Column({ type: 'varchar', length: 20 })
  regime: Regime;

  @Field(() => ReviewKind)
  @Column({ type: 'varchar', length: 60 })
  kind: ReviewKind;

  @Field(() => ReviewStage)
  @Column({ type: 'varchar', length: 30 })
  stage: ReviewStage;

  /** The date the case reached the board: notification, or the report of a referral. */
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'decision_due_on', type: 'date', nullable: true })
  decisionDueOn: string | null;

  @Column(() => DecisionRecord, { prefix: false })
  decision: DecisionRecord;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'initiated_on', type: 'date', nullable: true })
  initiatedOn: string | null;

  /** Six months after initiation; an extension does not overwrite it. */
  @Column({ name: 'completion_due_on', type: 'date', nullable: true })
  completionDueOn: string | null;

  /**
   * The completion date as extended by the extensions agreed in time (the
   * extensions themselves are rows of review_extensions); null when none counts.
   */
  @Column({ name: 'extended_completion_due_on', type: 'date', nullable: true })
  extendedCompletionDueOn: string | null;

  @Column(() => Methodology, { prefix: false })
  methodology: Methodology;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  findings: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column(() => Publication, { prefix: false })
  publication: Publication;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}
