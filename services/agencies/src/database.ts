import type { Config } from '@scr/config';
import { Database } from '@scr/db';
import { AgencyMembership } from './agencies/agency-membership.entity';
import { Agency } from './agencies/agency.entity';
import { Board } from './boards/board.entity';
import { Directory1764000000000 } from './migrations/1764000000000-directory';

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'agencies',
    entities: [Board, Agency, AgencyMembership],
    migrations: [Directory1764000000000],
  });
