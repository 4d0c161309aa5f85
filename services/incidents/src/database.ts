import type { Config } from '@scr/config';
import { IncidentsNotificationRecipients1764000004000 } from './migrations/1764000004000-notification-recipients';
import { AuditEvent, Database, OutboxEvent, sharedMigrations } from '@scr/db';
import { IncidentChild } from './children/child.entity';
import { IncidentAbuseType } from './incidents/abuse-type.entity';
import { IdempotencyKey } from './incidents/idempotency-key.entity';
import { Incident } from './incidents/incident.entity';
import { ReferenceCounter } from './incidents/reference-counter.entity';
import { Incidents1764000000100 } from './migrations/1764000000100-incidents';
import { IncidentsCounts1764000012000 } from './migrations/1764000012000-incident-counts';
import { IncidentsCountsVersion1764000013000 } from './migrations/1764000013000-incident-counts-version';
import { IncidentCount } from './stats/incident-count.entity';

const shared = sharedMigrations('Incidents');

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'incidents',
    entities: [AuditEvent, Incident, IncidentChild, IncidentAbuseType, IdempotencyKey, ReferenceCounter, IncidentCount, OutboxEvent],
    migrations: [
      Incidents1764000000100,
      shared.audit,
      shared.longText,
      IncidentsNotificationRecipients1764000004000,
      IncidentsCounts1764000012000,
      IncidentsCountsVersion1764000013000,
    ],
  });
