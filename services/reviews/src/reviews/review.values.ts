import { Column } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { stringList } from '@scr/db';
import { AgencySector, DateScalar } from '@scr/graphql-kit';
import { DecisionOutcome } from './review.enums';

/*
 * The one-per-review facts of a review, each embedded in the reviews row
 * under its original column names (prefix: false, names given). Every field
 * is null until its step records it, and the step writes them all at once:
 * a recorded value object therefore has every GraphQL field it declares
 * non-null set, and is answered as it is.
 */

/** The chair's decision whether to review (DOMAIN.md step 3), as recordDecision stores it. */
@ObjectType()
export class DecisionRecord {
  @Field(() => DecisionOutcome)
  @Column({ name: 'decision_outcome', type: 'varchar', length: 40, nullable: true })
  outcome: DecisionOutcome | null;

  @Field(() => Boolean)
  @Column({ name: 'decision_criteria_met', type: 'boolean', nullable: true })
  criteriaMet: boolean | null;

  @Field(() => [AgencySector])
  @Column({ name: 'decision_partners_agreed', type: 'text', nullable: true, transformer: stringList('reviews.decision_partners_agreed') })
  partnersAgreed: AgencySector[] | null;

  @Field(() => String)
  @Column({ name: 'decision_rationale', type: 'text', nullable: true })
  rationale: string | null;

  @Field(() => DateScalar)
  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Field(() => String)
  @Column({ name: 'decided_by', type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;
}

/** A recorded decision with whether it was made by its due date (a computed field, no column). */
@ObjectType()
export class ReviewDecision extends DecisionRecord {
  @Field() onTime: boolean;
}

/** The chosen method and how data were collected and analysed (transparency, step 5). */
@ObjectType()
export class Methodology {
  @Field(() => String)
  @Column({ name: 'methodology_name', type: 'varchar', length: 300, nullable: true })
  name: string | null;

  @Field(() => String)
  @Column({ name: 'methodology_data_collection', type: 'text', nullable: true })
  dataCollection: string | null;

  @Field(() => String)
  @Column({ name: 'methodology_analysis', type: 'text', nullable: true })
  analysis: string | null;
}

/** The published report (DOMAIN.md step 10). The embargo is the board's own: it has no field. */
@ObjectType()
export class Publication {
  @Field(() => String)
  @Column({ name: 'publication_url', type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Field(() => DateScalar)
  @Column({ name: 'sent_to_panel_on', type: 'date', nullable: true })
  sentToPanelOn: string | null;

  @Field(() => DateScalar)
  @Column({ name: 'published_on', type: 'date', nullable: true })
  publishedOn: string | null;

  @Field(() => DateScalar)
  @Column({ name: 'available_until', type: 'date', nullable: true })
  availableUntil: string | null;

  @Field(() => String)
  @Column({ name: 'plain_english_summary', type: 'text', nullable: true })
  plainEnglishSummary: string | null;

  @Field(() => Boolean)
  @Column({ name: 'welfare_impact_considered', type: 'boolean', nullable: true })
  welfareImpactConsidered: boolean | null;

  @Field(() => Boolean)
  @Column({ name: 'data_protection_checked', type: 'boolean', nullable: true })
  dataProtectionChecked: boolean | null;

  @Field(() => Boolean)
  @Column({ name: 'court_restrictions_checked', type: 'boolean', nullable: true })
  courtRestrictionsChecked: boolean | null;

  @Column({ name: 'embargo_until', type: 'date', nullable: true })
  embargoUntil: string | null;
}
