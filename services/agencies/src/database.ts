import type { Config } from '@scr/config';
import { AuditEvent, AuditEventTarget, Database, IdempotencyKeyRow, sharedMigrations } from '@scr/db';
import { AgencyMembership } from './agencies/agency-membership.entity';
import { Agency } from './agencies/agency.entity';
import { Board } from './boards/board.entity';
import { Directory1764000000000 } from './migrations/1764000000000-directory';
import { AgenciesAuditEventTargets1764000016000 } from './migrations/1764000016000-audit-event-targets';

const shared = sharedMigrations('Agencies');

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'agencies',
    entities: [AuditEvent, AuditEventTarget, IdempotencyKeyRow, Board, Agency, AgencyMembership],
    migrations: [Directory1764000000000, shared.audit, shared.longText, shared.idempotencyKeys, AgenciesAuditEventTargets1764000016000],
  });
