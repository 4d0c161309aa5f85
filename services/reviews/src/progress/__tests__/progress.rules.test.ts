import { completionProblem, extendedCompletionDueOn, extensionProblem, inAgreedOrder, type ExtensionFacts } from '../progress.rules';

const base: ExtensionFacts = {
  currentDueOn: '2026-06-30',
  newDueOn: '2026-09-30',
  agreedOn: '2026-06-01',
  today: '2026-07-15',
  initiatedOn: '2025-12-30',
  interimLearning: ['Agencies now share referrals the same day.'],
};

describe('extensionProblem', () => {
  it('accepts an extension agreed before the due date', () => {
    expect(extensionProblem(base)).toBeUndefined();
  });

  it('accepts one agreed on the due date itself', () => {
    expect(extensionProblem({ ...base, agreedOn: '2026-06-30' })).toBeUndefined();
  });

  it('refuses one agreed after the due date with INVALID_STAGE: an overdue review stays overdue', () => {
    expect(extensionProblem({ ...base, agreedOn: '2026-07-01' })).toMatchObject({ code: 'INVALID_STAGE', field: 'agreedOn' });
  });

  it('refuses one agreed in the future with INVALID_STAGE', () => {
    expect(extensionProblem({ ...base, today: '2026-05-31' })).toMatchObject({ code: 'INVALID_STAGE', field: 'agreedOn' });
  });

  it('refuses one agreed before the review began', () => {
    expect(extensionProblem({ ...base, agreedOn: '2025-12-29' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'agreedOn' });
  });

  it('refuses a new date not after the current one', () => {
    expect(extensionProblem({ ...base, newDueOn: '2026-06-30' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'completionDueOn' });
  });

  it('refuses an extension without interim learning or corrective action', () => {
    expect(extensionProblem({ ...base, interimLearning: [] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'interimLearning' });
  });
});

describe('extendedCompletionDueOn', () => {
  it('is null without extensions', () => {
    expect(extendedCompletionDueOn('2026-06-30', [])).toBeNull();
  });

  it('follows a chain of extensions each agreed in time', () => {
    expect(
      extendedCompletionDueOn('2026-06-30', [
        { agreedOn: '2026-06-20', completionDueOn: '2026-08-31' },
        { agreedOn: '2026-08-31', completionDueOn: '2026-10-31' },
      ]),
    ).toBe('2026-10-31');
  });

  it('ignores an extension agreed after the date then in force', () => {
    expect(extendedCompletionDueOn('2026-06-30', [{ agreedOn: '2026-07-01', completionDueOn: '2026-09-30' }])).toBeNull();
    expect(
      extendedCompletionDueOn('2026-06-30', [
        { agreedOn: '2026-06-20', completionDueOn: '2026-08-31' },
        { agreedOn: '2026-09-01', completionDueOn: '2026-10-31' },
      ]),
    ).toBe('2026-08-31');
  });
});

describe('inAgreedOrder', () => {
  it('puts the oldest agreement first, then the order recorded', () => {
    const rows = [
      { seq: 3, agreedOn: '2026-05-01', completionDueOn: 'x' },
      { seq: 1, agreedOn: '2026-06-01', completionDueOn: 'y' },
      { seq: 2, agreedOn: '2026-05-01', completionDueOn: 'z' },
    ];
    expect(inAgreedOrder(rows).map((r) => r.seq)).toEqual([2, 3, 1]);
  });
});

describe('completionProblem', () => {
  it('needs a lead reviewer', () => {
    expect(completionProblem({ hasLead: false, hasMethodology: true })?.message).toMatch(/lead reviewer/);
  });
  it('needs the methodology', () => {
    expect(completionProblem({ hasLead: true, hasMethodology: false })?.message).toMatch(/methodology/);
  });
  it('accepts a review with both', () => {
    expect(completionProblem({ hasLead: true, hasMethodology: true })).toBeUndefined();
  });
});
