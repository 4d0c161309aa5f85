import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RoleEnum } from '@scr/graphql-kit';
import { Agency } from '../agencies/agency.entity';
import { Board } from '../boards/board.entity';

/** A reviewer is owned by the reviews subgraph; here only its key is known. */
@ObjectType('Reviewer')
@Directive('@key(fields: "id", resolvable: false)')
export class ReviewerReference {
  @Field(() => ID)
  id: string;
}

@ObjectType('Principal', { description: 'Who the bearer token says the caller is.' })
export class PrincipalType {
  @Field(() => ID)
  subject: string;

  @Field(() => [RoleEnum])
  roles: RoleEnum[];

  @Field(() => Board, { nullable: true })
  board?: Board | null;

  @Field(() => Agency, { nullable: true })
  agency?: Agency | null;

  @Field(() => ReviewerReference, { nullable: true })
  reviewer?: ReviewerReference | null;
}
