import { isRepeatedPublication, type HeldPublication } from '../publication.rules';

describe('isRepeatedPublication', () => {
  const held: HeldPublication = {
    publishedOn: '2026-06-10',
    url: 'https://example.org/report',
    sentToPanelOn: '2026-06-01',
    plainEnglishSummary: 'What we learned.',
    welfareImpactConsidered: true,
    dataProtectionChecked: true,
    courtRestrictionsChecked: true,
    embargoUntil: null,
  };
  const input = {
    url: 'https://example.org/report',
    sentToPanelOn: '2026-06-01',
    publishedOn: '2026-06-10',
    plainEnglishSummary: 'What we learned.',
    welfareImpactConsidered: true,
    dataProtectionChecked: true,
    courtRestrictionsChecked: true,
  };
  it('is a retry when the review is published with exactly this input', () => {
    expect(isRepeatedPublication(held, input)).toBe(true);
    expect(isRepeatedPublication(held, { ...input, embargoUntil: null })).toBe(true);
  });
  it('is not a retry when any of it differs', () => {
    expect(isRepeatedPublication(held, { ...input, url: 'https://example.org/other' })).toBe(false);
    expect(isRepeatedPublication(held, { ...input, publishedOn: '2026-06-11' })).toBe(false);
    expect(isRepeatedPublication(held, { ...input, sentToPanelOn: '2026-06-02' })).toBe(false);
    expect(isRepeatedPublication(held, { ...input, plainEnglishSummary: 'Else.' })).toBe(false);
    expect(isRepeatedPublication(held, { ...input, embargoUntil: '2026-06-20' })).toBe(false);
  });
  it('is not a retry on a review not published', () => {
    expect(isRepeatedPublication({ ...held, publishedOn: null }, input)).toBe(false);
  });
});
