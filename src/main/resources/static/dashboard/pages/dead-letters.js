// Dead letters: a filterable list (status, topic), one dead letter's detail (its error and decoded payload), and for
// operators: replay one, bulk replay of a topic and time range with a dry-run preview first, purge the older ones.
// Every action asks for confirmation.
import { get, post, session } from '../api.js';
import { h, table, errorBox, confirmAction, setChildren } from '../dom.js';
import { time, count } from '../format.js';

const enc = encodeURIComponent;

export default function deadLetters(root, [id]) {
  return id ? detail(root, id) : list(root);
}

function list(root) {
  const status = h('select', { id: 'dlq-status' }, ['pending', 'replayed', 'purged', ''].map((s) =>
    h('option', { value: s }, s || 'any')));
  const topic = h('input', { id: 'dlq-topic', maxlength: 249, placeholder: 'e.g. paper.orders.filled' });
  const body = h('div', { class: 'card', id: 'dead-letters' });
  const message = h('p', { role: 'status', id: 'dlq-message' });
  const filters = h('form', { class: 'actions', id: 'dlq-filter', onsubmit: (e) => { e.preventDefault(); load(); } },
    h('label', { for: 'dlq-status' }, 'Status'), status, h('label', { for: 'dlq-topic' }, 'Topic'), topic,
    h('button', { type: 'submit' }, 'Filter'));
  root.append(h('h1', {}, 'Dead letters'), filters, message, body);
  if (session.mayOperate()) root.append(bulkReplay(message, () => load()), purge(message, () => load()));

  async function load() {
    const params = new URLSearchParams({ size: '100' });
    if (status.value) params.set('status', status.value);
    if (topic.value.trim()) params.set('topic', topic.value.trim());
    try {
      const page = await get(`/api/v1/dlq?${params}`);
      setChildren(body, h('p', { class: 'hint' }, `${count(page.total)} matching`), table('Dead letters', [
        ['Dead-lettered', (d) => h('a', { href: `#/dead-letters/${enc(d.id)}` }, time(d.deadLetteredAt))],
        ['Topic', (d) => d.originalTopic], ['Key', (d) => d.key || ''],
        ['Reason', (d) => d.reason], ['Service', (d) => d.service || ''], ['Error', (d) => d.errorMessage || ''],
        ['Status', (d) => h('span', { 'data-dlq-status': d.id }, d.status)], ['Replays', (d) => d.replayCount, true],
        ...(session.mayOperate() ? [['', (d) => replayButton(d, (text) => { message.textContent = text; load(); })]] : []),
      ], page.items, 'No dead letters match.'));
    } catch (e) {
      setChildren(body, errorBox(e));
    }
  }

  load();
  return null;
}

function replayButton(d, report) {
  if (String(d.status).toLowerCase() === 'purged') return '';
  return h('button', {
    type: 'button', 'data-replay': d.id,
    onclick: () => confirmAction({
      title: 'Replay dead letter', text: `Republish it to ${d.originalTopic}?`,
      action: () => post(`/api/v1/dlq/${enc(d.id)}/replay`),
    }).then((done) => { if (done) report(`Replayed ${d.id}.`); }),
  }, 'Replay');
}

/** An instant from a datetime-local field read as IST (the times shown are IST). */
function ist(input) {
  if (!input.value) return null;
  const local = input.value.length === 16 ? `${input.value}:00` : input.value; // minutes only, or with seconds
  return new Date(`${local}+05:30`).toISOString();
}

function istField(fieldId, text) {
  const input = h('input', { id: fieldId, type: 'datetime-local', step: 1, required: true });
  return [input, h('div', { class: 'field' }, h('label', { for: fieldId }, text), input)];
}

