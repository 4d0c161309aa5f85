import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Events already handled: a redelivered event is acknowledged and does nothing. */
@Entity('processed_events')
export class ProcessedEvent {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @Column({ name: 'processed_at', type: 'datetime', precision: 3 })
  processedAt: Date;
}
