// The only way the console talks to Tandem: the REST API at /tandem/api/v1 with HTTP Basic.
// Credentials live in this module's memory only (never localStorage, sessionStorage, cookies or URLs):
// a reload forgets them and asks for a new login.

const BASE = new URL('api/v1/', document.baseURI).pathname;

let authorization = null;

/** An API answer that is not 2xx, carrying the RFC 9457 problem body when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

function encode(user, password) {
  const bytes = new TextEncoder().encode(user + ':' + password);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return 'Basic ' + btoa(binary);
}

export function setCredentials(user, password) {
  authorization = user ? encode(user, password) : null;
}

export function loggedIn() {
  return authorization !== null;
}

/** Calls the API; resolves with the JSON body (or null), rejects with ApiError. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  if (authorization) headers.Authorization = authorization;
  const init = { method, headers, credentials: 'omit', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(BASE + path.replace(/^\//, ''), init);
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: String(e.message || e) });
  }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    throw new ApiError(response.status, json || { title: response.statusText || ('HTTP ' + response.status) });
  }
  return json;
}

/** Builds a query string from the non-empty values of an object. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') q.append(k, v);
  });
  const s = q.toString();
  return s ? '?' + s : '';
}
