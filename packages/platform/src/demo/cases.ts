import { addDays, type IsoDate } from '@scr/calendar';

/** The stages a newcomer should find on every board (DOMAIN.md, "The process"). */
export const DEMO_STAGES = ['AWAITING_DECISION', 'OVERDUE_DECISION', 'IN_PROGRESS', 'EXTENDED', 'REPORT_FINAL', 'PUBLISHED', 'NOT_PROCEEDING'] as const;
export type DemoStage = (typeof DEMO_STAGES)[number];

export interface DemoCase {
  regime: 'LSCB' | 'PARTNERSHIP';
  stage: DemoStage;
  criterion: 'CHILD_DIED' | 'CHILD_SERIOUSLY_HARMED' | 'LOOKED_AFTER_CHILD_DIED';
  abuseOrNeglect: 'KNOWN' | 'SUSPECTED';
  abuseTypes: string[];
  child: { sex: string; ageBand: string; ethnicity: string; socialCareStatus: string };
  awareOn: IsoDate;
  notifiedOn: IsoDate;
  decidedOn?: IsoDate;
  appointedOn?: IsoDate;
  themes?: string[];
  extensionAgreedOn?: IsoDate;
  completedOn?: IsoDate;
  publication?: { sentToPanelOn: IsoDate; publishedOn: IsoDate };
}

const child = (sex: string, ageBand: string, ethnicity: string, socialCareStatus: string) => ({ sex, ageBand, ethnicity, socialCareStatus });

/**
 * One case per stage and regime, dated so each rule holds when the seed runs:
 * partnership cases count back from today (decisions, appointments and
 * completion in the past, information requests due in the future, as the
 * API requires); LSCB cases were notified in early 2019, before every board's
 * partnership arrangements began (CALDERDALE's, the earliest, on 2019-04-01),
 * so they sit under the old regime. An LSCB case cannot still be awaiting a
 * decision on time (its month ran out in 2019), so it has only the overdue one.
 */
