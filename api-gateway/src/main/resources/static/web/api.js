// The gateway's REST API as the page uses it. The API key lives in sessionStorage only (gone when
// the tab closes), goes out as an Authorization header, and never appears in a URL.

const KEY = 'testgen.api_key';
const listeners = new Set();

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

export function signIn(key) {
  sessionStorage.setItem(KEY, key);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  listeners.forEach((fn) => fn());
}

/** fn is called when the key is dropped (signed out, or refused by the gateway). */
export function onSignedOut(fn) {
  listeners.add(fn);
}

/** A problem+json answer: status, code, detail, field, errors[{field, message}]. */
export class ApiProblem extends Error {
  constructor(status, body) {
    super((body && body.detail) || `request failed (${status})`);
    this.status = status;
    this.code = (body && body.code) || 'ERROR';
    this.field = body && body.field;
    this.errors = (body && body.errors) || [];
  }
}

async function send(method, path, {body, headers = {}, key = apiKey()} = {}) {
  if (!key) throw new ApiProblem(401, {code: 'UNAUTHORIZED', detail: 'sign in first'});
  const init = {method, headers: {...headers, Authorization: `Bearer ${key}`}, cache: 'no-store'};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
    const error = new ApiProblem(response.status, problem);
    if (response.status === 401 && key === apiKey()) signOut();
    throw error;
  }
  return response;
}

export async function getJson(path, options) {
  return (await send('GET', path, options)).json();
}

export async function postJson(path, body) {
  return (await send('POST', path, {body})).json();
}

export async function del(path) {
  return (await send('DELETE', path)).json();
}

/** Checks a key before keeping it: true when the gateway accepts it. */
export async function keyWorks(key) {
  try {
    await send('GET', '/api/v2/workflows?page_size=1', {key});
    return true;
  } catch (e) {
    if (e.status === 401) return false;
    throw e;
  }
}

/** A binary response (screenshot, zip) as a Blob. */
export async function getBlob(path) {
  return (await send('GET', path)).blob();
}

const run = (id) => `/api/v2/workflows/${encodeURIComponent(id)}`;

export const runs = {
  list: ({status, pageSize = 10, token} = {}) => {
    const q = new URLSearchParams({page_size: String(pageSize)});
    if (status) q.set('status', status);
    if (token) q.set('next_page_token', token);
    return getJson(`/api/v2/workflows?${q}`);
  },
  start: (body) => postJson('/api/v2/generate-tests', body),
  status: (id) => getJson(run(id)),
  results: (id) => getJson(`${run(id)}/results`),
  cancel: (id) => del(run(id)),
  approve: (id, comment) => postJson(`${run(id)}/approve`, comment ? {comment} : {}),
  reject: (id, reason) => postJson(`${run(id)}/reject`, reason ? {reason} : {}),
  streamToken: (id) => postJson(`${run(id)}/stream-token`),
  suite: (id, format) => getBlob(`${run(id)}/suite?format=${encodeURIComponent(format)}`),
  /** A screenshot_ref such as runs/<id>/screenshots/s1.png, through the owner-checked endpoint. */
  artifact: (id, ref) => {
    const prefix = `runs/${id}/`;
    const relative = ref.startsWith(prefix) ? ref.slice(prefix.length) : ref;
    return getBlob(`${run(id)}/artifacts/${relative.split('/').map(encodeURIComponent).join('/')}`);
  },
};

/** Saves a Blob as a file through a temporary link. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
