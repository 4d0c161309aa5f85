import type { QueryRunner } from 'typeorm';

/**
 * MySQL's TEXT holds 65,535 bytes: 20,000 characters of four-byte UTF-8 do
 * not fit. Widens every TEXT column of the database to MEDIUMTEXT; SQLite's
 * TEXT has no such limit, so there it does nothing.
 */
export async function widenTextColumns(q: QueryRunner): Promise<void> {
  if (q.connection.options.type !== 'mysql') return;
  const columns: { t: string; c: string; n: string }[] = await q.query(
    "SELECT TABLE_NAME AS t, COLUMN_NAME AS c, IS_NULLABLE AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE = 'text'",
  );
  for (const { t, c, n } of columns) {
    await q.query(`ALTER TABLE \`${t}\` MODIFY \`${c}\` MEDIUMTEXT ${n === 'YES' ? 'NULL' : 'NOT NULL'}`);
  }
}
