import { type NewSubscription, StoreValidationError } from './types';
import { isTimeZone as isValidTimeZone } from '../time-zone';

/** The normalised row both engines insert, so they validate and default identically. */
export interface SubscriptionRowInput {
  teamId: string;
  channelId: string;
  createdBy: string;
  cadence: 'weekly' | 'daily';
  weekday: number | null;
  time: string;
  tz: string;
  places: string[];
  indicators: string[];
  skipWhenNoNewData: boolean;
}

export const DEFAULT_TZ = 'Europe/London';

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

function nonEmpty(value: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new StoreValidationError(`${field} is required`);
  return value;
}

/** Checks and normalises a subscription before either engine writes it; throws StoreValidationError. */
export function normaliseNewSubscription(input: NewSubscription): SubscriptionRowInput {
  if (input.cadence !== 'weekly' && input.cadence !== 'daily') {
    throw new StoreValidationError(`cadence must be 'weekly' or 'daily', got ${String(input.cadence)}`);
  }
  let weekday: number | null = null;
  if (input.cadence === 'weekly') {
    const w = input.weekday;
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 6) {
      throw new StoreValidationError(
        'weekday must be an integer 0 (Sunday) to 6 (Saturday) for weekly digests',
      );
    }
    weekday = w;
  }
  if (!TIME_RE.test(input.time)) throw new StoreValidationError(`time must be HH:MM, got ${input.time}`);
  const tz = input.tz ?? DEFAULT_TZ;
  if (!isValidTimeZone(tz)) throw new StoreValidationError(`unknown time zone ${tz}`);
  if (!Array.isArray(input.places) || !input.places.every((p) => typeof p === 'string')) {
    throw new StoreValidationError('places must be a list of GSS codes');
  }
  if (!Array.isArray(input.indicators) || !input.indicators.every((i) => typeof i === 'string')) {
    throw new StoreValidationError('indicators must be a list of indicator ids');
  }
  return {
    teamId: nonEmpty(input.teamId, 'teamId'),
    channelId: nonEmpty(input.channelId, 'channelId'),
    createdBy: nonEmpty(input.createdBy, 'createdBy'),
    cadence: input.cadence,
    weekday,
    time: input.time,
    tz,
    places: [...input.places],
    indicators: [...input.indicators],
    skipWhenNoNewData: Boolean(input.skipWhenNoNewData),
  };
}
