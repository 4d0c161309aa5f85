import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ActionPlansContext } from '../context';
import { ActionPlan } from '../plans/action-plan.entity';
import { ReviewReference } from './review.reference';

@Resolver(() => ReviewReference)
export class ReviewPlanResolver {
  @FieldResolver(() => ActionPlan, { nullable: true })
  actionPlan(@Root() review: ReviewReference, @Ctx() ctx: ActionPlansContext): Promise<ActionPlan | null> {
    return ctx.loaders.planByReview.load(review.id);
  }
}
