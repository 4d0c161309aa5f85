import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '@scr/graphql-kit';
import { ActionStatus } from './action.enums';

/** One progress update. Append-only: no code path updates or deletes these rows. */
@ObjectType()
@Entity('action_updates')
@Index('idx_action_updates_action', ['actionId', 'seq'])
export class ActionUpdate {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ name: 'action_id', type: 'varchar', length: 36 })
  actionId: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'datetime', precision: 3 })
  at: Date;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  by: string;

  @Field(() => ActionStatus)
  @Column({ type: 'varchar', length: 20 })
  status: ActionStatus;

  @Field()
  @Column({ type: 'text' })
  note: string;
}
