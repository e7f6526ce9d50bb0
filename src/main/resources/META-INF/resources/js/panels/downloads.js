// "Downloads": the aggregate shown as CSV and JSON, its API URL and the sources to cite.
import { $, el, outLink, safeHttpUrl } from '../dom.js';

export function renderDownloads(aggUrl, agg) {
  const abs = aggUrl ? new URL(aggUrl, location.origin) : null;
  $('api-url').value = abs ? abs.href : '';
  const csv = abs ? new URL(abs) : null;
  const json = abs ? new URL(abs) : null;
  if (csv) { csv.searchParams.set('format', 'csv'); json.searchParams.set('format', 'json'); }
  $('dl-csv').href = csv ? csv.pathname + csv.search : '#';
  $('dl-json').href = json ? json.pathname + json.search : '#';
  $('dl-csv').setAttribute('download', 'militrend-aggregate.csv');
  $('dl-json').setAttribute('download', 'militrend-aggregate.json');
  const att = $('attribution');
  att.textContent = '';
  if (agg && agg.attribution.length) {
    att.appendChild(el('strong', 'Sources: '));
    agg.attribution.forEach((a, i) => {
      if (i) att.appendChild(document.createTextNode(' · '));
      const href = a.url ? safeHttpUrl(a.url) : null;
      att.appendChild(href ? outLink(a.citation || a.dataset, href) : el('span', a.citation || a.dataset));
      if (a.licence) att.appendChild(el('span', ' (' + a.licence + ')'));
    });
  }
}
