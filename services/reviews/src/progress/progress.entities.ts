import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { stringList } from '@scr/db';
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

/** Every extension of a review's timescale, kept (DOMAIN.md step 7). */
@Entity('review_extensions')
export class ReviewExtensionRow {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'completion_due_on', type: 'date' })
  completionDueOn: string;

  /** The interim learning points or corrective actions, in the order given. */
  @Column({ name: 'interim_learning', type: 'text', transformer: stringList('review_extensions.interim_learning') })
  interimLearning: string[];

  @Column({ name: 'agreed_on', type: 'date' })
  agreedOn: string;
}

/** Examples of good practice to share, from the findings; in the order given. */
@Entity('review_good_practice')
export class GoodPracticeRow {
  @PrimaryGeneratedColumn()
  seq: number;

  @Column({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  example: string;
}
