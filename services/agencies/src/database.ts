import type { Config } from '@scr/config';
import { AuditEvent, Database, IdempotencyKeyRow, sharedMigrations } from '@scr/db';
import { AgencyMembership } from './agencies/agency-membership.entity';
import { Agency } from './agencies/agency.entity';
import { Board } from './boards/board.entity';
import { Directory1764000000000 } from './migrations/1764000000000-directory';

const shared = sharedMigrations('Agencies');

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'agencies',
    entities: [AuditEvent, IdempotencyKeyRow, Board, Agency, AgencyMembership],
    migrations: [Directory1764000000000, shared.audit, shared.longText, shared.idempotencyKeys],
  });
