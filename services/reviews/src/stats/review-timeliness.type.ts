import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How promptly a board decided on and completed reviews in a window. Process figures: not suppressed.' })
export class ReviewTimeliness {
  @Field(() => Int, { description: 'Decisions recorded with a decision date in the window.' })
  decisions: number;

  @Field(() => Int, { description: 'Of those decisions, the ones made on or before their due date.' })
  decisionsOnTime: number;

  @Field(() => Int, { description: 'Reviews initiated (decision to review or to commission an alternative) in the window.' })
  initiated: number;

  @Field(() => Int, { description: 'Reviews completed (final report) in the window.' })
  completed: number;

  @Field(() => Int, { description: 'Of those completed, the ones completed on or before their completion date, extension included.' })
  completedWithinTimescale: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median calendar days from notification (or referral) to decision, over decisions in the window; null without decisions.',
  })
  medianDaysToDecision: number | null;
}
