import type { MigrationInterface, QueryRunner } from 'typeorm';
import { widenTextColumns } from '@scr/db';

/** Room for 20,000 characters of any script in every text column on MySQL. */
export class AgenciesLongText1764000000500 implements MigrationInterface {
  name = 'AgenciesLongText1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await widenTextColumns(q);
  }

  async down(): Promise<void> {
    // Narrowing could cut stored text; nothing to undo safely.
  }
}
