import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum IntervalEnum {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
  FINANCIAL_YEAR = 'FINANCIAL_YEAR',
}
registerEnumType(IntervalEnum, { name: 'Interval' });

/** One cell of a statistics table; a count from 1 to 5 (and its secondary) is suppressed. */
@ObjectType()
@Directive('@shareable')
export class StatCell {
  @Field() period: string;
  @Field() key: string;
  @Field(() => Int, { nullable: true }) count: number | null;
  @Field() suppressed: boolean;
}
