import { Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '@scr/graphql-kit';
import { InformationRequest } from './information-request.entity';

@ObjectType()
export class InformationRequestEdge {
  @Field(() => InformationRequest) node: InformationRequest;
  @Field() cursor: string;
}

@ObjectType()
export class InformationRequestConnection {
  @Field(() => [InformationRequestEdge]) edges: InformationRequestEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int) totalCount: number;
}
