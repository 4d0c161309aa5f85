import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An independent reviewer who may be appointed to reviews.' })
@Directive('@key(fields: "id")')
@Entity('reviewers')
export class Reviewer {
  @PrimaryGeneratedColumn()
  seq: number;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Stored as a JSON array: qualifications are only ever read whole. */
  @Column({ name: 'qualifications', type: 'text' })
  qualificationsJson: string;

  @Column({ name: 'affiliated_agency_ids', type: 'text' })
  affiliatedAgencyIdsJson: string;

  @Column({ name: 'affiliated_board_codes', type: 'text' })
  affiliatedBoardCodesJson: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}
