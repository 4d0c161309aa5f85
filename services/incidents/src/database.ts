import type { Config } from '@scr/config';
import { IncidentsAudit1764000000400 } from './migrations/1764000000400-audit';
import { IncidentsLongText1764000000500 } from './migrations/1764000000500-long-text';
import { IncidentsNotificationRecipients1764000004000 } from './migrations/1764000004000-notification-recipients';
import { AuditEvent, Database, OutboxEvent } from '@scr/db';
import { IncidentChild } from './children/child.entity';
import { IncidentAbuseType } from './incidents/abuse-type.entity';
import { IdempotencyKey } from './incidents/idempotency-key.entity';
import { Incident } from './incidents/incident.entity';
import { ReferenceCounter } from './incidents/reference-counter.entity';
import { Incidents1764000000100 } from './migrations/1764000000100-incidents';
import { IncidentsCounts1764000012000 } from './migrations/1764000012000-incident-counts';
import { IncidentCount } from './stats/incident-count.entity';

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'incidents',
    entities: [AuditEvent, Incident, IncidentChild, IncidentAbuseType, IdempotencyKey, ReferenceCounter, IncidentCount, OutboxEvent],
    migrations: [Incidents1764000000100, IncidentsAudit1764000000400, IncidentsLongText1764000000500, IncidentsNotificationRecipients1764000004000, IncidentsCounts1764000012000],
  });
