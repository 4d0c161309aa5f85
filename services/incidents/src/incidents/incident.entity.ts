import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar, type RegimeName } from '@scr/graphql-kit';
import { AbuseOrNeglect, NotifiableCriterion } from './incident.enums';

@ObjectType({ description: 'A notifiable incident (or a referral) about one to four children.' })
@Directive('@key(fields: "id")')
@Entity('incidents')
@Index('idx_incidents_board_year_number', ['boardCode', 'referenceYear', 'referenceNumber'], { unique: true })
export class Incident {
  /** Ordering key for lists and cursors; never shown. */
  @PrimaryGeneratedColumn()
  seq: number;

  @Field(() => ID)
  @Column({ type: 'varchar', length: 36, unique: true })
  id: string;

  @Field()
  @Column({ type: 'varchar', length: 48, unique: true })
  reference: string;

  @Column({ name: 'reference_year', type: 'integer' })
  referenceYear: number;

  @Column({ name: 'reference_number', type: 'integer' })
  referenceNumber: number;

  @Column({ name: 'board_code', type: 'varchar', length: 32 })
  boardCode: string;

  @Field(() => NotifiableCriterion)
  @Column({ type: 'varchar', length: 40 })
  criterion: NotifiableCriterion;

  @Field(() => AbuseOrNeglect)
  @Column({ name: 'abuse_or_neglect', type: 'varchar', length: 20 })
  abuseOrNeglect: AbuseOrNeglect;

  @Field()
  @Column({ name: 'suspected_suicide', type: 'boolean' })
  suspectedSuicide: boolean;

  @Field({ description: 'False for a referral: a case below the criteria that the board may still review.' })
  @Column({ type: 'boolean' })
  notifiable: boolean;

  @Field(() => DateScalar)
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'occurred_in_area', type: 'varchar', length: 200, nullable: true })
  occurredInArea: string | null;

  @Field(() => DateScalar)
  @Column({ name: 'aware_on', type: 'date' })
  awareOn: string;

  @Field(() => DateScalar, { nullable: true, description: 'Null for a referral.' })
  @Column({ name: 'notification_due_on', type: 'date', nullable: true })
  notificationDueOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'notified_on', type: 'date', nullable: true })
  notifiedOn: string | null;

  /** When the notification was recorded. */
  @Column({ name: 'notification_recorded_at', type: 'datetime', precision: 3, nullable: true })
  notificationRecordedAt: Date | null;

  /** The regime the incident was notified under, fixed when the notification is recorded (null until then). */
  @Column({ name: 'notification_regime', type: 'varchar', length: 20, nullable: true })
  notificationRegime: RegimeName | null;

  /** Whether the panel is among the recipients (notifiedTo holds PANEL); kept in step by notification and correction, for the feed's SQL. */
  @Column({ name: 'notified_to_panel', type: 'boolean', default: false })
  notifiedToPanel: boolean;

  /** When the panel's view was last recorded (notification, then each correction): the panel feed's order. */
  @Column({ name: 'panel_recorded_at', type: 'datetime', precision: 3, nullable: true })
  panelRecordedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @Field(() => DateTimeScalar)
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date = new Date();
}
