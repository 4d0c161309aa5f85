import { InformationRequestStatus } from '../information-request.entity';
import { isRepeatedResponse, isRepeatedWithdrawal } from '../information-request.rules';

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
