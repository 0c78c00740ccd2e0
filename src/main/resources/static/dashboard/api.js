// The REST API, with the token of this tab. Errors are RFC 9457 problem details: an ApiError carries its detail.

const TOKEN_KEY = 'alpha-panda.token';

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  set token(value) { if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY); },
  me: null,
  mayOperate() { return this.me && (this.me.role === 'operator' || this.me.role === 'admin'); },
  mayAdminister() { return this.me && this.me.role === 'admin'; },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `the server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export async function api(method, path, body, token = session.token) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { detail: `the platform cannot be reached (${e.message})` });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = { detail: text.slice(0, 200) }; }
  }
  if (!response.ok) {
    if (response.status === 401 && token === session.token) window.dispatchEvent(new Event('signed-out'));
    throw new ApiError(response.status, json);
  }
  return json;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
export const put = (path, body) => api('PUT', path, body);
