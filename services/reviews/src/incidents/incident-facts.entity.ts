import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What this subgraph keeps of an incident owned by the incidents subgraph,
 * from its events: the facts the decision rules need and whether the panel
 * is notified (review events reach the panel only then). `incidentVersion`
 * keeps a late redelivery from overwriting newer facts.
 */
@Entity('incident_facts')
export class IncidentFacts {
  @PrimaryColumn({ name: 'incident_id', type: 'varchar', length: 36 })
  incidentId: string;

  @Column({ type: 'varchar', length: 40 })
  criterion: string;

  @Column({ name: 'abuse_or_neglect', type: 'varchar', length: 20 })
  abuseOrNeglect: string;

  @Column({ name: 'notified_on', type: 'date', nullable: true })
  notifiedOn: string | null;

  @Column({ name: 'notified_to_panel', type: 'boolean' })
  notifiedToPanel: boolean;

  @Column({ name: 'incident_version', type: 'integer' })
  incidentVersion: number;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
