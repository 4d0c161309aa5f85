import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '@scr/graphql-kit';

export enum PeerChallengeStatus {
  ACTIVE = 'ACTIVE',
  RESPONDED = 'RESPONDED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
registerEnumType(PeerChallengeStatus, { name: 'PeerChallengeStatus' });

export enum PeerChallengeDirection {
  SENT = 'SENT',
  RECEIVED = 'RECEIVED',
}
registerEnumType(PeerChallengeDirection, { name: 'PeerChallengeDirection' });

/** A chair's request to another board's chair to challenge a review; it grants read access meanwhile. */
@ObjectType()
@Entity('peer_challenges')
@Index('idx_peer_challenges_challenger', ['challengerBoardCode', 'accessUntil'])
export class PeerChallenge {
  @PrimaryGeneratedColumn()
  seq: number;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  @Column({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @Column({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;

  @Column({ name: 'challenger_board_code', type: 'varchar', length: 32 })
  challengerBoardCode: string;

  @Field()
  @Column({ type: 'text' })
  question: string;

  @Field(() => DateTimeScalar)
  @Column({ name: 'requested_at', type: 'datetime', precision: 3 })
  requestedAt: Date;

  @Field(() => DateTimeScalar)
  @Column({ name: 'access_until', type: 'datetime', precision: 3 })
  accessUntil: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ name: 'responded_at', type: 'datetime', precision: 3, nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt: Date | null;
}
