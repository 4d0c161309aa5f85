import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@scr/graphql-kit';
import { InformationRequestStatus } from './information-request.entity';

@InputType()
export class RequestInformationInput {
  @Field(() => ID) reviewId: string;
  @Field(() => ID) agencyId: string;
  @Field() purpose: string;
  @Field() necessity: string;
  @Field() proportionality: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) statutory?: boolean | null;
  @Field(() => DateScalar) dueOn: string;
}

@InputType()
export class RespondToInformationRequestInput {
  @Field(() => ID) informationRequestId: string;
  @Field() response: string;
}

@InputType()
export class WithdrawInformationRequestInput {
  @Field(() => ID) informationRequestId: string;
  @Field() reason: string;
}

@InputType()
export class InformationRequestFilter {
  @Field(() => ID, { nullable: true }) reviewId?: string | null;
  @Field(() => InformationRequestStatus, { nullable: true }) status?: InformationRequestStatus | null;
}
