import { ActionStatus } from '../action.enums';
import { isRepeatedUpdate } from '../action.rules';

describe('isRepeatedUpdate', () => {
  const action = { version: 2, status: ActionStatus.IN_PROGRESS };
  const latest = { by: 'manager-1', status: ActionStatus.IN_PROGRESS, note: 'Started.' };
  const input = { expectedVersion: 1, status: ActionStatus.IN_PROGRESS, note: 'Started.' };
  it('is a retry when the latest update is this one by the same caller, one version on', () => {
    expect(isRepeatedUpdate(action, latest, input, 'manager-1')).toBe(true);
  });
  it('is not a retry with another note, status or caller, or further versions on', () => {
    expect(isRepeatedUpdate(action, latest, { ...input, note: 'Other.' }, 'manager-1')).toBe(false);
    expect(isRepeatedUpdate(action, latest, { ...input, status: ActionStatus.COMPLETED }, 'manager-1')).toBe(false);
    expect(isRepeatedUpdate(action, latest, input, 'manager-2')).toBe(false);
    expect(isRepeatedUpdate({ ...action, version: 3 }, latest, input, 'manager-1')).toBe(false);
    expect(isRepeatedUpdate(action, null, input, 'manager-1')).toBe(false);
  });
});
