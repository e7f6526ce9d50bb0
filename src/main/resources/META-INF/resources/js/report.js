// The printable monthly report's chart of the 24 months to its month and its list of incidents,
// from the same filters as the page. Plain SVG and HTML so that it prints as it shows.
import { ApiError, api, url } from './api.js';
import { el, nf, row, svg } from './dom.js';

const MONTHS_SHOWN = 24;
const INCIDENTS_SHOWN = 200;

function addMonths(ym, n) {
  const [y, m] = ym.split('-').map(Number);
  const k = y * 12 + (m - 1) + n;
  return Math.floor(k / 12) + '-' + String((k % 12) + 1).padStart(2, '0');
}

function lastDay(ym) {
  const [y, m] = ym.split('-').map(Number);
  return ym + '-' + String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
}

/** The page's own filters (its query string), without what the report itself sets. */
function filters(section) {
  const q = new URLSearchParams(section.dataset.query.replace(/^&/, ''));
  for (const k of ['from', 'to', 'month', 'page', 'size']) q.delete(k);
  return q;
}

function bars(rows, metric, month, top, height, width) {
  const g = svg('g', { transform: 'translate(0,' + top + ')' });
  const max = Math.max(1, ...rows.map((r) => r[metric] ?? 0));
  const bw = width / rows.length;
  const label = svg('text', { x: 0, y: 10 });
  label.textContent = (metric === 'killed' ? 'Killed' : 'Incidents') + ' per month (highest ' + nf.format(max) + ')';
  g.appendChild(label);
  rows.forEach((r, i) => {
    const v = r[metric];
    const h = v == null ? 0 : (v / max) * (height - 16);
    const rect = svg('rect', { x: i * bw + 1, y: height - h, width: Math.max(1, bw - 2), height: h,
      class: 'bar ' + metric + (r.month === month ? ' this' : '') });
    rect.dataset.month = r.month;
    rect.dataset.value = v == null ? '' : String(v);
    const title = svg('title');
    title.textContent = r.month + ': ' + (v == null ? 'not covered' : nf.format(v));
    rect.appendChild(title);
    g.appendChild(rect);
  });
  return g;
}

async function chart(section) {
  const month = section.dataset.month;
  const q = filters(section);
  q.set('from', addMonths(month, 1 - MONTHS_SHOWN) + '-01');
  q.set('to', lastDay(month));
  q.set('groupBy', 'month');
  q.set('metrics', 'incidents,killed');
  const body = await api(url('/aggregates', q));
  section.textContent = '';
  const width = 720;
  const plot = svg('svg', { viewBox: '0 0 ' + width + ' 250', role: 'img',
    'aria-label': 'Incidents and killed per month, ' + body.rows.length + ' months to ' + month });
  plot.appendChild(bars(body.rows, 'incidents', month, 0, 100, width));
  plot.appendChild(bars(body.rows, 'killed', month, 115, 100, width));
  [0, body.rows.length - 1].forEach((i) => {
    if (!body.rows[i]) return;
    const t = svg('text', { x: i === 0 ? 0 : width, y: 245, 'text-anchor': i === 0 ? 'start' : 'end' });
    t.textContent = body.rows[i].month;
    plot.appendChild(t);
  });
  section.appendChild(plot);
  section.appendChild(el('p', 'The month of the report is outlined. A month without a bar had none, or no selected complete dataset covers it (hover a month to see which).',
    'incidents-note'));
}

async function incidents(section, month) {
  const q = filters(section);
  q.set('from', month + '-01');
  q.set('to', lastDay(month));
  q.set('size', String(INCIDENTS_SHOWN));
  let page;
  try {
    page = await api(url('/incidents', q));
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      section.textContent = '';
      section.appendChild(el('p', 'The incidents of this month are not listed: their dataset passes raw rows only to editors.',
        'incidents-note'));
      return;
    }
    throw e;
  }
  section.textContent = '';
  if (!page.items.length) {
    section.appendChild(el('p', 'No incident matches the report\'s filters this month.', 'incidents-note'));
    return;
  }
  const table = el('table', null, 'incidents');
  table.appendChild(row(['Date', 'District', 'Location', 'Type', ['Killed', 'n'], ['Injured', 'n'], 'Dataset']));
  for (const i of page.items) {
    const tr = row([i.date, i.district ?? (i.province ? i.province + ' (district unknown)' : '—'), i.location ?? '',
      i.eventType ?? '', [i.killed == null ? 'unknown' : nf.format(i.killed), 'n'],
      [i.injured == null ? 'unknown' : nf.format(i.injured), 'n'], i.dataset ?? '']);
    tr.dataset.id = String(i.id);
    table.appendChild(tr);
  }
  section.appendChild(table);
  section.appendChild(el('p', page.total > page.items.length
    ? 'The first ' + page.items.length + ' of ' + nf.format(page.total) + ' incidents; the API lists them all.'
    : nf.format(page.total) + ' incidents.', 'incidents-note'));
}

async function main() {
  const chartBox = document.getElementById('report-chart');
  const list = document.getElementById('report-incidents');
  list.dataset.query = chartBox.dataset.query;
  const fail = (box) => (e) => {
    box.textContent = '';
    box.appendChild(el('p', 'Not available: ' + e.message, 'incidents-note'));
  };
  await Promise.allSettled([chart(chartBox).catch(fail(chartBox)), incidents(list, chartBox.dataset.month).catch(fail(list))]);
  document.body.dataset.state = 'ready';
}

main();
