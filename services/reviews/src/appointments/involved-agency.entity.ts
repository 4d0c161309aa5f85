import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An agency involved in the case under review. */
@Entity('review_agencies')
export class InvolvedAgency {
  @PrimaryColumn({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @PrimaryColumn({ name: 'agency_id', type: 'varchar', length: 36 })
  agencyId: string;

  @Column({ type: 'integer' })
  position: number;
}
