import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { LearningTheme, ParallelProcessKind } from '../reviews/review.enums';

@Entity('review_parallel_processes')
export class ParallelProcessRow {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: ParallelProcessKind;

  @Column({ type: 'varchar', length: 200 })
  reference: string;

  @Column({ name: 'lead_organisation', type: 'varchar', length: 300, nullable: true })
  leadOrganisation: string | null;
}

@Entity('review_family_engagements')
export class FamilyEngagementRow {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @Column({ type: 'varchar', length: 300 })
  participant: string;

  @Column({ name: 'engaged_on', type: 'date' })
  engagedOn: string;

  @Column({ type: 'boolean' })
  contributed: boolean;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** One row per theme, so theme statistics count in SQL. */
@Entity('review_themes')
export class ReviewTheme {
  @PrimaryColumn({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  theme: LearningTheme;

  @Column({ type: 'integer' })
  position: number;
}
