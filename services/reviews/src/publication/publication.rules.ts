import { addCalendarMonths, addWorkingDays, compareIsoDates, startOfLondonDay, type IsoDate } from '@scr/calendar';
import type { ErrorCode } from '@scr/graphql-kit';

export const PANEL_NOTICE_WORKING_DAYS = 7;
export const AVAILABLE_MONTHS = 12;

export interface PublicationFacts {
  /** When the final report was completed. */
  completedOn: IsoDate | null;
  sentToPanelOn: IsoDate;
  publishedOn: IsoDate;
  embargoUntil?: IsoDate | null;
  welfareImpactConsidered: boolean;
  dataProtectionChecked: boolean;
  courtRestrictionsChecked: boolean;
}

export type PublicationProblem = { code: ErrorCode; field: string; message: string };

/**
 * DOMAIN.md step 10, apart from the personal-data screen: sent and published
 * no earlier than completion, checks done, panel notice given, no embargo.
 */
export function publicationProblem(p: PublicationFacts): PublicationProblem | undefined {
  if (p.completedOn) {
    for (const field of ['sentToPanelOn', 'publishedOn'] as const) {
      if (compareIsoDates(p[field], p.completedOn) < 0) {
        return {
          code: 'BAD_USER_INPUT',
          field,
          message: `${field} (${p[field]}) cannot be before the review was completed (${p.completedOn}).`,
        };
      }
    }
  }
  const unchecked = [
    !p.welfareImpactConsidered && 'the welfare impact on the family',
    !p.dataProtectionChecked && 'data protection',
    !p.courtRestrictionsChecked && 'court reporting restrictions',
  ].filter(Boolean);
  if (unchecked.length) {
    return { code: 'PUBLICATION_CHECKS_INCOMPLETE', field: 'input', message: `Before publishing, check ${unchecked.join(', ')}.` };
  }
  const earliest = earliestPublicationDate(p.sentToPanelOn);
  if (compareIsoDates(p.publishedOn, earliest) < 0) {
    return {
      code: 'PUBLICATION_CHECKS_INCOMPLETE',
      field: 'publishedOn',
      message: `The report must reach the panel at least ${PANEL_NOTICE_WORKING_DAYS} working days before publication: sent on ${p.sentToPanelOn}, it can be published from ${earliest}.`,
    };
  }
  if (p.embargoUntil && compareIsoDates(p.publishedOn, p.embargoUntil) < 0) {
    return { code: 'EMBARGOED', field: 'publishedOn', message: `The report is embargoed until ${p.embargoUntil}; publish on or after that date.` };
  }
  return undefined;
}

export function earliestPublicationDate(sentToPanelOn: IsoDate): IsoDate {
  return addWorkingDays(sentToPanelOn, PANEL_NOTICE_WORKING_DAYS);
}

/** A published report stays available at least 12 calendar months. */
export function availableUntil(publishedOn: IsoDate): IsoDate {
  return addCalendarMonths(publishedOn, AVAILABLE_MONTHS);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The panel hears of a publication on its date, not before: the review.published webhook waits until London midnight of publishedOn. */
export function publishedWebhookNotBefore(publishedOn: IsoDate): Date {
  return startOfLondonDay(publishedOn);
}

/** What publishReview stores on the review. */
export interface HeldPublication {
  publishedOn: IsoDate | null;
  url: string | null;
  sentToPanelOn: IsoDate | null;
  plainEnglishSummary: string | null;
  welfareImpactConsidered: boolean | null;
  dataProtectionChecked: boolean | null;
  courtRestrictionsChecked: boolean | null;
  embargoUntil: IsoDate | null;
}

/**
 * Whether publishReview is a client's retry: the review is published with
 * exactly this address, dates, summary and checks. Any other publication of a
 * published review stays refused.
 */
export function isRepeatedPublication(
  held: HeldPublication,
  input: {
    url: string;
    sentToPanelOn: IsoDate;
    publishedOn: IsoDate;
    plainEnglishSummary: string;
    welfareImpactConsidered: boolean;
    dataProtectionChecked: boolean;
    courtRestrictionsChecked: boolean;
    embargoUntil?: IsoDate | null;
  },
): boolean {
  return (
    held.publishedOn !== null &&
    held.publishedOn === input.publishedOn &&
    held.url === input.url &&
    held.sentToPanelOn === input.sentToPanelOn &&
    held.plainEnglishSummary === input.plainEnglishSummary &&
    Boolean(held.welfareImpactConsidered) === input.welfareImpactConsidered &&
    Boolean(held.dataProtectionChecked) === input.dataProtectionChecked &&
    Boolean(held.courtRestrictionsChecked) === input.courtRestrictionsChecked &&
    held.embargoUntil === (input.embargoUntil ?? null)
  );
}