/** Bulk replay: a dry run first shows how many pending dead letters match; then the replay itself, confirmed. */
function bulkReplay(message, reload) {
  const topic = h('input', { id: 'bulk-topic', maxlength: 249, required: true, placeholder: 'e.g. paper.orders.filled' });
  const reason = h('input', { id: 'bulk-reason', maxlength: 100, placeholder: 'any' });
  const [from, fromField] = istField('bulk-from', 'Dead-lettered from (IST)');
  const [to, toField] = istField('bulk-to', 'to (IST)');
  const preview = h('div', { id: 'bulk-preview', role: 'status' });
  const request = (dryRun) => {
    const body = { topic: topic.value.trim(), from: ist(from), to: ist(to), dryRun };
    if (reason.value.trim()) body.reason = reason.value.trim();
    return post('/api/v1/dlq/replay', body);
  };
  const form = h('form', {
    class: 'card', id: 'bulk-replay',
    onsubmit: async (e) => {
      e.preventDefault();
      setChildren(preview);
      let dry;
      try {
        dry = await request(true);
      } catch (err) {
        setChildren(preview, errorBox(err));
        return;
      }
      const ids = dry.ids || [];
      setChildren(preview, 
        h('p', { id: 'bulk-matched' }, `Dry run: ${count(dry.matched)} pending dead letter${dry.matched === 1 ? '' : 's'} would be replayed.`),
        ids.length ? h('ul', { class: 'ids' }, ids.slice(0, 20).map((x) => h('li', {}, h('a', { href: `#/dead-letters/${enc(x)}` }, x)))) : null,
        dry.matched ? h('button', {
          type: 'button', id: 'bulk-replay-run', class: 'primary',
          onclick: () => {
            let result = null;
            confirmAction({
              title: 'Replay dead letters', text: `Republish the ${count(dry.matched)} matching dead letters to ${topic.value.trim()}?`,
              action: async () => { result = await request(false); },
            }).then((done) => {
              if (!done) return;
              setChildren(preview);
              message.textContent = `Replayed ${count(result.replayed)} of ${count(result.matched)} (${count(result.failed)} failed).`;
              reload();
            });
          },
        }, `Replay ${count(dry.matched)}`) : null);
    },
  }, h('h2', {}, 'Bulk replay'),
  h('p', { class: 'hint' }, 'Pending dead letters of one topic, dead-lettered in a time range (and with a reason). Preview first.'),
  h('div', { class: 'grid' }, h('div', { class: 'field' }, h('label', { for: 'bulk-topic' }, 'Topic'), topic),
    h('div', { class: 'field' }, h('label', { for: 'bulk-reason' }, 'Reason (optional)'), reason), fromField, toField),
  h('button', { type: 'submit', id: 'bulk-preview-run' }, 'Preview (dry run)'), preview);
  return form;
}

/** Purge: delete from Kafka and mark purged every dead letter older than a past time, after confirming. */
function purge(message, reload) {
  const [before, beforeField] = istField('purge-before', 'Dead-lettered before (IST)');
  return h('form', {
    class: 'card', id: 'purge',
    onsubmit: async (e) => {
      e.preventDefault();
      const olderThan = ist(before);
      let older;
      try {
        const [all, purged] = await Promise.all([get(`/api/v1/dlq?to=${enc(olderThan)}&size=1`),
          get(`/api/v1/dlq?to=${enc(olderThan)}&status=purged&size=1`)]);
        older = all.total - purged.total;
      } catch (err) {
        message.textContent = err.message;
        return;
      }
      let result = null;
      const done = await confirmAction({
        title: 'Purge dead letters',
        text: `Delete the ${count(older)} dead letters not purged yet, dead-lettered before ${time(olderThan)} from Kafka? This cannot be undone.`,
        action: async () => { result = await post('/api/v1/dlq/purge', { olderThan }); },
      });
      if (!done) return;
      message.textContent = `Purged ${count(result.purged)} dead letters.`;
      reload();
    },
  }, h('h2', {}, 'Purge'), beforeField, h('button', { type: 'submit', id: 'purge-run' }, 'Purge…'));
}

function detail(root, id) {
  const card = h('div', { class: 'card', id: 'dead-letter' });
  const message = h('p', { role: 'status', id: 'dlq-message' });
  root.append(h('p', {}, h('a', { href: '#/dead-letters' }, '← All dead letters')), h('h1', {}, 'Dead letter'), message, card);
  const load = () => get(`/api/v1/dlq/${enc(id)}`).then((d) => {
    const rows = [['Id', d.id], ['Status', d.status], ['Original topic', `${d.originalTopic} [${d.originalPartition ?? '?'}] @ ${d.originalOffset ?? '?'}`],
      ['Key', d.key || ''], ['Reason', d.reason], ['Service', d.service || ''], ['Consumer group', d.consumerGroup || ''],
      ['Broker', d.broker || ''], ['Correlation id', d.correlationId || ''], ['Attempts', count(d.attempts)],
      ['Dead-lettered', time(d.deadLetteredAt)], ['Replays', count(d.replayCount)], ['Last replayed', time(d.lastReplayedAt)],
      ['Replay of', d.replayOf || '']];
    const payload = d.payload !== undefined ? JSON.stringify(d.payload, null, 2) : (d.valueText ?? `(binary) ${d.valueBase64 || ''}`);
    setChildren(card, 
      h('dl', { class: 'facts' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      h('h2', {}, 'Error'), h('p', { class: 'error', id: 'dlq-error' }, [d.errorClass, d.errorMessage].filter(Boolean).join(': ') || '—'),
      h('h2', {}, 'Payload (decoded)'), h('pre', { id: 'dlq-payload' }, payload),
      h('h2', {}, 'Headers'), table('Headers', [['Name', (x) => x.name], ['Value', (x) => x.value ?? '(binary)']], d.headers || []),
      session.mayOperate() ? h('p', { class: 'actions' }, replayButton(d, (text) => { message.textContent = text; load(); })) : null);
  }).catch((e) => setChildren(card, errorBox(e)));
  load();
  return null;
}
