/**
 * ASL timestamps. AWS: "Timestamps must conform to RFC3339 profile of ISO 8601, with the
 * further restrictions that an uppercase T must separate the date and time portions, and an
 * uppercase Z must denote that a numeric time zone offset is not present", e.g.
 * `2016-08-18T17:33:00Z` (https://docs.aws.amazon.com/step-functions/latest/dg/state-wait.html).
 * Fractional seconds and numeric offsets (`+02:00`) are RFC 3339 and accepted.
 */

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `text` is a timestamp AWS accepts. */
export function isAslTimestamp(text: string): boolean {
  const m = SHAPE.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return false;
  // RFC 3339 allows a leap second (60); AWS's documents do not say it refuses one.
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[7] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return true;
}
