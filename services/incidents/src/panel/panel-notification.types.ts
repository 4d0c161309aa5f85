import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar, PageInfo } from '@scr/graphql-kit';
import { AbuseOrNeglect, AbuseType, AgeBand, Ethnicity, NotifiableCriterion, Sex, SocialCareStatus } from '../incidents/incident.enums';

/** A child as the national panel sees it: no name, no date of birth, no pseudonym. */
@ObjectType()
export class PanelChild {
  @Field(() => AgeBand) ageBand: AgeBand;
  @Field(() => Sex) sex: Sex;
  @Field(() => Ethnicity) ethnicity: Ethnicity;
  @Field(() => Boolean, { nullable: true }) disability: boolean | null;
  @Field(() => SocialCareStatus) socialCareStatus: SocialCareStatus;
}

/** A notified incident in the panel's feed: no child identity and no summary. */
@ObjectType()
export class PanelNotification {
  @Field(() => ID) id: string;
  @Field() incidentReference: string;
  @Field(() => ID) boardCode: string;
  @Field(() => NotifiableCriterion) criterion: NotifiableCriterion;
  @Field(() => AbuseOrNeglect) abuseOrNeglect: AbuseOrNeglect;
  @Field() suspectedSuicide: boolean;
  @Field(() => DateScalar) occurredOn: string;
  @Field(() => DateScalar) awareOn: string;
  @Field(() => DateScalar) notifiedOn: string;
  @Field(() => [PanelChild]) children: PanelChild[];
  @Field(() => [AbuseType]) abuseTypes: AbuseType[];
  @Field(() => DateTimeScalar) recordedAt: Date;
}

@ObjectType()
export class PanelNotificationEdge {
  @Field(() => PanelNotification) node: PanelNotification;
  @Field() cursor: string;
}

@ObjectType()
export class PanelNotificationConnection {
  @Field(() => [PanelNotificationEdge]) edges: PanelNotificationEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}
