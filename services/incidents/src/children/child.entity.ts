import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';
import { AgeBand, Ethnicity, Sex, SocialCareStatus } from '../incidents/incident.enums';

@ObjectType('ChildIdentity')
export class ChildIdentity {
  @Field()
  fullName: string;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth: string | null;
}

/** A child named in an incident. Identity columns are answered only to the owning board's staff. */
@ObjectType('IncidentChild')
@Entity('incident_children')
@Index('idx_incident_children_incident', ['incidentId', 'position'])
export class IncidentChild {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ name: 'incident_id', type: 'varchar', length: 36 })
  incidentId: string;

  @Column({ type: 'integer' })
  position: number;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  pseudonym: string;

  @Column({ name: 'full_name', type: 'varchar', length: 300 })
  fullName: string;

  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Field(() => AgeBand)
  @Column({ name: 'age_band', type: 'varchar', length: 20 })
  ageBand: AgeBand;

  /** True when the age band was worked out from the date of birth, so a corrected date recomputes it. */
  @Column({ name: 'age_band_derived', type: 'boolean' })
  ageBandDerived: boolean;

  @Field(() => Sex)
  @Column({ type: 'varchar', length: 10 })
  sex: Sex;

  @Field(() => Ethnicity)
  @Column({ type: 'varchar', length: 40 })
  ethnicity: Ethnicity;

  @Field(() => Boolean, { nullable: true })
  @Column({ type: 'boolean', nullable: true })
  disability: boolean | null;

  @Field(() => SocialCareStatus)
  @Column({ name: 'social_care_status', type: 'varchar', length: 40 })
  socialCareStatus: SocialCareStatus;
}
