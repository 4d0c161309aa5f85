import type { Config } from '@scr/config';
import { ReviewsNotifiedReferrals1764000004100 } from './migrations/1764000004100-notified-referrals';
import { IncidentFacts } from './incidents/incident-facts.entity';
import { ReviewsExtensionsGoodPractice1764000005000 } from './migrations/1764000005000-extensions-good-practice';
import { AuditEvent, Database, IdempotencyKeyRow, OutboxEvent, sharedMigrations } from '@scr/db';
import { ReviewerAppointment } from './appointments/appointment.entity';
import { InvolvedAgency } from './appointments/involved-agency.entity';
import { ProcessedEvent } from './events/processed-event.entity';
import { InformationRequest } from './information-requests/information-request.entity';
import { Reviews1764000000200 } from './migrations/1764000000200-reviews';
import { PeerChallenge } from './peer-challenges/peer-challenge.entity';
import { FamilyEngagementRow, GoodPracticeRow, ParallelProcessRow, ReviewExtensionRow, ReviewTheme } from './progress/progress.entities';
import { Reviewer } from './reviewers/reviewer.entity';
import { Review } from './reviews/review.entity';

const shared = sharedMigrations('Reviews');

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'reviews',
    entities: [
      AuditEvent,
      IdempotencyKeyRow,
      Reviewer,
      Review,
      ReviewerAppointment,
      InvolvedAgency,
      ParallelProcessRow,
      FamilyEngagementRow,
      ReviewTheme,
      ReviewExtensionRow,
      GoodPracticeRow,
      InformationRequest,
      PeerChallenge,
      ProcessedEvent,
      IncidentFacts,
      OutboxEvent,
    ],
    migrations: [
      Reviews1764000000200,
      shared.audit,
      shared.longText,
      ReviewsNotifiedReferrals1764000004100,
      ReviewsExtensionsGoodPractice1764000005000,
      shared.idempotencyKeys,
    ],
  });
