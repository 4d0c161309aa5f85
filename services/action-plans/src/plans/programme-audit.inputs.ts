import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';

@InputType()
export class RecordProgrammeAuditInput {
  @Field(() => ID) actionPlanId: string;
  @Field(() => DateScalar) auditedOn: string;
  @Field() findings: string;
}
