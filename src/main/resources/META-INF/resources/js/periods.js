// Dates and periods. Everything shown is ISO (YYYY-MM-DD), whatever the browser's locale.

const DateTime = () => window.luxon.DateTime;

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Average length of a month in days, to turn a period's total into a monthly rate. */
export const DAYS_PER_MONTH = 365.25 / 12;

function iso(dt) { return dt.toISODate(); }

/** from/to of the view: quick ranges count back from the (filtered) data's last event. */
export function resolveRange(s, extent) {
  if (s.range === 'custom') {
    return { from: s.from || extent.from, to: s.to || extent.to };
  }
  if (s.range === 'all' || !extent.to) return { from: extent.from, to: extent.to };
  const last = DateTime().fromISO(extent.to);
  const months = s.range === '12m' ? 12 : 36;
  return { from: iso(last.startOf('month').minus({ months: months - 1 })), to: extent.to };
}

/** The period of equal length just before a range. */
export function previousRange(range) {
  const from = DateTime().fromISO(range.from);
  const to = DateTime().fromISO(range.to);
  const days = Math.round(to.diff(from, 'days').days) + 1;
  return { from: iso(from.minus({ days })), to: iso(from.minus({ days: 1 })), days };
}

/** The 12 whole months before the month a range starts in. */
export function twelveMonthsBefore(range) {
  const start = DateTime().fromISO(range.from).startOf('month');
  return { from: iso(start.minus({ months: 12 })), to: iso(start.minus({ days: 1 })) };
}

export function daysIn(range) {
  const from = DateTime().fromISO(range.from);
  const to = DateTime().fromISO(range.to);
  return Math.round(to.diff(from, 'days').days) + 1;
}

/**
 * A period as the contract's string, the key that matches a bar to the trend's period. Both
 * `/aggregates` and `/trends` send strings ("2016", "2016-Q1", "2016-03"); String() keeps the
 * match exact should a year ever arrive as a number.
 */
export function periodKey(p) {
  return p == null ? p : String(p);
}

/** A contract period string ("2017", "2017-Q1", "2017-03", "2017-W09") as the millis of its start. */
export function periodStart(p) {
  const D = DateTime();
  let m;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(p))) return D.fromObject({ year: +m[1], month: (+m[2] - 1) * 3 + 1, day: 1 }).toMillis();
  if (/^\d{4}$/.test(String(p))) return D.fromObject({ year: +p, month: 1, day: 1 }).toMillis();
  return D.fromISO(p).toMillis();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** "2013-06" → "June 2013" (English, as every label of the dashboard). */
export function monthTitle(ym) {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  return m ? MONTHS[+m[2] - 1] + ' ' + m[1] : ym;
}

/** The first day of the month n months before (negative) or after a YYYY-MM. */
export function monthShift(ym, n) {
  return iso(DateTime().fromISO(ym + '-01').plus({ months: n }));
}

export function monthEnd(ym) {
  return iso(DateTime().fromISO(ym + '-01').endOf('month'));
}
