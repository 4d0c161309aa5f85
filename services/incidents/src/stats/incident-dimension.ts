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

/** The facts of one incident that statistics count (DOMAIN.md "Statistics"). */
export interface CountedFacts {
  boardCode: string;
  notifiable: boolean;
  awareOn: string;
  criterion: string;
  abuseTypes: readonly string[];
  children: readonly { ageBand: string; sex: string; ethnicity: string; socialCareStatus: string }[];
}

/**
 * What each dimension counts and where its key lives: child dimensions count
 * children, the others incidents; abuse type counts each value. `column` (with
 * `join`) says it in SQL over the incident rows, `valuesOf` in TypeScript over
 * one incident's facts; both give one key per thing counted.
 */
export const DIMENSIONS: Record<
  IncidentDimension,
  { keys: readonly string[]; join?: 'children' | 'abuseTypes'; column: string; valuesOf: (facts: CountedFacts) => readonly string[] }
> = {
  CRITERION: { keys: Object.values(NotifiableCriterion), column: 'i.criterion', valuesOf: (f) => [f.criterion] },
  ABUSE_TYPE: { keys: Object.values(AbuseType), join: 'abuseTypes', column: 't.abuse_type', valuesOf: (f) => f.abuseTypes },
  AGE_BAND: { keys: Object.values(AgeBand), join: 'children', column: 'c.age_band', valuesOf: (f) => f.children.map((c) => c.ageBand) },
  SEX: { keys: Object.values(Sex), join: 'children', column: 'c.sex', valuesOf: (f) => f.children.map((c) => c.sex) },
  ETHNICITY: { keys: Object.values(Ethnicity), join: 'children', column: 'c.ethnicity', valuesOf: (f) => f.children.map((c) => c.ethnicity) },
  SOCIAL_CARE_STATUS: {
    keys: Object.values(SocialCareStatus),
    join: 'children',
    column: 'c.social_care_status',
    valuesOf: (f) => f.children.map((c) => c.socialCareStatus),
  },
};
