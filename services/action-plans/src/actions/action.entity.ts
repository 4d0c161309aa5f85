import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { stringList } from '@scr/db';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';
import { ActionStatus, ImpactRating } from './action.enums';

/** A SMART improvement action owned by one agency of the board. */
@ObjectType()
@Directive('@key(fields: "id")')
@Entity('actions')
@Index('idx_actions_plan', ['planId'])
@Index('idx_actions_board_due', ['boardCode', 'dueOn'])
@Index('idx_actions_owner', ['ownerAgencyId'])
export class Action {
  @PrimaryGeneratedColumn()
  seq: number;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Column({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @Column({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;

  @Field()
  @Column({ type: 'text' })
  recommendation: string;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'owner_agency_id', type: 'varchar', length: 36 })
  ownerAgencyId: string;

  @Field(() => DateScalar)
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @Column({ name: 'success_criteria', type: 'text', transformer: stringList('actions.success_criteria') })
  successCriteria: string[];

  @Field(() => ActionStatus)
  @Column({ type: 'varchar', length: 20 })
  status: ActionStatus;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn: string | null;

  @Column({ name: 'impact_assessed_on', type: 'date', nullable: true })
  impactAssessedOn: string | null;

  @Column({ name: 'impact_rating', type: 'varchar', length: 20, nullable: true })
  impactRating: ImpactRating | null;

  @Column({ name: 'impact_evidence', type: 'text', nullable: true })
  impactEvidence: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}
