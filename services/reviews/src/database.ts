import type { Config } from '@scr/config';
import { Database, OutboxEvent } from '@scr/db';
import { Reviews1764000000200 } from './migrations/1764000000200-reviewers';
import { Reviewer } from './reviewers/reviewer.entity';

export const openDatabase = (config: Config) =>
  Database.open(config, {
    service: 'reviews',
    entities: [Reviewer, OutboxEvent],
    migrations: [Reviews1764000000200],
  });
