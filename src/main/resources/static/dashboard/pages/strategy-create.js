// Admin: create a strategy (POST /api/v1/strategies). The type's parameters and defaults come from
// GET /api/v1/strategy-types; parameters are a JSON object (defaults apply to those left out). Every problem the API
// names is shown under the field it is about; nothing is stored unless the whole strategy is valid.
import { get, post, ApiError } from '../api.js';
import { h, setChildren } from '../dom.js';

const FIELDS = ['id', 'type', 'instruments', 'brokers', 'parameters'];

/** The field a problem message is about, or null for a general one. */
export function fieldOf(message) {
  const named = /^field '(\w+)/.exec(message);
  if (named && FIELDS.includes(named[1])) return named[1];
  if (/^instruments? /.test(message)) return 'instruments';
  if (/\bparameters?\b/.test(message)) return 'parameters';
  if (/strategy type/.test(message)) return 'type';
  if (/^strategy '.*' exists already/.test(message)) return 'id';
  return null;
}

export default function createForm(onCreated) {
  const inputs = {
    id: h('input', { id: 'new-id', maxlength: 100, required: true, placeholder: 'momentum_reliance' }),
    type: h('select', { id: 'new-type', required: true }),
    instruments: h('input', { id: 'new-instruments', maxlength: 4000, required: true, placeholder: '738561, 2953217' }),
    brokers: h('input', { id: 'new-brokers', maxlength: 100, value: 'paper' }),
    parameters: h('textarea', { id: 'new-parameters', rows: 4, maxlength: 10000 }),
  };
  const active = h('input', { type: 'checkbox', id: 'new-active' });
  const errors = Object.fromEntries(FIELDS.map((f) => [f, h('p', { id: `new-${f}-error`, class: 'error', 'data-field-error': f, hidden: true })]));
  Object.entries(inputs).forEach(([f, input]) => input.setAttribute('aria-describedby', `new-${f}-error`));
  const defaults = h('p', { class: 'hint', id: 'new-defaults' });
  const general = h('p', { class: 'error', role: 'alert', id: 'new-error', hidden: true });
  let types = [];
  const showDefaults = () => {
    const t = types.find((x) => x.type === inputs.type.value);
    defaults.textContent = t ? `Parameters of ${t.type} and their defaults: ${Object.entries(t.parameters || {})
      .map(([k, v]) => `${k} = ${v}`).join(', ') || 'none'}` : '';
  };
  inputs.type.addEventListener('change', showDefaults);
  get('/api/v1/strategy-types?size=500').then((page) => {
    types = page.items;
    setChildren(inputs.type, types.map((t) => h('option', { value: t.type }, t.type)));
    showDefaults();
  }).catch((e) => { general.textContent = e.message; general.hidden = false; });

  const field = (f, text, extra) => h('div', { class: 'field' }, h('label', { for: inputs[f].id }, text), inputs[f], extra, errors[f]);
  const form = h('form', { class: 'card', id: 'new-strategy', onsubmit: (e) => { e.preventDefault(); create(); } },
    h('h2', {}, 'New strategy'),
    field('id', 'Id (letters, digits, _ . -)'), field('type', 'Type'),
    field('instruments', 'Instrument tokens (comma-separated)'), field('brokers', 'Brokers (comma-separated)'),
    field('parameters', 'Parameters (JSON object; defaults apply to those left out)', defaults),
    h('p', {}, h('label', { for: 'new-active' }, active, ' active at once')),
    general, h('button', { type: 'submit' }, 'Create strategy'));

  async function create() {
    FIELDS.forEach((f) => { errors[f].hidden = true; errors[f].textContent = ''; inputs[f].removeAttribute('aria-invalid'); });
    general.hidden = true;
    const list = (text) => text.split(',').map((x) => x.trim()).filter(Boolean);
    const parameters = inputs.parameters.value.trim() || '{}';
    let parsed = null;
    try { parsed = JSON.parse(parameters); } catch { /* shown below */ }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      show(new ApiError(400, { detail: 'Not created.', problems: ['parameters must be a JSON object, e.g. {"lookback_periods": 20}'] }));
      return;
    }
    const body = `{"id":${JSON.stringify(inputs.id.value.trim())},"type":${JSON.stringify(inputs.type.value)},`
      + `"instruments":[${list(inputs.instruments.value).map((t) => (/^\d{1,18}$/.test(t) ? t : JSON.stringify(t))).join(',')}],`
      + `"brokers":${JSON.stringify(list(inputs.brokers.value))},"active":${active.checked},`
      + `"parameters":${parameters}}`; // the JSON as typed: decimals keep their exact text
    try {
      const created = await post('/api/v1/strategies', body);
      form.reset();
      inputs.brokers.value = 'paper';
      showDefaults();
      onCreated(created);
    } catch (e) {
      show(e);
    }
  }

  function show(e) {
    const problems = e instanceof ApiError && Array.isArray(e.problem.problems) ? e.problem.problems : [e.message];
    const rest = [];
    for (const p of problems) {
      const f = fieldOf(String(p));
      if (!f) { rest.push(p); continue; }
      errors[f].textContent = errors[f].textContent ? `${errors[f].textContent}\n${p}` : p;
      errors[f].hidden = false;
      inputs[f].setAttribute('aria-invalid', 'true');
    }
    general.textContent = [e.message, ...rest.filter((p) => p !== e.message)].join('\n');
    general.hidden = false;
  }
  return form;
}
