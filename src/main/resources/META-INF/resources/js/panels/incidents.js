// "Incidents behind this view": one page of GET /incidents.
import { api, url } from '../api.js';
import { $, el, emptyRow, nf, outLink, panel, safeHttpUrl } from '../dom.js';

export const PAGE_SIZE = 25;

function sourceCell(i) {
  const td = el('td');
  const href = i.sourceUrl ? safeHttpUrl(i.sourceUrl) : null;
  if (href) td.appendChild(outLink(i.source || new URL(href).hostname, href));
  else td.textContent = i.source ?? '';
  return td;
}

function draw(page, s) {
  const tbody = $('incidents').querySelector('tbody');
  tbody.textContent = '';
  if (!page.items.length) emptyRow(tbody, 'No incidents match these filters.', 11);
  for (const i of page.items) {
    const tr = el('tr');
    tr.dataset.id = String(i.id);
    tr.appendChild(el('td', i.date + (i.datePrecision && i.datePrecision !== 'day' ? ' (' + i.datePrecision + ')' : '')));
    tr.appendChild(el('td', i.province ?? ''));
    tr.appendChild(el('td', i.district ?? '—'));
    tr.appendChild(el('td', i.location ?? ''));
    tr.appendChild(el('td', i.eventType ?? ''));
    tr.appendChild(el('td', i.actor ?? ''));
    tr.appendChild(el('td', i.killed == null ? 'unknown' : nf.format(i.killed), 'num'));
    tr.appendChild(el('td', i.injured == null ? 'unknown' : nf.format(i.injured), 'num'));
    tr.appendChild(sourceCell(i));
    tr.appendChild(el('td', i.notes ?? '', 'notes'));
    tr.appendChild(el('td', i.dataset ?? ''));
    tbody.appendChild(tr);
  }
  const pageNo = +s.page;
  const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
  $('page-info').textContent = 'Page ' + (pageNo + 1) + ' of ' + nf.format(pages) + ' · ' + nf.format(page.total) + ' incidents';
  $('page-prev').disabled = pageNo <= 0;
  $('page-next').disabled = pageNo + 1 >= pages;
}

export async function renderIncidents(view) {
  const { s, fp, stale } = view;
  const p = panel('panel-incidents');
  const q = new URLSearchParams(fp);
  q.set('page', s.page);
  q.set('size', String(PAGE_SIZE));
  const csv = new URLSearchParams(fp);
  csv.set('format', 'csv');
  $('dl-incidents').href = url('/incidents', csv);
  try {
    const page = await api(url('/incidents', q));
    if (stale()) return;
    draw(page, s);
    p.status('');
  } catch (e) {
    if (stale()) return;
    $('incidents').querySelector('tbody').textContent = '';
    p.status('');
    p.error(e);
  }
}
