import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A retried reportIncident answers the incident its key first created; keys are scoped to the board. */
@Entity('incident_idempotency_keys')
export class IdempotencyKey {
  @PrimaryColumn({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 200 })
  key: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'incident_id', type: 'varchar', length: 36 })
  incidentId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}
