import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last reference number given per board and year; its row lock queues concurrent reports. */
@Entity('incident_reference_counters')
export class ReferenceCounter {
  @PrimaryColumn({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
