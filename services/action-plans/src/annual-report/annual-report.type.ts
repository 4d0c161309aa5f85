import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The board's annual report (owned by the reviews subgraph); this subgraph adds the action progress at the year's end. */
@ObjectType('AnnualReport')
@Directive('@key(fields: "boardCode financialYear")')
export class AnnualReport {
  @Field(() => ID)
  @Directive('@inaccessible')
  boardCode: string;

  @Field()
  financialYear: string;
}
