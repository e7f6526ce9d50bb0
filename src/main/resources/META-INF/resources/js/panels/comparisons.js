// The headline tiles and the per-district table: this period against the previous one of equal
// length and against the average month of the 12 months before it, in ACLED Trendfinder's bands.
import { aggregates, filterParams } from '../api.js';
import { $, countText, el, emptyRow, nf, nf1, panel, row } from '../dom.js';
import { DAYS_PER_MONTH, daysIn, previousRange, twelveMonthsBefore } from '../periods.js';
import { METRIC_LABEL } from '../state.js';

const TILE_METRICS = ['incidents', 'killed', 'injured'];
const NOT_COVERED = { cls: 'band-not-covered', label: 'not covered', pct: null };
const UNKNOWN = { cls: 'band-unknown', label: 'n/a', pct: null };

/** Whether a selected complete dataset covers any period of a time-grouped aggregate. */
function anyCovered(agg) {
  return agg.rows.some((r) => r.covered !== false);
}
const TABLE_ROWS = 10;

/** ACLED Trendfinder's bands; under 10 in the baseline there is too little to compare. */
export function changeBand(current, previous) {
  if (previous == null || previous < 10) {
    return { cls: 'band-few', label: 'too few to compare', pct: null };
  }
  const pct = ((current - previous) / previous) * 100;
  if (pct > 25) return { cls: 'band-large-rise', label: '▲ large rise', pct };
  if (pct >= 10) return { cls: 'band-moderate-rise', label: '▲ moderate rise', pct };
  if (pct >= -25) return { cls: 'band-limited', label: '◆ limited change', pct };
  return { cls: 'band-large-fall', label: '▼ large fall', pct };
}

function pctText(band) {
  return band.pct == null ? '' : ' ' + (band.pct >= 0 ? '+' : '') + nf1.format(band.pct) + ' %';
}

function badge(band) {
  return el('span', band.label, 'band ' + band.cls);
}

/** The 12 months before: their covered months and, per metric and district, the monthly average. */
function twelveMonthAverage(monthly, byDistrict, metric) {
  const covered = monthly.rows.filter((r) => r.covered !== false).length;
  if (!covered) return { covered: 0, totals: null, districts: new Map() };
  const totals = {};
  const known = monthly.rows.filter((r) => r.covered !== false);
  for (const m of TILE_METRICS) totals[m] = known.reduce((a, r) => a + (r[m] || 0), 0) / covered;
  const districts = new Map();
  for (const r of byDistrict.rows) if (r.district) districts.set(r.district, (r[metric] || 0) / covered);
  return { covered, totals, districts };
}

/**
 * @param covered whether a complete dataset covers any of this period
 * @param prevCovered the same for the previous period: nothing is compared with an uncovered one
 */
function renderTiles(totals, prev, avg, days, covered, prevCovered) {
  const months = days / DAYS_PER_MONTH;
  for (const m of TILE_METRICS) {
    const tile = $('tile-' + m);
    const v = covered ? totals[m] ?? null : null;
    const value = tile.querySelector('.value');
    value.textContent = countText(v, totals.unknown && totals.unknown[m], covered ? undefined : false);
    value.dataset.value = v == null ? '' : String(v);
    const change = tile.querySelector('.change');
    change.textContent = '';
    const p = prev && prevCovered ? prev[m] ?? null : null;
    let band;
    if (!covered || (prev && !prevCovered)) band = NOT_COVERED;
    else if (v == null || (prev && p == null)) band = UNKNOWN;
    else band = changeBand(v, p);
    change.appendChild(badge(band));
    change.appendChild(el('span', pctText(band) + ' vs ' + (prev && !prevCovered ? 'nothing: no complete dataset'
      + ' covers' : (p == null ? '–' : nf.format(p)) + ' in') + ' the previous ' + nf.format(days) + ' days'));
    tile.dataset.band = band.cls.replace('band-', '');
    const line = el('span', null, 'vs-average');
    if (v != null && avg && avg.totals && months > 0) {
      const perMonth = v / months;
      const b = changeBand(perMonth, avg.totals[m]);
      line.appendChild(badge(b));
      line.appendChild(el('span', ' ' + nf1.format(perMonth) + ' a month vs ' + nf1.format(avg.totals[m])
        + ' on average in the ' + avg.covered + ' covered months before'));
      tile.dataset.averageBand = b.cls.replace('band-', '');
    } else {
      line.textContent = 'No covered month in the 12 before this period to average.';
      tile.dataset.averageBand = 'none';
    }
    change.appendChild(line);
  }
}

