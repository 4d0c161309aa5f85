import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';
import { DecisionOutcome, Regime, ReviewKind, ReviewStage, type ReviewOrigin } from './review.enums';

/**
 * A review of one incident, from the decision to publication. Decision,
 * methodology and publication are one-per-review facts kept as columns;
 * lists (extensions, good practice, themes, ...) live in their own tables.
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

  @Column({ name: 'decision_outcome', type: 'varchar', length: 40, nullable: true })
  decisionOutcome: DecisionOutcome | null;

  @Column({ name: 'decision_criteria_met', type: 'boolean', nullable: true })
  decisionCriteriaMet: boolean | null;

  @Column({ name: 'decision_partners_agreed', type: 'text', nullable: true })
  decisionPartnersAgreedJson: string | null;

  @Column({ name: 'decision_rationale', type: 'text', nullable: true })
  decisionRationale: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;

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

  @Column({ name: 'methodology_name', type: 'varchar', length: 300, nullable: true })
  methodologyName: string | null;

  @Column({ name: 'methodology_data_collection', type: 'text', nullable: true })
  methodologyDataCollection: string | null;

  @Column({ name: 'methodology_analysis', type: 'text', nullable: true })
  methodologyAnalysis: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  findings: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ name: 'publication_url', type: 'varchar', length: 2000, nullable: true })
  publicationUrl: string | null;

  @Column({ name: 'sent_to_panel_on', type: 'date', nullable: true })
  sentToPanelOn: string | null;

  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ name: 'available_until', type: 'date', nullable: true })
  availableUntil: string | null;

  @Column({ name: 'plain_english_summary', type: 'text', nullable: true })
  plainEnglishSummary: string | null;

  @Column({ name: 'welfare_impact_considered', type: 'boolean', nullable: true })
  welfareImpactConsidered: boolean | null;

  @Column({ name: 'data_protection_checked', type: 'boolean', nullable: true })
  dataProtectionChecked: boolean | null;

  @Column({ name: 'court_restrictions_checked', type: 'boolean', nullable: true })
  courtRestrictionsChecked: boolean | null;

  @Column({ name: 'embargo_until', type: 'date', nullable: true })
  embargoUntil: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}
