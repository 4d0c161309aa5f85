import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AgencySector } from '@scr/graphql-kit';

@ObjectType({ description: 'A partner agency: social care, police, health, schools and others.' })
@Directive('@key(fields: "id")')
@Entity('agencies')
export class Agency {
  /** Ordering key for stable lists; never shown. */
  @PrimaryGeneratedColumn()
  seq: number;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  /** Shareable, as sector: the subgraphs that show an agency beside their records answer it from their copy (DirectoryCopy). */
  @Field()
  @Directive('@shareable')
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => AgencySector)
  @Directive('@shareable')
  @Column({ type: 'varchar', length: 40 })
  sector: AgencySector;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}
