import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Pre-aggregated statistics: how many notifiable incidents (or their children,
 * or abuse types) a board has per month of awareOn and key of a dimension.
 * Kept in step with every incident write in the same transaction, so a trends
 * answer costs the number of periods, not the number of incidents.
 */
@Entity('incident_counts')
export class IncidentCount {
  @PrimaryColumn({ type: 'varchar', length: 24 })
  dimension: string;

  @PrimaryColumn({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;

  /** The first day of the month. */
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ name: 'stat_key', type: 'varchar', length: 40 })
  statKey: string;

  /** Never negative; 0 once every counted record has moved away (the statistics leave such cells out). */
  @Column({ type: 'integer' })
  n: number;
}
