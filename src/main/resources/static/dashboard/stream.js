// The live stream GET /api/v1/stream, read with fetch so the token travels in the Authorization header (EventSource
// cannot send one, and a token in the URL would end up in logs). A lost connection shows the banner and reconnects
// with Last-Event-ID, so the events missed meanwhile are delivered first.

const listeners = new Map();
let controller = null;
let lastEventId = null;

export function on(name, handler) {
  if (!listeners.has(name)) listeners.set(name, new Set());
  listeners.get(name).add(handler);
  return () => listeners.get(name).delete(handler);
}

export function start(token) {
  stop();
  controller = new AbortController();
  run(token, controller.signal);
}

export function stop() {
  if (controller) controller.abort();
  controller = null;
  lastEventId = null;
  banner(false);
}

function banner(lost) {
  document.getElementById('stream-banner').hidden = !lost;
}

async function run(token, signal) {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      await connect(token, signal, () => { delay = 1000; banner(false); });
    } catch (e) {
      if (signal.aborted) return;
    }
    if (signal.aborted) return;
    banner(true);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 15000);
  }
}

async function connect(token, signal, connected) {
  const headers = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const response = await fetch('/api/v1/stream', { headers, signal, cache: 'no-store' });
  if (response.status === 401) {
    window.dispatchEvent(new Event('signed-out'));
    return;
  }
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  connected();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let m;
    while ((m = /\r?\n\r?\n/.exec(buffer))) {
      const block = buffer.slice(0, m.index);
      buffer = buffer.slice(m.index + m[0].length);
      dispatch(block);
    }
  }
}

function dispatch(block) {
  let id = null; let name = 'message'; const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'event') name = value;
    else if (field === 'data') data.push(value);
  }
  if (!data.length) return;
  if (id) lastEventId = id;
  let payload;
  try { payload = JSON.parse(data.join('\n')); } catch { return; }
  for (const handler of listeners.get(name) || []) handler(payload);
}
