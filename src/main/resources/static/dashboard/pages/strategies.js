// Strategies: the list (admin: enable / disable; operator: flatten it on a broker), and (admin) editing one's
// parameters, with the API's validation messages next to the field.
import { get, post, put, session, ApiError } from '../api.js';
import { h, table, errorBox, confirmAction, setChildren } from '../dom.js';
import { operatorButton, enc } from '../operator.js';
import createForm from './strategy-create.js';

export default function strategies(root, [id]) {
  return id ? edit(root, id) : list(root);
}

function list(root) {
  const body = h('div', { class: 'card', id: 'strategy-list' });
  const message = h('p', { role: 'status', id: 'strategy-message' });
  root.append(h('h1', {}, 'Strategies'), message, body);
  const report = (text) => { message.textContent = text; };
  const load = () => get('/api/v1/strategies?size=500').then((page) => setChildren(body, table('Strategies', [
    ['Strategy', (s) => h('a', { href: `#/strategies/${encodeURIComponent(s.id)}` }, s.id)],
    ['Type', (s) => s.type || ''], ['Active', (s) => h('span', { 'data-active': s.id }, s.active ? 'yes' : 'no')],
    ['Running here', (s) => (s.running ? 'yes' : 'no')], ['Brokers', (s) => (s.brokers || []).join(', ')],
    ['Instruments', (s) => (s.instruments || []).join(', ')], ['Problem', (s) => s.problem || ''],
    ...(session.mayAdminister() ? [['', (s) => toggle(s, load)]] : []),
    ...(session.mayOperate() ? [['Flatten', (s) => h('span', { class: 'actions' }, (s.brokers || []).map((b) => operatorButton({
      text: `Flatten on ${b}`, title: `Flatten ${s.id} on ${b}`, attrs: { 'data-flatten-strategy': s.id, 'data-broker': b },
      explanation: 'Cancel every working order of this strategy and close every position with market orders.',
      path: `/api/v1/portfolios/${enc(b)}/${enc(s.id)}/flatten`, report,
    })))]] : []),
  ], page.items, 'No strategies stored.'))).catch((e) => setChildren(body, errorBox(e)));
  load();
  if (session.mayAdminister()) {
    root.append(createForm((created) => { report(`Created ${created.id}.`); load(); }));
  }
  return null;
}

/** Admin: enable or disable a strategy (no restart), after confirming. */
function toggle(s, reload) {
  const action = s.active ? 'disable' : 'enable';
  return h('button', {
    type: 'button', [`data-${action}`]: s.id,
    onclick: () => confirmAction({
      title: `${s.active ? 'Disable' : 'Enable'} ${s.id}`,
      text: s.active ? 'It stops evaluating ticks; its positions stay.' : 'It starts evaluating ticks at once.',
      action: () => post(`/api/v1/strategies/${encodeURIComponent(s.id)}/${action}`),
    }).then((done) => done && reload()),
  }, s.active ? 'Disable' : 'Enable');
}

function edit(root, id) {
  const card = h('div', { class: 'card', id: 'strategy' });
  root.append(h('p', {}, h('a', { href: '#/strategies' }, '← All strategies')), h('h1', {}, `Strategy ${id}`), card);
  Promise.all([get(`/api/v1/strategies/${encodeURIComponent(id)}`), get('/api/v1/strategy-types?size=500')])
    .then(([s, types]) => render(card, s, (types.items.find((t) => t.type === s.type) || {}).parameters || {}))
    .catch((e) => setChildren(card, errorBox(e)));
  return null;
}

/** A value shaped like the type's default (given as text), so encode() writes it as the type expects. */
function sample(text) {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return String(text);
}

