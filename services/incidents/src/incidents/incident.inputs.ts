import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DeadlineStatusEnum } from '@scr/graphql-kit';
import { AbuseOrNeglect, AbuseType, AgeBand, Ethnicity, NotifiableCriterion, Sex, SocialCareStatus } from './incident.enums';

@InputType()
export class IncidentChildInput {
  @Field()
  pseudonym: string;

  @Field()
  fullName: string;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth?: string | null;

  @Field(() => AgeBand, { nullable: true })
  ageBand?: AgeBand | null;

  @Field(() => Sex)
  sex: Sex;

  @Field(() => Ethnicity, { nullable: true, defaultValue: Ethnicity.NOT_KNOWN })
  ethnicity?: Ethnicity | null;

  @Field(() => Boolean, { nullable: true })
  disability?: boolean | null;

  @Field(() => SocialCareStatus)
  socialCareStatus: SocialCareStatus;
}

@InputType()
export class ReportIncidentInput {
  @Field(() => ID)
  boardCode: string;

  @Field(() => NotifiableCriterion)
  criterion: NotifiableCriterion;

  @Field(() => AbuseOrNeglect)
  abuseOrNeglect: AbuseOrNeglect;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  suspectedSuicide?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'A case below the criteria, reported for the board to consider a review.',
  })
  referral?: boolean | null;

  @Field(() => DateScalar)
  occurredOn: string;

  @Field(() => String, { nullable: true })
  occurredInArea?: string | null;

  @Field(() => DateScalar)
  awareOn: string;

  @Field(() => [IncidentChildInput])
  children: IncidentChildInput[];

  @Field(() => [AbuseType], { nullable: true, defaultValue: [] })
  abuseTypes?: AbuseType[] | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Same key, same input, same incident: a retried call creates nothing new.',
  })
  idempotencyKey?: string | null;
}

@InputType()
export class CorrectIncidentInput {
  @Field(() => ID)
  incidentId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => NotifiableCriterion, { nullable: true })
  criterion?: NotifiableCriterion | null;

  @Field(() => AbuseOrNeglect, { nullable: true })
  abuseOrNeglect?: AbuseOrNeglect | null;

  @Field(() => Boolean, { nullable: true })
  suspectedSuicide?: boolean | null;

  @Field(() => DateScalar, { nullable: true })
  occurredOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  awareOn?: string | null;

  @Field(() => [AbuseType], { nullable: true })
  abuseTypes?: AbuseType[] | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;
}

@InputType()
export class IncidentFilter {
  @Field(() => [ID], { nullable: true })
  boardCodes?: string[] | null;

  @Field(() => NotifiableCriterion, { nullable: true })
  criterion?: NotifiableCriterion | null;

  @Field(() => DateScalar, { nullable: true })
  awareFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  awareTo?: string | null;

  @Field(() => DeadlineStatusEnum, { nullable: true })
  notificationStatus?: DeadlineStatusEnum | null;
}
