import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';

/** The board's audit of a plan's programme of action (step 9). Append-only: no code path updates or deletes these rows. */
@ObjectType()
@Entity('programme_audits')
@Index('idx_programme_audits_plan', ['planId', 'seq'])
export class ProgrammeAudit {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ name: 'plan_id', type: 'varchar', length: 36 })
  planId: string;

  @Field(() => DateScalar)
  @Column({ name: 'audited_on', type: 'date' })
  auditedOn: string;

  @Field()
  @Column({ type: 'text' })
  findings: string;

  @Field()
  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt: Date = new Date();
}
