import { addDays, type IsoDate } from './iso-date';
import { startOfLondonDay } from './today';

/** The instant just after a London calendar day ends (the next day's start). */
export function endOfLondonDay(date: IsoDate): Date {
  return startOfLondonDay(addDays(date, 1));
}
