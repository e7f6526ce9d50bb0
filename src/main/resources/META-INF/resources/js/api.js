// The service's own API (/api/v1, see API.md); every request goes to this origin.

export const API = '/api/v1';

export class ApiError extends Error {
  constructor(message, url, status) {
    super(message);
    this.url = url;
    this.status = status;
  }
}

const early = new Map();

/**
 * Asks for a URL before the page is ready to use the answer (the first load's requests leave while
 * the chart library is still being parsed); the next api() of the very same URL takes it over.
 */
export function prefetch(path) {
  if (!early.has(path)) {
    const answer = fetchJson(path);
    answer.catch(() => { /* the taker sees the error; a URL nobody takes is no console error */ });
    early.set(path, answer);
  }
  return early.get(path);
}

/** GET as JSON; a problem+json error becomes an ApiError carrying its "detail". */
export function api(path) {
  const answer = early.get(path);
  if (answer) {
    early.delete(path);
    return answer;
  }
  return fetchJson(path);
}

async function fetchJson(path) {
  let res;
  try {
    res = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError('The service could not be reached (' + e.message + ').', path, 0);
  }
  const type = res.headers.get('content-type') || '';
  if (!res.ok) {
    let detail = res.status + ' ' + (res.statusText || 'error');
    if (type.includes('json')) {
      try {
        const p = await res.json();
        detail = p.detail || p.title || detail;
      } catch (ignored) { /* keep the status line */ }
    }
    throw new ApiError(detail, path, res.status);
  }
  return res.json();
}

export const FILTER_KEYS = ['province', 'district', 'eventType', 'actor', 'dataset'];

/** The shared filters of a view state, with an optional {from, to} range. */
export function filterParams(s, range) {
  const q = new URLSearchParams();
  if (range && range.from) q.set('from', range.from);
  if (range && range.to) q.set('to', range.to);
  for (const k of FILTER_KEYS) {
    if (s[k]) q.set(k, s[k]);
  }
  return q;
}

export function url(path, params) {
  const str = params.toString();
  return API + path + (str ? '?' + str : '');
}

/** GET /aggregates with the view's filters plus the given parameters. */
export function aggregates(fp, extra) {
  const q = new URLSearchParams(fp);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return api(url('/aggregates', q));
}
