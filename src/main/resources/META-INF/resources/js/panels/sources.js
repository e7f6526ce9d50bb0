// Sources side by side: when the selection holds several datasets, the same metric per dataset
// over time, one line each, so overlapping sources are read against each other and never summed.
import { aggregates } from '../api.js';
import { $, OI, panel } from '../dom.js';
import { charts, dropChart, replaceChart, setPng, attributionText } from '../charts.js';
import { periodStart } from '../periods.js';
import { METRIC_LABEL } from '../state.js';

const COLOURS = [OI.blue, OI.vermillion, OI.green, OI.purple, OI.orange, OI.sky, OI.black];

/**
 * Per dataset: its values by period (null where it covers no part of the period) and the first
 * and last period it covers. Coverage from GET /datasets can be added here once it exists.
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

function draw(s, sets, periods) {
  replaceChart('sources', 'chart-sources', {
    type: 'line',
    data: {
      labels: periods.map(periodStart),
      datasets: sets.map((d, i) => ({
        label: d.name + (d.first ? ' (' + d.first + ' to ' + d.last + ')' : ''),
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
    body = await aggregates(fp, { groupBy: 'dataset,' + s.granularity, metrics: s.metric });
    if (stale()) return;
    const sets = perDataset(body, s.metric, s.granularity);
    if (sets.length < 2) {
      dropChart('sources');
      box.hidden = true;
      p.status(sets.length === 1 ? 'One dataset in this view (' + sets[0].name + '): nothing to set side by side.'
        : view.emptyReason);
      return;
    }
    box.hidden = false;
    const periods = [...new Set(body.rows.map((r) => r[s.granularity]))].sort((a, b) => periodStart(a) - periodStart(b));
    draw(s, sets, periods);
    p.status(sets.length + ' datasets, each on its own line; their counts are never added together here.');
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
