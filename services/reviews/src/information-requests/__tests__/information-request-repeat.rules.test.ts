import { InformationRequestStatus } from '../information-request.entity';
import { isRepeatedResponse, isRepeatedWithdrawal, isSameOpenRequest } from '../information-request.rules';

describe('isRepeatedResponse', () => {
  it('is a retry when the request holds this very response', () => {
    expect(isRepeatedResponse({ storedStatus: InformationRequestStatus.RESPONDED, response: 'Records sent.' }, 'Records sent.')).toBe(true);
  });
  it('is not a retry with another response or on a request not answered', () => {
    expect(isRepeatedResponse({ storedStatus: InformationRequestStatus.RESPONDED, response: 'Records sent.' }, 'Other.')).toBe(false);
    expect(isRepeatedResponse({ storedStatus: InformationRequestStatus.OPEN, response: null }, 'Records sent.')).toBe(false);
  });
});

describe('isRepeatedWithdrawal', () => {
  it('is a retry when the request was withdrawn for this very reason', () => {
    expect(isRepeatedWithdrawal({ storedStatus: InformationRequestStatus.WITHDRAWN, withdrawnReason: 'Not needed.' }, 'Not needed.')).toBe(true);
  });
  it('is not a retry for another reason, an automatic withdrawal or an open request', () => {
    expect(isRepeatedWithdrawal({ storedStatus: InformationRequestStatus.WITHDRAWN, withdrawnReason: 'Not needed.' }, 'Other.')).toBe(false);
    expect(isRepeatedWithdrawal({ storedStatus: InformationRequestStatus.OPEN, withdrawnReason: null }, 'Not needed.')).toBe(false);
  });
});

describe('isSameOpenRequest', () => {
  const wanted = { agencyId: 'a1', purpose: 'Records', necessity: 'Needed', proportionality: 'Only 12 months', statutory: true, dueOn: '2026-04-01' };
  const held = { ...wanted, storedStatus: InformationRequestStatus.OPEN };
  it('is the same request when the open request asks exactly this of the same agency', () => {
    expect(isSameOpenRequest(held, wanted)).toBe(true);
  });
  it('is another request when anything differs or the held one is no longer open', () => {
    expect(isSameOpenRequest(held, { ...wanted, purpose: 'Other' })).toBe(false);
    expect(isSameOpenRequest(held, { ...wanted, agencyId: 'a2' })).toBe(false);
    expect(isSameOpenRequest(held, { ...wanted, dueOn: '2026-04-02' })).toBe(false);
    expect(isSameOpenRequest(held, { ...wanted, statutory: false })).toBe(false);
    expect(isSameOpenRequest({ ...held, storedStatus: InformationRequestStatus.RESPONDED }, wanted)).toBe(false);
  });
});