export function demoCases(today: IsoDate): DemoCase[] {
  const ago = (days: number) => addDays(today, -days);
  const partnership: DemoCase[] = [
    {
      regime: 'PARTNERSHIP',
      stage: 'AWAITING_DECISION',
      criterion: 'CHILD_SERIOUSLY_HARMED',
      abuseOrNeglect: 'SUSPECTED',
      abuseTypes: ['PHYSICAL'],
      child: child('FEMALE', 'UNDER_1', 'WHITE', 'CHILD_IN_NEED'),
      awareOn: ago(6),
      notifiedOn: ago(4),
    },
    {
      regime: 'PARTNERSHIP',
      stage: 'OVERDUE_DECISION',
      criterion: 'CHILD_DIED',
      abuseOrNeglect: 'SUSPECTED',
      abuseTypes: ['NEGLECT'],
      child: child('MALE', 'UNDER_1', 'MIXED', 'NOT_KNOWN_TO_SOCIAL_CARE'),
      awareOn: ago(45),
      notifiedOn: ago(42),
    },
    {
      regime: 'PARTNERSHIP',
      stage: 'IN_PROGRESS',
      criterion: 'CHILD_SERIOUSLY_HARMED',
      abuseOrNeglect: 'KNOWN',
      abuseTypes: ['EXTRA_FAMILIAL_HARM'],
      child: child('MALE', 'AGE_11_TO_15', 'BLACK_OR_BLACK_BRITISH', 'CHILD_PROTECTION_PLAN'),
      awareOn: ago(75),
      notifiedOn: ago(72),
      decidedOn: ago(60),
      appointedOn: ago(55),
      themes: ['EXTRA_FAMILIAL_HARM', 'CHILD_SEXUAL_EXPLOITATION'],
    },
    {
      regime: 'PARTNERSHIP',
      stage: 'EXTENDED',
      criterion: 'CHILD_DIED',
      abuseOrNeglect: 'KNOWN',
      abuseTypes: ['PHYSICAL', 'EMOTIONAL'],
      child: child('FEMALE', 'AGE_1_TO_5', 'ASIAN_OR_ASIAN_BRITISH', 'CHILD_IN_NEED'),
      awareOn: ago(200),
      notifiedOn: ago(197),
      decidedOn: ago(175),
      appointedOn: ago(170),
      themes: ['DOMESTIC_ABUSE', 'NON_ACCIDENTAL_INJURY'],
      extensionAgreedOn: ago(5),
    },
    {
      regime: 'PARTNERSHIP',
      stage: 'REPORT_FINAL',
      criterion: 'CHILD_SERIOUSLY_HARMED',
      abuseOrNeglect: 'SUSPECTED',
      abuseTypes: ['NEGLECT'],
      child: child('MALE', 'AGE_6_TO_10', 'WHITE', 'LOOKED_AFTER'),
      awareOn: ago(230),
      notifiedOn: ago(228),
      decidedOn: ago(215),
      appointedOn: ago(210),
      themes: ['NEGLECT', 'EDUCATION_AND_ATTENDANCE'],
      completedOn: ago(40),
    },
    {
      regime: 'PARTNERSHIP',
      stage: 'PUBLISHED',
      criterion: 'CHILD_DIED',
      abuseOrNeglect: 'SUSPECTED',
      abuseTypes: ['NEGLECT'],
      child: child('FEMALE', 'UNDER_1', 'WHITE', 'CHILD_IN_NEED'),
      awareOn: ago(330),
      notifiedOn: ago(327),
      decidedOn: ago(315),
      appointedOn: ago(310),
      themes: ['SAFE_SLEEPING', 'PARENTAL_SUBSTANCE_MISUSE'],
      completedOn: ago(150),
      publication: { sentToPanelOn: ago(140), publishedOn: ago(100) },
    },
    {
      regime: 'PARTNERSHIP',
      stage: 'NOT_PROCEEDING',
      criterion: 'CHILD_SERIOUSLY_HARMED',
      abuseOrNeglect: 'SUSPECTED',
      abuseTypes: ['EMOTIONAL'],
      child: child('FEMALE', 'AGE_16_PLUS', 'WHITE', 'CHILD_IN_NEED'),
      awareOn: ago(100),
      notifiedOn: ago(98),
      decidedOn: ago(85),
    },
  ];
  const lscb: DemoCase[] = [
    {
      regime: 'LSCB',
      stage: 'OVERDUE_DECISION',
      criterion: 'CHILD_SERIOUSLY_HARMED',
      abuseOrNeglect: 'KNOWN',
      abuseTypes: ['SEXUAL'],
      child: child('FEMALE', 'AGE_11_TO_15', 'WHITE', 'CHILD_IN_NEED'),
      awareOn: '2019-03-04',
      notifiedOn: '2019-03-06',
    },
    {
      regime: 'LSCB',
      stage: 'IN_PROGRESS',
      criterion: 'CHILD_DIED',
      abuseOrNeglect: 'SUSPECTED',
      abuseTypes: ['NEGLECT'],
      child: child('MALE', 'AGE_1_TO_5', 'WHITE', 'CHILD_PROTECTION_PLAN'),
      awareOn: '2019-01-07',
      notifiedOn: '2019-01-09',
      decidedOn: '2019-01-31',
      appointedOn: '2019-02-11',
      themes: ['NEGLECT', 'VOICE_OF_THE_CHILD'],
    },
    {
      regime: 'LSCB',
      stage: 'EXTENDED',
      criterion: 'LOOKED_AFTER_CHILD_DIED',
      abuseOrNeglect: 'SUSPECTED',
      abuseTypes: ['OTHER'],
      child: child('MALE', 'AGE_16_PLUS', 'MIXED', 'LOOKED_AFTER'),
      awareOn: '2019-01-08',
      notifiedOn: '2019-01-10',
      decidedOn: '2019-02-01',
      appointedOn: '2019-02-12',
      themes: ['SELF_HARM_AND_SUICIDE'],
      extensionAgreedOn: '2019-07-15',
    },
    {
      regime: 'LSCB',
      stage: 'REPORT_FINAL',
      criterion: 'CHILD_DIED',
      abuseOrNeglect: 'KNOWN',
      abuseTypes: ['PHYSICAL'],
      child: child('FEMALE', 'UNDER_1', 'ASIAN_OR_ASIAN_BRITISH', 'CHILD_IN_NEED'),
      awareOn: '2019-01-14',
      notifiedOn: '2019-01-16',
      decidedOn: '2019-02-06',
      appointedOn: '2019-02-18',
      themes: ['NON_ACCIDENTAL_INJURY'],
      completedOn: '2019-07-26',
    },
    {
      regime: 'LSCB',
      stage: 'PUBLISHED',
      criterion: 'CHILD_SERIOUSLY_HARMED',
      abuseOrNeglect: 'KNOWN',
      abuseTypes: ['NEGLECT', 'EMOTIONAL'],
      child: child('MALE', 'AGE_6_TO_10', 'WHITE', 'CHILD_PROTECTION_PLAN'),
      awareOn: '2019-01-21',
      notifiedOn: '2019-01-23',
      decidedOn: '2019-02-13',
      appointedOn: '2019-02-25',
      themes: ['PARENTAL_MENTAL_HEALTH', 'INFORMATION_SHARING'],
      completedOn: '2019-07-31',
      publication: { sentToPanelOn: '2019-08-05', publishedOn: '2019-10-07' },
    },
    {
      regime: 'LSCB',
      stage: 'NOT_PROCEEDING',
      criterion: 'CHILD_SERIOUSLY_HARMED',
      abuseOrNeglect: 'SUSPECTED',
      abuseTypes: ['PHYSICAL'],
      child: child('FEMALE', 'AGE_6_TO_10', 'BLACK_OR_BLACK_BRITISH', 'CHILD_IN_NEED'),
      awareOn: '2019-02-04',
      notifiedOn: '2019-02-06',
      decidedOn: '2019-02-27',
    },
  ];
  return [...partnership, ...lscb];
}
