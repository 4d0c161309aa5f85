/** A UTC instant as both MySQL DATETIME(3) and SQLite accept it in raw SQL (migrations, seeds). */
export function sqlTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
