import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';

@ObjectType({ description: 'A safeguarding children board of the consortium.' })
@Directive('@key(fields: "code")')
@Entity('boards')
export class Board {
  @Field(() => ID)
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  /** Shareable: the subgraphs that show a board beside their records answer it from their copy (DirectoryCopy). */
  @Field()
  @Directive('@shareable')
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'partnership_arrangements_from', type: 'date', nullable: true })
  partnershipArrangementsFrom: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}
