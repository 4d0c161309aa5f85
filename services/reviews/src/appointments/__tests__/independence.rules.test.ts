import { involvementProblem, leadAppointmentProblem, type ReviewerFacts } from '../independence.rules';

const reviewer = (over: Partial<ReviewerFacts> = {}): ReviewerFacts => ({
  name: 'Ann Lead',
  qualifications: ['Social work (HCPC)'],
  affiliatedAgencyIds: [],
  affiliatedBoardCodes: [],
  ...over,
});

describe('leadAppointmentProblem: a lead is qualified and independent (DOMAIN.md step 6)', () => {
  it('accepts a qualified reviewer with no tie to the board or the agencies involved', () => {
    expect(leadAppointmentProblem(reviewer({ affiliatedAgencyIds: ['other'], affiliatedBoardCodes: ['BRADFORD'] }), 'LEEDS', ['police'])).toBeUndefined();
  });

  it('refuses a reviewer with no qualification (BAD_USER_INPUT), before independence', () => {
    expect(leadAppointmentProblem(reviewer({ qualifications: [], affiliatedBoardCodes: ['LEEDS'] }), 'LEEDS', [])).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'reviewerId',
      message: expect.stringContaining('no recorded qualification'),
    });
  });

  it("refuses a reviewer affiliated with the review's board (NOT_INDEPENDENT)", () => {
    expect(leadAppointmentProblem(reviewer({ affiliatedBoardCodes: ['LEEDS'] }), 'LEEDS', [])).toEqual({
      code: 'NOT_INDEPENDENT',
      field: 'reviewerId',
      message: expect.stringContaining('board LEEDS'),
    });
  });

  it('refuses a reviewer affiliated with an involved agency, naming each conflicting agency', () => {
    const problem = leadAppointmentProblem(reviewer({ affiliatedAgencyIds: ['police', 'health', 'school'] }), 'LEEDS', ['health', 'police']);
    expect(problem).toMatchObject({ code: 'NOT_INDEPENDENT', field: 'reviewerId' });
    expect(problem?.message).toContain('(health, police)');
    expect(problem?.message).not.toContain('school');
  });
});

describe('involvementProblem: involving an agency must not end a lead’s independence', () => {
  it('allows an agency no lead is affiliated with', () => {
    expect(involvementProblem('police', [reviewer({ affiliatedAgencyIds: ['health'] })])).toBeUndefined();
    expect(involvementProblem('police', [])).toBeUndefined();
  });

  it('refuses an agency a lead is affiliated with, naming the lead', () => {
    expect(involvementProblem('police', [reviewer({ name: 'Bo Lead', affiliatedAgencyIds: ['police'] })])).toEqual({
      code: 'NOT_INDEPENDENT',
      field: 'agencyId',
      message: expect.stringContaining('Bo Lead'),
    });
  });
});
