// "Districts ranked": the top districts of the view's district aggregate.
import { $, OI, nf, panel } from '../dom.js';
import { charts, dropChart, replaceChart, setPng, attributionText } from '../charts.js';
import { METRIC_LABEL } from '../state.js';

export const TOP_N = 15;

/** The key a district row is ranked by: the metric, or its rate per 100,000 people. */
export function rankKey(s) {
  return s.perCapita === '1' ? s.metric + 'Per100k' : s.metric;
}

/** The ranked districts of a district aggregate (province-only rows are never ranked). */
export function rankedDistricts(s, body) {
  const key = rankKey(s);
  return body.rows.filter((x) => x.district && x[key] != null && x[s.metric] > 0).slice(0, TOP_N);
}

function draw(s, rows) {
  const key = rankKey(s);
  replaceChart('ranking', 'chart-ranking', {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.district),
      datasets: [{ label: METRIC_LABEL[s.metric] + (s.perCapita === '1' ? ' per 100k' : ''),
        backgroundColor: OI.blue, data: rows.map((r) => r[key] ?? 0) }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: { beginAtZero: true }, y: { ticks: { autoSkip: false, font: { size: 11 } } } },
      plugins: { legend: { display: false } },
    },
  });
}

/** Renders the ranking; returns the ranked rows, or null on error. */
export async function renderRanking(view, districtsP) {
  const { s, stale } = view;
  const p = panel('panel-ranking');
  const box = $('chart-ranking').parentElement;
  let body = null;
  try {
    body = await districtsP;
    if (stale()) return null;
    const ranked = rankedDistricts(s, body);
    const unranked = body.rows.filter((x) => !x.district).reduce((a, x) => a + (x[s.metric] || 0), 0);
    box.hidden = false;
    if (!ranked.length) {
      dropChart('ranking');
      p.status(view.noDistrictReason);
    } else if (view.singleDistrict) {
      // one district is not a ranking: say what it is instead of drawing a single bar
      dropChart('ranking');
      box.hidden = true;
      p.status('One district in this view (' + ranked[0].district + '): nothing to rank. Its figures are in the tiles.');
    } else {
      draw(s, ranked);
      p.status('Top ' + ranked.length + ' districts' + (s.perCapita === '1' ? ' per 100k people (Census 2023)' : ''));
    }
    $('ranking-note').textContent = unranked
      ? nf.format(unranked) + ' ' + METRIC_LABEL[s.metric].toLowerCase() + ' known only to province level are not ranked.' : '';
    return ranked;
  } catch (e) {
    if (stale()) return null;
    p.status('');
    p.error(e);
    return null;
  } finally {
    if (!stale()) {
      const title = 'Top districts by ' + METRIC_LABEL[s.metric].toLowerCase() + (s.perCapita === '1' ? ' per 100,000 people' : '');
      setPng('png-ranking', 'ranking', charts.ranking && view.caption(title, attributionText(body)));
    }
  }
}