function render(card, s, defaults) {
  const params = Object.entries(s.parameters || {});
  // the type's top-level parameters this strategy does not set yet: empty fields, sent only when filled in
  const unset = Object.entries(defaults).filter(([name]) => !name.includes('.') && !(name in (s.parameters || {})));
  const extras = unset.map(([name, text]) => {
    const inputId = `param-${name}`;
    const input = h('input', { id: inputId, name, 'aria-describedby': `${inputId}-error`, disabled: !session.mayAdminister(),
      maxlength: 10000, placeholder: `default ${text}` });
    return { name, value: sample(text), input, extra: true,
      error: h('p', { id: `${inputId}-error`, class: 'error', 'data-field-error': name, hidden: true }) };
  });
  const fields = params.map(([name, value]) => {
    const inputId = `param-${name}`;
    const structured = value !== null && typeof value === 'object';
    const input = h(structured ? 'textarea' : 'input', {
      id: inputId, name, 'aria-describedby': `${inputId}-error`, disabled: !session.mayAdminister(),
      maxlength: 10000, rows: structured ? 4 : null,
    });
    input.value = structured ? JSON.stringify(value) : String(value);
    return { name, value, input, error: h('p', { id: `${inputId}-error`, class: 'error', 'data-field-error': name, hidden: true }) };
  }).concat(extras);
  const formError = h('p', { class: 'error', role: 'alert', id: 'strategy-error', hidden: true });
  const saved = h('p', { role: 'status', id: 'strategy-saved' });
  const form = h('form', { id: 'parameters', onsubmit: (e) => { e.preventDefault(); save(); } },
    h('h2', {}, `Parameters (${s.type})`),
    ...fields.map((f) => h('div', { class: 'field' }, h('label', { for: f.input.id }, f.name,
      f.extra ? h('span', { class: 'hint' }, ' (not set: the default applies)') : null), f.input, f.error)),
    formError, saved,
    session.mayAdminister() ? h('button', { type: 'submit' }, 'Save parameters')
      : h('p', { class: 'hint' }, 'Only an admin token may change parameters.'));
  setChildren(card, h('p', {}, `Active: ${s.active ? 'yes' : 'no'} · running here: ${s.running ? 'yes' : 'no'}`
    + (s.problem ? ` · ${s.problem}` : '')), form);

  async function save() {
    fields.forEach((f) => { f.error.hidden = true; f.input.removeAttribute('aria-invalid'); });
    formError.hidden = true;
    saved.textContent = '';
    const sent = fields.filter((f) => !f.extra || f.input.value.trim());
    const body = `{"parameters":{${sent.map((f) => `${JSON.stringify(f.name)}:${encode(f)}`).join(',')}}}`;
    try {
      await put(`/api/v1/strategies/${encodeURIComponent(s.id)}/parameters`, body);
      saved.textContent = 'Saved.';
    } catch (e) {
      showProblems(e);
    }
  }

  function showProblems(e) {
    const problems = e instanceof ApiError && Array.isArray(e.problem.problems) ? e.problem.problems : [];
    const general = [];
    for (const p of problems) {
      const f = fields.find((x) => String(p).includes(`'${x.name}'`) || String(p).startsWith(`${x.name} `));
      if (f) {
        f.error.textContent = f.error.hidden ? p : `${f.error.textContent}\n${p}`;
        f.error.hidden = false;
        f.input.setAttribute('aria-invalid', 'true');
      } else general.push(p);
    }
    formError.textContent = general.length || !problems.length ? [e.message, ...general].join('\n') : e.message;
    formError.hidden = false;
  }
}

/** The JSON text of a field: numbers and booleans as written (decimals keep their exact text), else a string. */
function encode(f) {
  const text = f.input.value.trim();
  if (typeof f.value === 'number' && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return text;
  if (typeof f.value === 'boolean' && (text === 'true' || text === 'false')) return text;
  if (f.value !== null && typeof f.value === 'object') {
    try { return JSON.stringify(JSON.parse(text)); } catch { return JSON.stringify(text); }
  }
  return JSON.stringify(typeof f.value === 'string' ? f.input.value : text);
}
