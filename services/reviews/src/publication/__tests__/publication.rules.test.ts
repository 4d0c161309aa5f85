import { publicationProblem, publishedWebhookNotBefore, type PublicationFacts } from '../publication.rules';

const facts: PublicationFacts = {
  completedOn: '2026-05-01',
  sentToPanelOn: '2026-05-01',
  publishedOn: '2026-06-01',
  welfareImpactConsidered: true,
  dataProtectionChecked: true,
  courtRestrictionsChecked: true,
};

describe('publicationProblem: dates against completion', () => {
  it('accepts sending and publishing on the completion date or later', () => {
    expect(publicationProblem(facts)).toBeUndefined();
  });
  it('refuses a report sent to the panel before it was completed', () => {
    expect(publicationProblem({ ...facts, sentToPanelOn: '2026-04-30' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sentToPanelOn' });
  });
  it('refuses a publication dated before completion', () => {
    expect(publicationProblem({ ...facts, completedOn: '2026-06-02' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sentToPanelOn' });
    expect(publicationProblem({ ...facts, sentToPanelOn: '2026-06-02', completedOn: '2026-06-02', publishedOn: '2026-06-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'publishedOn',
    });
  });
});

describe('publishedWebhookNotBefore', () => {
  it('is the start of the publication date in London', () => {
    expect(publishedWebhookNotBefore('2026-06-01').toISOString()).toBe('2026-05-31T23:00:00.000Z');
    expect(publishedWebhookNotBefore('2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
