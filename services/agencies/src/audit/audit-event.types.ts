import 'reflect-metadata';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar, PageInfo, RoleEnum } from '@scr/graphql-kit';

@ObjectType('AuditEvent', { description: 'One entry of the consortium-wide audit trail: ids only, never the text of an input.' })
export class AuditEventType {
  @Field(() => ID) id: string;
  @Field(() => DateTimeScalar) at: Date;
  @Field({ description: 'The service that recorded it.' }) service: string;
  @Field() subject: string;
  @Field(() => [RoleEnum]) roles: RoleEnum[];
  @Field(() => String, { nullable: true, description: "The caller's board." }) board: string | null;
  @Field(() => String, { nullable: true, description: 'The board owning the record acted on, when known.' }) recordBoard: string | null;
  @Field({ description: 'The mutation or field, e.g. reportIncident or IncidentChild.identity.' }) operation: string;
  @Field(() => [ID]) targetIds: string[];
  @Field({ description: 'OK, READ, or the error code the caller got.' }) outcome: string;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => AuditEventType) node: AuditEventType;
  @Field() cursor: string;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge]) edges: AuditEventEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: "Events of the caller's or the record's board." }) boardCode?: string | null;
  @Field(() => String, { nullable: true }) subject?: string | null;
  @Field(() => String, { nullable: true }) operation?: string | null;
  @Field(() => String, { nullable: true }) outcome?: string | null;
  @Field(() => ID, { nullable: true, description: 'Events naming this id.' }) targetId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) to?: Date | null;
}
