// The whole view state lives in the query string: pushState on change, popstate restores.
import { $, option } from './dom.js';

export const METRICS = ['incidents', 'killed', 'injured', 'casualties'];
export const METRIC_LABEL = { incidents: 'Incidents', killed: 'Killed', injured: 'Injured', casualties: 'Casualties' };
const GRANULARITIES = ['week', 'month', 'quarter', 'year'];
const RANGES = ['12m', '3y', 'all', 'custom'];
const SELECTS = ['province', 'eventType', 'actor', 'dataset', 'metric', 'granularity'];

export const DEFAULTS = { range: 'all', from: '', to: '', province: '', district: '', eventType: '', actor: '',
  dataset: '', metric: 'incidents', granularity: 'month', split: '', perCapita: '', page: '0' };
const KEYS = Object.keys(DEFAULTS);

export function readState() {
  return stateOf(location.search);
}

/** The state a query string describes. */
export function stateOf(search) {
  const q = new URLSearchParams(search);
  const s = {};
  for (const k of KEYS) s[k] = q.get(k) ?? DEFAULTS[k];
  if (!RANGES.includes(s.range)) s.range = DEFAULTS.range;
  if ((q.get('from') || q.get('to')) && !q.get('range')) s.range = 'custom';
  if (!METRICS.includes(s.metric)) s.metric = DEFAULTS.metric;
  if (!GRANULARITIES.includes(s.granularity)) s.granularity = DEFAULTS.granularity;
  if (s.range !== 'custom') { s.from = ''; s.to = ''; }
  if (!/^\d+$/.test(s.page)) s.page = '0';
  return s;
}

function stateQuery(s) {
  const q = new URLSearchParams();
  for (const k of KEYS) {
    if (s[k] && s[k] !== DEFAULTS[k]) q.set(k, s[k]);
  }
  const str = q.toString();
  return str ? '?' + str : '';
}

/** Puts a state into the URL (a new history entry when it changed) and calls onChange. */
export function pushState(s, onChange) {
  const search = stateQuery(s);
  if (search !== location.search) history.pushState(null, '', location.pathname + search);
  onChange();
}

/** The current form values as a state; page goes back to 0 whenever a filter changes. */
export function formState(keepPage) {
  const s = readState();
  s.range = $('f-range').value;
  s.from = s.range === 'custom' ? $('f-from').value.trim() : '';
  s.to = s.range === 'custom' ? $('f-to').value.trim() : '';
  for (const k of SELECTS) s[k] = $('f-' + k).value;
  s.district = $('f-district').value.trim();
  s.split = $('f-split').checked ? '1' : '';
  s.perCapita = $('f-perCapita').checked ? '1' : '';
  if (!keepPage) s.page = '0';
  return s;
}

function setSelect(sel, value) {
  if (value && ![...sel.options].some((o) => o.value === value)) sel.appendChild(option(value, value));
  sel.value = value;
}

export function writeForm(s) {
  $('f-range').value = s.range;
  for (const k of SELECTS) setSelect($('f-' + k), s[k]);
  $('f-district').value = s.district;
  $('f-split').checked = s.split === '1';
  $('f-perCapita').checked = s.perCapita === '1';
}

/** The selected datasets (empty: all). */
export function datasetsOf(s) {
  return s.dataset ? s.dataset.split(',').map((d) => d.trim()).filter(Boolean) : [];
}

/** The filters of a state in words, for captions and exported images. */
export function filtersInWords(s) {
  const parts = [];
  const add = (label, v) => { if (v) parts.push(label + ': ' + v.split(',').join(', ')); };
  add('province', s.province);
  add('district', s.district);
  add('event type', s.eventType);
  add('actor', s.actor);
  add('dataset', s.dataset);
  return parts.length ? parts.join('; ') : 'all of Pakistan, every event type, actor and dataset';
}

/**
 * The view an empty address opens: the most recent 36 months of one complete dataset's coverage
 * (the one whose coverage ends last; ties: the most incidents), not every dataset summed over
 * their whole span, where periods no dataset covers would read as zeros. Null without a complete
 * dataset (then every dataset, all dates).
 */
export function defaultSearch(datasets) {
  const complete = datasets.filter((d) => d.complete && d.coverage && d.coverage.to && d.incidents > 0);
  if (!complete.length) return null;
  complete.sort((a, b) => b.coverage.to.localeCompare(a.coverage.to) || b.incidents - a.incidents);
  const d = complete[0];
  const [y, m] = d.coverage.to.split('-').map(Number);
  const k = y * 12 + (m - 1) - 35;
  let from = Math.floor(k / 12) + '-' + String((k % 12) + 1).padStart(2, '0') + '-01';
  if (d.coverage.from && d.coverage.from > from) from = d.coverage.from;
  return '?' + new URLSearchParams({ range: 'custom', from, to: d.coverage.to, dataset: d.name }).toString();
}
