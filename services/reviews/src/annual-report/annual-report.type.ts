import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A board's annual report for a financial year. Its figures come from three
 * subgraphs (incidents: notifications; reviews: decisions, reviews, peer
 * challenges, themes; action plans: action progress), so it is an entity keyed
 * by board and year; this subgraph owns Board.annualReport and answers the key.
 */
@ObjectType('AnnualReport')
@Directive('@key(fields: "boardCode financialYear")')
export class AnnualReport {
  /** The key's board: not part of the public contract. */
  @Field(() => ID)
  @Directive('@inaccessible')
  boardCode: string;

  @Field()
  financialYear: string;
}
