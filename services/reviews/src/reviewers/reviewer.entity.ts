import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { stringList } from '@scr/db';
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

  /** Lists kept as JSON text: they are only ever read whole, never searched. */
  @Column({ name: 'qualifications', type: 'text', transformer: stringList('reviewers.qualifications') })
  qualifications: string[];

  @Column({ name: 'affiliated_agency_ids', type: 'text', transformer: stringList('reviewers.affiliated_agency_ids') })
  affiliatedAgencyIds: string[];

  @Column({ name: 'affiliated_board_codes', type: 'text', transformer: stringList('reviewers.affiliated_board_codes') })
  affiliatedBoardCodes: string[];

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}
