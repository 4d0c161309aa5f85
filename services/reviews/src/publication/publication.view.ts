import type { Review } from '../reviews/review.entity';
import type { Publication } from '../reviews/review.values';

/** A review's publication, or null until it is published. */
export function publicationOf(r: Review): Publication | null {
  return r.publication.publishedOn && r.publication.url ? r.publication : null;
}
