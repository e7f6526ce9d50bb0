// Breakdowns: incidents and killed by category of event, the chosen metric by actor (top 10 and
// "other"), and who was killed (civilians, security forces, militants, unattributed).
import { aggregates } from '../api.js';
import { $, OI, countText, emptyRow, nf, panel, row } from '../dom.js';
import { charts, dropChart, replaceChart, setPng, attributionText } from '../charts.js';
import { METRIC_LABEL } from '../state.js';

/** The dimension events are broken down by: the normalized category, the same words whatever the source. */
export const EVENT_DIMENSION = 'category';
const EVENT_DIMENSION_LABEL = 'category';
const TOP_ACTORS = 10;
/** The words for the contract's category keys (API.md "Filters"). */
const CATEGORY_WORDS = {
  'suicide-attack': 'Suicide attack', bombing: 'Bombing', 'armed-attack': 'Armed attack',
  'armed-clash': 'Armed clash', 'targeted-killing': 'Targeted killing', 'drone-strike': 'Drone or air strike',
  'security-operation': 'Security operation', abduction: 'Abduction', other: 'Other',
};

export const KILLED_PARTS = [
  { key: 'killedCivilians', label: 'Civilians' },
  { key: 'killedSecurityForces', label: 'Security forces' },
  { key: 'killedMilitants', label: 'Militants' },
];

function bars(key, canvas, labels, datasets, scales) {
  replaceChart(key, canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: { indexAxis: 'y', scales: Object.assign({ y: { ticks: { autoSkip: false, font: { size: 11 } } } }, scales),
      plugins: { legend: { display: datasets.length > 1, position: 'bottom', labels: { boxWidth: 14 } } } },
  });
}

function drawEvents(body) {
  const rows = body.rows.slice().sort((a, b) => (b.incidents || 0) - (a.incidents || 0));
  bars('events', 'chart-events', rows.map((r) => CATEGORY_WORDS[r[EVENT_DIMENSION]] ?? r[EVENT_DIMENSION] ?? 'Not recorded'), [
    { label: 'Incidents', backgroundColor: OI.blue, data: rows.map((r) => r.incidents || 0), xAxisID: 'x' },
    { label: 'Killed', backgroundColor: OI.vermillion, data: rows.map((r) => r.killed || 0), xAxisID: 'x2' },
  ], { x: { beginAtZero: true, position: 'bottom', title: { display: true, text: 'Incidents' } },
    x2: { beginAtZero: true, position: 'top', grid: { display: false }, title: { display: true, text: 'Killed' } } });
}

/** The top actors by the metric, the rest summed as "Other actors"; a blank actor is "Actor not recorded". */
export function topActors(rows, metric) {
  const named = rows.filter((r) => r.actor != null).sort((a, b) => (b[metric] || 0) - (a[metric] || 0));
  const out = named.slice(0, TOP_ACTORS).map((r) => ({ label: r.actor, value: r[metric] || 0 }));
  const rest = named.slice(TOP_ACTORS);
  if (rest.length) out.push({ label: 'Other actors (' + rest.length + ')', value: rest.reduce((a, r) => a + (r[metric] || 0), 0) });
  const blank = rows.filter((r) => r.actor == null).reduce((a, r) => a + (r[metric] || 0), 0);
  if (blank) out.push({ label: 'Actor not recorded', value: blank });
  return out;
}

function drawActors(s, body) {
  const items = topActors(body.rows, s.metric);
  bars('actors', 'chart-actors', items.map((i) => i.label),
    [{ label: METRIC_LABEL[s.metric], backgroundColor: OI.green, data: items.map((i) => i.value) }],
    { x: { beginAtZero: true } });
}

/** Who was killed; a null sum means no selected source splits the killed, shown as "n/a". */
function drawKilledSplit(totals) {
  const tbody = $('killed-split').querySelector('tbody');
  tbody.textContent = '';
  const killed = totals.killed ?? 0;
  let known = 0;
  for (const part of KILLED_PARTS) {
    const v = totals[part.key];
    if (v != null) known += v;
    const tr = row([part.label, [countText(v, totals.unknown && totals.unknown[part.key]), 'num']]);
    tr.dataset.part = part.key;
    tr.dataset.value = v == null ? '' : String(v);
    tbody.appendChild(tr);
  }
  const rest = row(['Unattributed (killed − the groups above)', [nf.format(killed - known), 'num']]);
  rest.dataset.part = 'unattributed';
  rest.dataset.value = String(killed - known);
  tbody.appendChild(rest);
  const all = row(['Killed', [nf.format(killed), 'num']]);
  all.dataset.part = 'killed';
  all.dataset.value = String(killed);
  tbody.appendChild(all);
}

export async function renderBreakdowns(view, mainP) {
  const { s, fp, stale } = view;
  const p = panel('panel-breakdowns');
  const eventsP = aggregates(fp, { groupBy: EVENT_DIMENSION, metrics: 'incidents,killed' });
  const actorsP = aggregates(fp, { groupBy: 'actor', metrics: s.metric });
  let events = null;
  let actors = null;
  try {
    const main = await mainP;
    [events, actors] = await Promise.all([eventsP, actorsP]);
    if (stale()) return;
    drawKilledSplit(main.totals);
    if (!main.totals.incidents) {
      dropChart('events');
      dropChart('actors');
      p.status(view.emptyReason);
    } else {
      drawEvents(events);
      drawActors(s, actors);
      p.status('By ' + EVENT_DIMENSION_LABEL + ': ' + events.rows.length + ' kinds; by actor: ' + actors.rows.length + ' actors');
    }
  } catch (e) {
    if (stale()) return;
    emptyRow($('killed-split').querySelector('tbody'), 'Not available.', 2);
    p.status('');
    p.error(e);
  } finally {
    if (!stale()) {
      setPng('png-events', 'events', charts.events && view.caption('Incidents and killed by ' + EVENT_DIMENSION_LABEL, attributionText(events)));
      setPng('png-actors', 'actors', charts.actors && view.caption(METRIC_LABEL[s.metric] + ' by actor (top ' + TOP_ACTORS + ')', attributionText(actors)));
    }
  }
}
