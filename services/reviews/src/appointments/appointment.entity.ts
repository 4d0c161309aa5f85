import { Column, Entity, PrimaryGeneratedColumn, Index } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';

@ObjectType('ReviewerAppointment')
@Entity('review_appointments')
@Index('idx_review_appointments_unique', ['reviewId', 'reviewerId'], { unique: true })
export class ReviewerAppointment {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @Column({ name: 'reviewer_id', type: 'varchar', length: 36 })
  reviewerId: string;

  @Field()
  @Column({ type: 'boolean' })
  lead: boolean;

  @Field(() => DateScalar)
  @Column({ name: 'appointed_on', type: 'date' })
  appointedOn: string;

  @Field()
  @Column({ name: 'independence_statement', type: 'text' })
  independenceStatement: string;
}
