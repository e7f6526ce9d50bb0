// Sources side by side: when the selection holds several datasets, the same metric per dataset
// over the months they all cover, one line each, so overlapping sources are read against each other
// and never summed. Outside their common coverage a difference would only show where one source
// stops recording, not a disagreement, so the chart is limited to it.
import { aggregates } from '../api.js';
import { $, OI, panel } from '../dom.js';
import { charts, dropChart, replaceChart, setPng, attributionText } from '../charts.js';
import { periodStart } from '../periods.js';
import { METRIC_LABEL } from '../state.js';

const COLOURS = [OI.blue, OI.vermillion, OI.green, OI.purple, OI.orange, OI.sky, OI.black];

/**
 * Per dataset: its values by period (null where it covers no part of the period) and the first
 * and last period it covers.
 */
export function perDataset(body, metric, g) {
  const byName = new Map();
  for (const r of body.rows) {
    if (!byName.has(r.dataset)) byName.set(r.dataset, { name: r.dataset, values: new Map(), total: 0, first: null, last: null });
    const d = byName.get(r.dataset);
    const covered = r.covered !== false;
    d.values.set(r[g], covered ? r[metric] ?? 0 : null);
    d.total += r[metric] || 0;
    if (covered) {
      if (d.first == null) d.first = r[g];
      d.last = r[g];
    }
  }
  return [...byName.values()].filter((d) => d.total > 0);
}

/** The window every one of the named datasets covers, inside the view's range; null if none. */
export function commonCoverage(names, meta, range) {
  let from = range.from;
  let to = range.to;
  for (const name of names) {
    const m = meta.get(name);
    if (!m || !m.coverage || !m.coverage.from || !m.coverage.to) return null;
    if (!from || m.coverage.from > from) from = m.coverage.from;
    if (!to || m.coverage.to < to) to = m.coverage.to;
  }
  return from && to && from <= to ? { from, to } : null;
}

/** A dataset's legend entry: its name, what it records and over which window. */
function legendLabel(name, m) {
  if (!m || !m.coverage) return name;
  return name + ' (' + (m.complete ? 'complete' : 'not complete') + ', covers ' + m.coverage.from + ' to '
    + m.coverage.to + ')';
}

function scopeLine(names, meta) {
  return names.map((n) => {
    const m = meta.get(n);
    return n + ': ' + (m && m.scope ? m.scope : 'scope not stated');
  }).join('; ');
}

function draw(s, sets, periods, meta) {
  replaceChart('sources', 'chart-sources', {
    type: 'line',
    data: {
      labels: periods.map(periodStart),
      datasets: sets.map((d, i) => ({
        label: legendLabel(d.name, meta.get(d.name)),
        borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length],
        borderWidth: 2, pointRadius: 0, spanGaps: false,
        data: periods.map((p) => (d.values.has(p) ? d.values.get(p) : null)),
      })),
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'time', time: { unit: periods.length > 60 && s.granularity === 'month' ? 'year' : s.granularity,
          tooltipFormat: 'yyyy-MM-dd' }, grid: { display: false } },
        y: { beginAtZero: true, title: { display: true, text: METRIC_LABEL[s.metric] } },
      },
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 14 } } },
    },
  });
  charts.sources.$datasets = sets.map((d) => d.name);
}

export async function renderSources(view) {
  const { s, fp, stale } = view;
  const p = panel('panel-sources');
  const box = $('chart-sources').parentElement;
  let body = null;
  try {
    body = await aggregates(fp, { groupBy: 'dataset', metrics: s.metric });
    if (stale()) return;
    const names = body.rows.filter((r) => (r[s.metric] || 0) > 0).map((r) => r.dataset);
    if (names.length < 2) {
      dropChart('sources');
      box.hidden = true;
      p.status(names.length === 1 ? 'One dataset in this view (' + names[0] + '): nothing to set side by side.'
        : view.emptyReason);
      return;
    }
    const meta = new Map((await view.datasets).map((d) => [d.name, d]));
    if (stale()) return;
    const common = commonCoverage(names, meta, view.range);
    if (!common) {
      dropChart('sources');
      box.hidden = true;
      p.status('The coverage of ' + names.map((n) => legendLabel(n, meta.get(n))).join(' and ')
        + ' has no month in common in this view: nothing to set side by side.');
      return;
    }
    const q = new URLSearchParams(fp);
    q.set('from', common.from);
    q.set('to', common.to);
    q.set('dataset', names.join(','));
    body = await aggregates(q, { groupBy: 'dataset,' + s.granularity, metrics: s.metric });
    if (stale()) return;
    const sets = perDataset(body, s.metric, s.granularity);
    box.hidden = false;
    const periods = [...new Set(body.rows.map((r) => r[s.granularity]))].sort((a, b) => periodStart(a) - periodStart(b));
    draw(s, sets, periods, meta);
    p.status(sets.length + ' datasets over the ' + common.from + ' to ' + common.to + ' they all cover, each on its own'
      + ' line; their counts are never added together here. Scope: ' + scopeLine(names, meta) + '.');
  } catch (e) {
    if (stale()) return;
    p.status('');
    p.error(e);
  } finally {
    if (!stale()) {
      setPng('png-sources', 'sources', charts.sources && view.caption(METRIC_LABEL[s.metric] + ' per ' + s.granularity
        + ', dataset by dataset', attributionText(body)));
    }
  }
}
