import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AbuseType } from './incident.enums';

/** One row per abuse type, so statistics can count each value in SQL. */
@Entity('incident_abuse_types')
export class IncidentAbuseType {
  @PrimaryColumn({ name: 'incident_id', type: 'varchar', length: 36 })
  incidentId: string;

  @PrimaryColumn({ name: 'abuse_type', type: 'varchar', length: 40 })
  abuseType: AbuseType;

  @Column({ type: 'integer' })
  position: number;
}
