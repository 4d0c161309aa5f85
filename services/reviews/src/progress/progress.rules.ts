import { compareIsoDates, type IsoDate } from '@scr/calendar';

/** An extension moves the completion date later and shows interim learning or corrective action meanwhile. */
export function extensionProblem(e: { currentDueOn: IsoDate; newDueOn: IsoDate; interimLearning: string[] }) {
  if (compareIsoDates(e.newDueOn, e.currentDueOn) <= 0) {
    return { field: 'completionDueOn', message: `The new completion date must be after the current one (${e.currentDueOn}).` };
  }
  if (e.interimLearning.length === 0) {
    return {
      field: 'interimLearning',
      message: 'An extension needs at least one interim learning point or corrective action captured meanwhile.',
    };
  }
  return undefined;
}
