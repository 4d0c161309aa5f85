import { registerEnumType } from 'type-graphql';
import { AbuseType, AgeBand, Ethnicity, NotifiableCriterion, Sex, SocialCareStatus } from '../incidents/incident.enums';

export enum IncidentDimension {
  CRITERION = 'CRITERION',
  AGE_BAND = 'AGE_BAND',
  SEX = 'SEX',
  ETHNICITY = 'ETHNICITY',
  ABUSE_TYPE = 'ABUSE_TYPE',
  SOCIAL_CARE_STATUS = 'SOCIAL_CARE_STATUS',
}
registerEnumType(IncidentDimension, { name: 'IncidentDimension' });

/**
 * What each dimension counts and where its key lives: child dimensions count
 * children, the others incidents; abuse type counts each value.
 */
export const DIMENSIONS: Record<IncidentDimension, { keys: readonly string[]; join?: 'children' | 'abuseTypes'; column: string }> = {
  CRITERION: { keys: Object.values(NotifiableCriterion), column: 'i.criterion' },
  ABUSE_TYPE: { keys: Object.values(AbuseType), join: 'abuseTypes', column: 't.abuse_type' },
  AGE_BAND: { keys: Object.values(AgeBand), join: 'children', column: 'c.age_band' },
  SEX: { keys: Object.values(Sex), join: 'children', column: 'c.sex' },
  ETHNICITY: { keys: Object.values(Ethnicity), join: 'children', column: 'c.ethnicity' },
  SOCIAL_CARE_STATUS: { keys: Object.values(SocialCareStatus), join: 'children', column: 'c.social_care_status' },
};
