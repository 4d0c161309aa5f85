import { registerEnumType } from 'type-graphql';

export enum NotifiableCriterion {
  CHILD_DIED = 'CHILD_DIED',
  CHILD_SERIOUSLY_HARMED = 'CHILD_SERIOUSLY_HARMED',
  LOOKED_AFTER_CHILD_DIED = 'LOOKED_AFTER_CHILD_DIED',
}
export enum AbuseOrNeglect {
  KNOWN = 'KNOWN',
  SUSPECTED = 'SUSPECTED',
  NOT_KNOWN = 'NOT_KNOWN',
}
export enum AbuseType {
  PHYSICAL = 'PHYSICAL',
  SEXUAL = 'SEXUAL',
  EMOTIONAL = 'EMOTIONAL',
  NEGLECT = 'NEGLECT',
  EXTRA_FAMILIAL_HARM = 'EXTRA_FAMILIAL_HARM',
  OTHER = 'OTHER',
}
export enum AgeBand {
  UNDER_1 = 'UNDER_1',
  AGE_1_TO_5 = 'AGE_1_TO_5',
  AGE_6_TO_10 = 'AGE_6_TO_10',
  AGE_11_TO_15 = 'AGE_11_TO_15',
  AGE_16_PLUS = 'AGE_16_PLUS',
  UNKNOWN = 'UNKNOWN',
}
export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  UNKNOWN = 'UNKNOWN',
}
export enum Ethnicity {
  WHITE = 'WHITE',
  MIXED = 'MIXED',
  ASIAN_OR_ASIAN_BRITISH = 'ASIAN_OR_ASIAN_BRITISH',
  BLACK_OR_BLACK_BRITISH = 'BLACK_OR_BLACK_BRITISH',
  OTHER_ETHNIC_GROUP = 'OTHER_ETHNIC_GROUP',
  REFUSED = 'REFUSED',
  NOT_KNOWN = 'NOT_KNOWN',
}
export enum SocialCareStatus {
  NOT_KNOWN_TO_SOCIAL_CARE = 'NOT_KNOWN_TO_SOCIAL_CARE',
  CHILD_IN_NEED = 'CHILD_IN_NEED',
  CHILD_PROTECTION_PLAN = 'CHILD_PROTECTION_PLAN',
  LOOKED_AFTER = 'LOOKED_AFTER',
}

/** Who a notification goes to (DOMAIN.md step 1). */
export enum NotificationRecipient {
  PANEL = 'PANEL',
  OFSTED = 'OFSTED',
  SECRETARY_OF_STATE = 'SECRETARY_OF_STATE',
}
registerEnumType(NotificationRecipient, { name: 'NotificationRecipient' });
registerEnumType(NotifiableCriterion, { name: 'NotifiableCriterion' });
registerEnumType(AbuseOrNeglect, { name: 'AbuseOrNeglect' });
registerEnumType(AbuseType, { name: 'AbuseType' });
registerEnumType(AgeBand, { name: 'AgeBand' });
registerEnumType(Sex, { name: 'Sex' });
registerEnumType(Ethnicity, { name: 'Ethnicity' });
registerEnumType(SocialCareStatus, { name: 'SocialCareStatus' });
