import { AppError, MAX_TEXT_LENGTH, type Authenticated } from '@scr/graphql-kit';
import { loadOwnPlan, lockPlan } from '../actions/action.service';
import { isSameProgrammeAudit, programmeAuditProblem } from '../actions/action.rules';
import type { ActionPlansContext } from '../context';
import type { ActionPlan } from './action-plan.entity';
import { ProgrammeAudit } from './programme-audit.entity';
import type { RecordProgrammeAuditInput } from './programme-audit.inputs';

/** Step 9/11: the board records an audit of the programme of action on its plan; each audit is kept. */
export async function recordProgrammeAudit(ctx: Authenticated<ActionPlansContext>, input: RecordProgrammeAuditInput): Promise<ActionPlan> {
  const problem = programmeAuditProblem(input.auditedOn, input.findings, ctx.today, MAX_TEXT_LENGTH);
  if (problem) throw new AppError('BAD_USER_INPUT', problem.message, { field: problem.field });
  const scope = await ctx.scope(); // may ask the reviews subgraph: before the transaction
  return ctx.db.transaction(async (manager) => {
    await lockPlan(ctx, manager, input.actionPlanId);
    const plan = await loadOwnPlan(ctx, manager, scope, input.actionPlanId, 'record an audit of its programme of action');
    const wanted = { auditedOn: input.auditedOn, findings: input.findings.trim() };
    const held = await manager.find(ProgrammeAudit, { where: { planId: plan.id, auditedOn: input.auditedOn } });
    if (held.some((audit) => isSameProgrammeAudit(audit, wanted))) return plan; // a client's retry: the audit already recorded
    await manager.insert(ProgrammeAudit, {
      planId: plan.id,
      ...wanted,
      recordedBy: ctx.principal.subject,
      recordedAt: ctx.now,
    });
    return plan;
  });
}
