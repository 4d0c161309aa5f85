import {
  addWorkingDays,
  CALENDAR_FROM_YEAR,
  CALENDAR_TO_YEAR,
  isInCalendarRange,
  compareIsoDates,
  deadlineStatus,
  parseIsoDate,
  type DeadlineStatus,
  type IsoDate,
} from '@scr/calendar';
import { notAfterTodayProblem, type RegimeName } from '@scr/graphql-kit';
import { AbuseOrNeglect, AgeBand, NotifiableCriterion, NotificationRecipient } from './incident.enums';

/** Working days the local authority has to notify the panel after becoming aware. */
export const NOTIFICATION_WORKING_DAYS = 5;
export const MIN_CHILDREN = 1;
export const MAX_CHILDREN = 4;

/**
 * Working Together's notifiable incidents: a child died or was seriously
 * harmed and abuse or neglect is known or suspected, or a looked-after child
 * died whatever is known.
 */
export function isNotifiable(criterion: NotifiableCriterion, abuseOrNeglect: AbuseOrNeglect): boolean {
  if (criterion === NotifiableCriterion.LOOKED_AFTER_CHILD_DIED) return true;
  return abuseOrNeglect === AbuseOrNeglect.KNOWN || abuseOrNeglect === AbuseOrNeglect.SUSPECTED;
}

/**
 * Who the notification goes to: under the partnership regime the national
 * panel, plus Ofsted and the Secretary of State for a looked-after child's
 * death (only those two when abuse or neglect is not known); under the LSCB
 * regime Ofsted. A referral goes to nobody.
 */
export function notifiedTo(
  incident: { notifiable: boolean; criterion: NotifiableCriterion; abuseOrNeglect: AbuseOrNeglect },
  regime: RegimeName,
): NotificationRecipient[] {
  if (!incident.notifiable) return [];
  if (regime === 'LSCB') return [NotificationRecipient.OFSTED];
  if (incident.criterion !== NotifiableCriterion.LOOKED_AFTER_CHILD_DIED) return [NotificationRecipient.PANEL];
  const ofstedAndSecretaryOfState = [NotificationRecipient.OFSTED, NotificationRecipient.SECRETARY_OF_STATE];
  return incident.abuseOrNeglect === AbuseOrNeglect.NOT_KNOWN ? ofstedAndSecretaryOfState : [NotificationRecipient.PANEL, ...ofstedAndSecretaryOfState];
}

/** The panel's feed and webhooks carry an incident only when the panel is among its recipients. */
export function isNotifiedToPanel(incident: Parameters<typeof notifiedTo>[0], regime: RegimeName): boolean {
  return notifiedTo(incident, regime).includes(NotificationRecipient.PANEL);
}

export function notificationDueOn(awareOn: IsoDate): IsoDate {
  return addWorkingDays(awareOn, NOTIFICATION_WORKING_DAYS);
}

/** A referral has no notification deadline and so is never late. */
export function notificationStatus(
  incident: { notifiable: boolean; notificationDueOn: IsoDate | null; notifiedOn: IsoDate | null },
  today: IsoDate,
): DeadlineStatus {
  if (!incident.notifiable || !incident.notificationDueOn) return 'PENDING';
  return deadlineStatus(incident.notificationDueOn, incident.notifiedOn, today);
}

/** Returns the first problem with the incident's dates, or undefined: occurredOn <= awareOn <= today. */
export function incidentDatesProblem(occurredOn: IsoDate, awareOn: IsoDate, today: IsoDate): { field: string; message: string } | undefined {
  for (const [field, date] of [
    ['occurredOn', occurredOn],
    ['awareOn', awareOn],
  ] as const) {
    if (!isInCalendarRange(date))
      return {
        field,
        message: `${field} (${date}) must be between ${CALENDAR_FROM_YEAR} and ${CALENDAR_TO_YEAR}: the platform's calendar covers those years only.`,
      };
  }
  if (compareIsoDates(occurredOn, awareOn) > 0) {
    return { field: 'awareOn', message: `awareOn (${awareOn}) cannot be before occurredOn (${occurredOn}).` };
  }
  return notAfterTodayProblem('awareOn', awareOn, today);
}

/** Full years between birth and a date; a 29 February birthday comes round on 1 March in common years. */
export function ageInYears(dateOfBirth: IsoDate, on: IsoDate): number {
  const b = parseIsoDate(dateOfBirth);
  const d = parseIsoDate(on);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

export function ageBandAt(dateOfBirth: IsoDate, on: IsoDate): AgeBand {
  const age = ageInYears(dateOfBirth, on);
  if (age < 1) return AgeBand.UNDER_1;
  if (age <= 5) return AgeBand.AGE_1_TO_5;
  if (age <= 10) return AgeBand.AGE_6_TO_10;
  if (age <= 15) return AgeBand.AGE_11_TO_15;
  return AgeBand.AGE_16_PLUS;
}

export function incidentReference(boardCode: string, year: number, number: number): string {
  return `${boardCode}-${year}-${String(number).padStart(4, '0')}`;
}

/** What correctIncident may change, as the incident holds it. */
export interface HeldCorrection {
  version: number;
  criterion: string;
  abuseOrNeglect: string;
  suspectedSuicide: boolean;
  occurredOn: IsoDate;
  awareOn: IsoDate;
  summary: string | null;
  abuseTypes: readonly string[];
}

/**
 * Whether correctIncident is a client's retry of the correction just made:
 * the incident is one version past the one the caller expected and already
 * holds every fact the correction gives (the summary as it is stored, the
 * abuse types in their order). Anything else past that version stays a
 * stale write (CONFLICT). Who corrected is not stored; only the incident's
 * own board can correct it.
 */
export function isRepeatedCorrection(
  held: HeldCorrection,
  input: {
    expectedVersion: number;
    criterion?: string | null;
    abuseOrNeglect?: string | null;
    suspectedSuicide?: boolean | null;
    occurredOn?: IsoDate | null;
    awareOn?: IsoDate | null;
    abuseTypes?: readonly string[] | null;
    summary?: string | null;
  },
): boolean {
  if (held.version !== input.expectedVersion + 1) return false;
  const holds = <T>(given: T | null | undefined, value: T) => given === undefined || given === null || given === value;
  const abuseTypes = input.abuseTypes ? [...new Set(input.abuseTypes)] : undefined;
  return (
    holds(input.criterion, held.criterion) &&
    holds(input.abuseOrNeglect, held.abuseOrNeglect) &&
    holds(input.suspectedSuicide, held.suspectedSuicide) &&
    holds(input.occurredOn, held.occurredOn) &&
    holds(input.awareOn, held.awareOn) &&
    (input.summary === undefined || input.summary === held.summary) &&
    (!abuseTypes || (abuseTypes.length === held.abuseTypes.length && abuseTypes.every((type, i) => type === held.abuseTypes[i])))
  );
}
