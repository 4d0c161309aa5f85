import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '@scr/graphql-kit';
import { PeerChallengeDirection, PeerChallengeStatus } from './peer-challenge.entity';

@InputType()
export class RequestPeerChallengeInput {
  @Field(() => ID) reviewId: string;
  @Field(() => ID) challengerBoardCode: string;
  @Field() question: string;
  @Field(() => DateTimeScalar) accessUntil: Date;
}

@InputType()
export class RespondToPeerChallengeInput {
  @Field(() => ID) peerChallengeId: string;
  @Field() response: string;
}

@InputType()
export class PeerChallengeFilter {
  @Field(() => PeerChallengeDirection, { nullable: true }) direction?: PeerChallengeDirection | null;
  @Field(() => PeerChallengeStatus, { nullable: true }) status?: PeerChallengeStatus | null;
}
