import type { Config } from '@scr/config';
import { AgenciesAudit1764000000400 } from './migrations/1764000000400-audit';
import { AgenciesLongText1764000000500 } from './migrations/1764000000500-long-text';
import { AuditEvent, AuditEventTarget, Database, IdempotencyKeyRow } from '@scr/db';
import { AgencyMembership } from './agencies/agency-membership.entity';
import { Agency } from './agencies/agency.entity';
import { Board } from './boards/board.entity';
import { Directory1764000000000 } from './migrations/1764000000000-directory';
import { AgenciesIdempotencyKeys1764000006000 } from './migrations/1764000006000-idempotency-keys';
import { AgenciesAuditEventTargets1764000016000 } from './migrations/1764000016000-audit-event-targets';

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'agencies',
    entities: [AuditEvent, AuditEventTarget, IdempotencyKeyRow, Board, Agency, AgencyMembership],
    migrations: [Directory1764000000000, AgenciesAudit1764000000400, AgenciesLongText1764000000500, AgenciesIdempotencyKeys1764000006000, AgenciesAuditEventTargets1764000016000],
  });
