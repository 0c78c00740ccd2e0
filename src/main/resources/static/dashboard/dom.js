// Small DOM helpers: elements, tables, errors and the confirmation dialog.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

/** A table: columns are [heading, value(row), numeric?]. */
export function table(label, columns, rows, empty = 'None.') {
  if (!rows.length) return h('p', { class: 'hint' }, empty);
  return h('table', { 'aria-label': label },
    h('thead', {}, h('tr', {}, columns.map(([t, , num]) => h('th', { class: num ? 'num' : null, scope: 'col' }, t)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, columns.map(([t, f, num]) =>
      h('td', { class: num ? 'num' : null, 'data-label': t }, f(r)))))));
}

/** Replaces an element's children, leaving out null, undefined and false (as h does). */
export function setChildren(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c !== undefined && c !== null && c !== false));
}

export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, error.message || String(error));
}

/**
 * Asks for confirmation (and a reason when askReason), then runs action(reason). An error of the action is shown in
 * the dialog (its problem detail) and the dialog stays open. Resolves true when the action succeeded.
 */
export function confirmAction({ title, text, askReason, reasonLabel = 'Reason', action }) {
  const dialog = document.getElementById('confirm');
  const form = document.getElementById('confirm-form');
  const reason = document.getElementById('confirm-reason');
  const error = document.getElementById('confirm-error');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-reason-row').hidden = !askReason;
  document.getElementById('confirm-reason-label').textContent = reasonLabel;
  reason.required = !!askReason;
  reason.value = '';
  error.hidden = true;
  return new Promise((resolve) => {
    const done = (ok) => { form.onsubmit = null; document.getElementById('confirm-cancel').onclick = null; dialog.close(); resolve(ok); };
    document.getElementById('confirm-cancel').onclick = () => done(false);
    dialog.oncancel = () => done(false);
    form.onsubmit = async (e) => {
      e.preventDefault();
      try {
        await action(reason.value.trim());
        done(true);
      } catch (err) {
        error.textContent = err.message;
        error.hidden = false;
      }
    };
    dialog.showModal();
    (askReason ? reason : document.getElementById('confirm-ok')).focus();
  });
}
