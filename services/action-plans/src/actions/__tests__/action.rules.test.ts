import { ActionStatus, Rag } from '../action.enums';
import { dropProblem, dueDateProblem, impactProblem, isOverdue, overdueSql, programmeAuditProblem, rag, transitionProblem } from '../action.rules';

const TODAY = '2026-06-15';

describe('dropProblem: only the board drops an action', () => {
  it("refuses DROPPED to anyone but the board manager or chair of the action's board (FORBIDDEN)", () => {
    expect(dropProblem(ActionStatus.DROPPED, false)).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining("board's manager or chair") });
    expect(dropProblem(ActionStatus.DROPPED, true)).toBeUndefined();
  });
  it.each([ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.COMPLETED])('leaves %s to the owner agency', (status) => {
    expect(dropProblem(status, false)).toBeUndefined();
  });
});

describe('dueDateProblem: not due before the review began', () => {
  it('refuses a due date before initiation, naming both dates', () => {
    expect(dueDateProblem('2026-03-31', '2026-04-01')).toEqual(expect.stringContaining('before the review was initiated (2026-04-01)'));
    expect(dueDateProblem('2019-01-01', '2026-04-01')).toBeDefined();
  });
  it('accepts the day of initiation and any later day', () => {
    expect(dueDateProblem('2026-04-01', '2026-04-01')).toBeUndefined();
    expect(dueDateProblem('2027-04-01', '2026-04-01')).toBeUndefined();
  });
  it('has nothing to compare with before initiation', () => {
    expect(dueDateProblem('2000-01-01', null)).toBeUndefined();
  });
});

describe('impactProblem: impact only on a completed action', () => {
  it.each([ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.DROPPED])('refuses %s with INVALID_STAGE', (status) => {
    expect(impactProblem(status)).toEqual({ code: 'INVALID_STAGE', message: expect.stringContaining(status) });
  });
  it('accepts COMPLETED', () => {
    expect(impactProblem(ActionStatus.COMPLETED)).toBeUndefined();
  });
});

describe('programmeAuditProblem', () => {
  it('accepts an audit today or in the past with findings', () => {
    expect(programmeAuditProblem(TODAY, 'Six of eight actions on track.', TODAY, 20_000)).toBeUndefined();
    expect(programmeAuditProblem('2025-01-10', 'x', TODAY, 20_000)).toBeUndefined();
  });
  it('refuses an audit dated in the future', () => {
    expect(programmeAuditProblem('2026-06-16', 'Findings', TODAY, 20_000)).toEqual({ field: 'auditedOn', message: expect.stringContaining('after today') });
  });
  it('refuses empty or blank findings, and findings over the limit', () => {
    expect(programmeAuditProblem(TODAY, '   ', TODAY, 20_000)).toMatchObject({ field: 'findings' });
    expect(programmeAuditProblem(TODAY, 'x'.repeat(20_001), TODAY, 20_000)).toEqual({
      field: 'findings',
      message: expect.stringContaining('longer than 20000'),
    });
    expect(programmeAuditProblem(TODAY, ` ${'x'.repeat(20_000)} `, TODAY, 20_000)).toBeUndefined();
  });
});

describe('overdue and RAG', () => {
  it('an open action is overdue the day after it was due, a closed one never', () => {
    expect(isOverdue({ status: ActionStatus.IN_PROGRESS, dueOn: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ status: ActionStatus.NOT_STARTED, dueOn: '2026-06-14' }, TODAY)).toBe(true);
    expect(isOverdue({ status: ActionStatus.DROPPED, dueOn: '2026-01-01' }, TODAY)).toBe(false);
    expect(rag({ status: ActionStatus.NOT_STARTED, dueOn: '2026-06-14' }, TODAY)).toBe(Rag.RED);
  });
  it('overdueSql names the open statuses and the due column against the parameter', () => {
    expect(overdueSql('s.status', 'a.due_on', 'asOf')).toBe("(s.status IN ('NOT_STARTED', 'IN_PROGRESS') AND a.due_on < :asOf)");
  });
});

describe('transitionProblem', () => {
  it('keeps COMPLETED and DROPPED final and needs a reason to drop', () => {
    expect(transitionProblem(ActionStatus.COMPLETED, ActionStatus.IN_PROGRESS, 'x')).toMatchObject({ code: 'INVALID_STAGE' });
    expect(transitionProblem(ActionStatus.IN_PROGRESS, ActionStatus.DROPPED, ' ')).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(transitionProblem(ActionStatus.IN_PROGRESS, ActionStatus.DROPPED, 'Superseded')).toBeUndefined();
  });
});
