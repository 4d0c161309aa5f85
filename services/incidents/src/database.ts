import type { Config } from '@scr/config';
import { Database, OutboxEvent } from '@scr/db';
import { IncidentChild } from './children/child.entity';
import { IncidentAbuseType } from './incidents/abuse-type.entity';
import { IdempotencyKey } from './incidents/idempotency-key.entity';
import { Incident } from './incidents/incident.entity';
import { ReferenceCounter } from './incidents/reference-counter.entity';
import { Incidents1764000000100 } from './migrations/1764000000100-incidents';

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'incidents',
    entities: [Incident, IncidentChild, IncidentAbuseType, IdempotencyKey, ReferenceCounter, OutboxEvent],
    migrations: [Incidents1764000000100],
  });