function renderTable(s, current, prevByDistrict, avg, days, prevCovered) {
  const tbody = $('compare').querySelector('tbody');
  const prev = new Map(prevByDistrict.rows.filter((r) => r.district).map((r) => [r.district, r[s.metric] || 0]));
  const rows = current.rows.filter((r) => r.district && (r[s.metric] || 0) > 0)
    .sort((a, b) => (b[s.metric] || 0) - (a[s.metric] || 0)).slice(0, TABLE_ROWS);
  if (!rows.length) {
    emptyRow(tbody, 'No district-level incidents in this period to compare.', 6);
    return 0;
  }
  tbody.textContent = '';
  const months = days / DAYS_PER_MONTH;
  for (const r of rows) {
    const v = r[s.metric] || 0;
    const p = prevCovered ? prev.get(r.district) ?? 0 : null;
    const a = avg.districts.has(r.district) ? avg.districts.get(r.district) : avg.covered ? 0 : null;
    const b1 = prevCovered ? changeBand(v, p) : NOT_COVERED;
    const b2 = a == null ? NOT_COVERED : changeBand(v / months, a);
    const tr = row([r.district, [nf.format(v), 'num'], [p == null ? 'not covered' : nf.format(p), 'num']]);
    tr.dataset.district = r.district;
    const c1 = el('td');
    c1.appendChild(badge(b1));
    c1.appendChild(el('span', pctText(b1)));
    tr.appendChild(c1);
    tr.appendChild(el('td', a == null ? 'not covered' : nf1.format(v / months) + ' vs ' + nf1.format(a), 'num'));
    const c2 = el('td');
    c2.appendChild(badge(b2));
    tr.appendChild(c2);
    tbody.appendChild(tr);
  }
  return rows.length;
}

/**
 * Renders the tiles (from the main aggregate's totals) and the per-district table (from the
 * view's district aggregate); fetches the previous period and the 12 months before.
 */
export async function renderComparisons(view, mainP, districtsP) {
  const { s, range, stale } = view;
  const p = panel('panel-compare');
  $('compare-caption').textContent = METRIC_LABEL[s.metric] + ': this period against the previous '
    + (range.from ? nf.format(daysIn(range)) + ' days' : 'period') + ' and against the average month of the 12 months before it.';
  if (!range.from || !range.to) {
    renderTiles({ incidents: 0, killed: 0, injured: 0 }, null, null, 0, true, true);
    emptyRow($('compare').querySelector('tbody'), view.emptyReason, 6);
    p.status('');
    return;
  }
  const prevRange = previousRange(range);
  const before = twelveMonthsBefore(range);
  const metrics = { metrics: [...new Set(TILE_METRICS.concat([s.metric]))].join(',') };
  const prevP = aggregates(filterParams(s, prevRange), Object.assign({ groupBy: 'district' }, metrics));
  const prevMonthsP = aggregates(filterParams(s, prevRange), { groupBy: 'month', metrics: 'incidents' });
  const monthlyP = aggregates(filterParams(s, before), Object.assign({ groupBy: 'month' }, metrics));
  const beforeP = aggregates(filterParams(s, before), Object.assign({ groupBy: 'district' }, metrics));
  try {
    const [main, prev, monthly, beforeDistricts, prevMonths] =
      await Promise.all([mainP, prevP, monthlyP, beforeP, prevMonthsP]);
    if (stale()) return;
    const avg = twelveMonthAverage(monthly, beforeDistricts, s.metric);
    const covered = anyCovered(main);
    const prevCovered = anyCovered(prevMonths);
    renderTiles(main.totals, prev.totals, avg, prevRange.days, covered, prevCovered);
    const current = await districtsP;
    if (stale()) return;
    const n = renderTable(s, current, prev, avg, prevRange.days, prevCovered);
    p.status(n ? 'Top ' + n + ' districts of this period' : '');
    p.error(null);
  } catch (e) {
    if (stale()) return;
    p.status('');
    p.error(e);
  }
}
