// The filters' choices: provinces, district names and aliases, and the values of the data.
import { API, ApiError, api, url } from './api.js';
import { $, nf, option } from './dom.js';

function addOptions(sel, entries) {
  const current = sel.value;
  for (const [value, label] of entries) {
    if (value && ![...sel.options].some((o) => o.value === value)) sel.appendChild(option(value, label));
  }
  sel.value = current;
}

function districtNames(districts, divisions) {
  const list = $('district-names');
  list.textContent = '';
  const seen = new Set();
  for (const d of districts) {
    for (const n of [d.name].concat(d.aliases)) {
      const k = n.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      list.appendChild(option(n, n === d.name ? d.province : d.name + ', ' + d.province));
    }
  }
  // a division that is no district's name ("Karachi", seven districts): the box accepts it and the
  // API counts its districts plus the incidents known only at division level
  for (const v of divisions || []) {
    const k = v.name.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    list.appendChild(option(v.name, 'division of ' + v.districts.length + ' districts, ' + v.province));
  }
}

const DIMENSIONS = ['eventType', 'actor', 'dataset'];
const choicesUrl = (dim) => url('/aggregates', new URLSearchParams({ groupBy: dim, metrics: 'incidents', sort: '-incidents' }));

/** Every request loadOptions makes, to ask for them early. */
export function optionUrls() {
  return [API + '/districts', API + '/divisions', API + '/provinces'].concat(DIMENSIONS.map(choicesUrl));
}

/** Loads every choice; resolves with the gazetteer's districts (null when they failed). */
export async function loadOptions(showError) {
  const districtsP = api(API + '/districts');
  const divisionsP = api(API + '/divisions').catch(() => []);
  const tasks = [Promise.all([districtsP, divisionsP]).then(([ds, vs]) => districtNames(ds, vs))];
  tasks.push(api(API + '/provinces').then((ps) => addOptions($('f-province'), ps.map((p) => [p.name, p.name]))));
  for (const dim of DIMENSIONS) {
    tasks.push(api(choicesUrl(dim)).then((r) => addOptions($('f-' + dim),
      r.rows.map((row) => [row[dim], row[dim] + ' (' + nf.format(row.incidents) + ')']))));
  }
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) showError(new ApiError('Filter choices could not be loaded: ' + failed.reason.message, failed.reason.url));
  return districtsP.catch(() => null);
}
