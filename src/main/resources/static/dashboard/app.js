// The dashboard: sign-in with an API token (session storage of this tab), hash routing, the live stream.
import { api, session, ApiError } from './api.js';
import * as stream from './stream.js';
import { errorBox } from './dom.js';
import overview from './pages/overview.js';
import portfolios from './pages/portfolios.js';
import strategies from './pages/strategies.js';
import deadLetters from './pages/dead-letters.js';
import monitoring from './pages/monitoring.js';

const pages = { overview, portfolios, strategies, 'dead-letters': deadLetters, monitoring };
const $ = (id) => document.getElementById(id);
let leave = null; // the current page's clean-up

async function signIn(token) {
  const me = await api('GET', '/api/v1/me', undefined, token);
  session.token = token;
  session.me = me;
  $('who').textContent = `${me.name} (${me.role})`;
  $('sign-in').hidden = true;
  $('nav').hidden = false;
  $('sign-out').hidden = false;
  stream.start(token);
  if (!location.hash || location.hash === '#/') location.hash = '#/overview';
  else route();
}

function signOut(message) {
  session.token = null;
  session.me = null;
  stream.stop();
  if (leave) leave();
  leave = null;
  $('page').replaceChildren();
  $('nav').hidden = true;
  $('sign-out').hidden = true;
  $('who').textContent = '';
  $('sign-in').hidden = false;
  $('token').value = '';
  const error = $('sign-in-error');
  error.textContent = message || '';
  error.hidden = !message;
  $('token').focus();
}

function route() {
  if (!session.me) return;
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const page = pages[name] || overview;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === (pages[name] ? name : 'overview')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (leave) leave();
  const root = $('page');
  root.replaceChildren();
  try {
    leave = page(root, rest) || null;
  } catch (e) {
    root.replaceChildren(errorBox(e));
  }
}

$('sign-in').addEventListener('submit', async (e) => {
  e.preventDefault();
  const token = $('token').value.trim();
  try {
    await signIn(token);
  } catch (err) {
    const message = err instanceof ApiError && err.status === 401
      ? 'Sign-in failed: the token is unknown, revoked or expired.'
      : `Sign-in failed: ${err.message}`;
    signOut(message);
  }
});
$('sign-out').addEventListener('click', () => signOut());
window.addEventListener('signed-out', () => signOut('Your token is no longer accepted: sign in again.'));
window.addEventListener('hashchange', route);

if (session.token) {
  signIn(session.token).catch((err) => signOut(`Sign-in failed: ${err.message}`));
} else {
  signOut();
}
