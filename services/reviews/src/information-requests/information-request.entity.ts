import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';

export enum InformationRequestStatus {
  OPEN = 'OPEN',
  RESPONDED = 'RESPONDED',
  OVERDUE = 'OVERDUE',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(InformationRequestStatus, { name: 'InformationRequestStatus' });

/** The power a statutory request relies on (Children Act 2004). */
export enum StatutoryBasis {
  S14B = 'S14B',
  S16H = 'S16H',
}
registerEnumType(StatutoryBasis, { name: 'StatutoryBasis' });

/** A request to an agency for information (Children Act 2004 s.14B or s.16H). */
@ObjectType()
@Entity('information_requests')
@Index('idx_information_requests_agency', ['agencyId'])
@Index('idx_information_requests_review', ['reviewId'])
export class InformationRequest {
  @PrimaryGeneratedColumn()
  seq: number;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  @Column({ name: 'review_id', type: 'varchar', length: 36 })
  reviewId: string;

  @Column({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;

  @Column({ name: 'agency_id', type: 'varchar', length: 36 })
  agencyId: string;

  @Field()
  @Column({ type: 'text' })
  purpose: string;

  @Field()
  @Column({ type: 'text' })
  necessity: string;

  @Field()
  @Column({ type: 'text' })
  proportionality: string;

  @Field()
  @Column({ type: 'boolean' })
  statutory: boolean;

  @Field(() => DateScalar)
  @Column({ name: 'requested_on', type: 'date' })
  requestedOn: string;

  @Field(() => DateScalar)
  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  /** OPEN, RESPONDED or WITHDRAWN; OVERDUE is worked out from the due date. */
  @Column({ name: 'stored_status', type: 'varchar', length: 20 })
  storedStatus: InformationRequestStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  response: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'responded_on', type: 'date', nullable: true })
  respondedOn: string | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;
}
