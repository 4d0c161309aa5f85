import type { Review } from '../reviews/review.entity';
import type { Publication } from '../reviews/review.types';

/** A review's publication, or null until it is published. */
export function publicationOf(r: Review): Publication | null {
  if (!r.publishedOn || !r.publicationUrl) return null;
  return {
    url: r.publicationUrl,
    sentToPanelOn: r.sentToPanelOn ?? '',
    publishedOn: r.publishedOn,
    availableUntil: r.availableUntil ?? '',
    plainEnglishSummary: r.plainEnglishSummary ?? '',
    welfareImpactConsidered: !!r.welfareImpactConsidered,
    dataProtectionChecked: !!r.dataProtectionChecked,
    courtRestrictionsChecked: !!r.courtRestrictionsChecked,
  };
}
