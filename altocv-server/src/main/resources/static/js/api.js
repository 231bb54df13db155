// Shared helpers of the site's pages: JSON requests with the CSRF token, Server-Sent Events read with fetch,
// a small DOM builder, the live credits badge and a polite toast.

let csrfToken = document.querySelector('meta[name="csrf-token"]')?.content || '';

export function setCsrf(t) {
  csrfToken = t;
  const m = document.querySelector('meta[name="csrf-token"]');
  if (m) m.content = t;
}

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

async function send(method, url, opt) {
  const h = { Accept: opt.accept || 'application/json', ...(opt.headers || {}) };
  let body = opt.body;
  if (method !== 'GET') h['X-CSRF-Token'] = csrfToken;
  if (opt.json !== undefined) {
    h['Content-Type'] = 'application/json';
    body = JSON.stringify(opt.json);
  }
  if (opt.ifMatch != null) h['If-Match'] = '"' + opt.ifMatch + '"';
  try {
    return await fetch(url, { method, headers: h, body, credentials: 'same-origin', signal: opt.signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'offline', 'The server cannot be reached: you may be offline.');
  }
}

async function fail(r) {
  let e = {};
  try { e = (await r.json()).error || {}; } catch (x) { /* not JSON */ }
  return new ApiError(r.status, e.code || 'http_' + r.status, e.message || 'The server answered ' + r.status + '.',
    e.details);
}

/** A request; resolves to the JSON body (or null), rejects with an ApiError. A stale CSRF token is renewed once. */
export async function api(method, url, opt = {}) {
  let r = await send(method, url, opt);
  if (r.status === 403 && method !== 'GET') {
    const err = await fail(r);
    if (err.code !== 'csrf_required' || opt.retried || !(await renewSession())) throw err;
    return api(method, url, { ...opt, retried: true });
  }
  if (!r.ok) throw await fail(r);
  const type = r.headers.get('Content-Type') || '';
  return type.includes('json') ? r.json() : null;
}

/** Reads the session again (after signing in in another tab): true when signed in; updates token and credits. */
export async function renewSession() {
  try {
    const r = await fetch('/api/v1/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!r.ok) return false;
    const s = await r.json();
    setCsrf(s.csrfToken);
    showBalance(s.balance);
    return true;
  } catch (e) {
    return false;
  }
}

/** POSTs and reads the answer as Server-Sent Events; calls onEvent(type, data) for each. */
export async function stream(url, json, onEvent, signal) {
  const r = await send('POST', url, { json, accept: 'text/event-stream', signal });
  if (!r.ok) throw await fail(r);
  const reader = r.body.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += dec.decode(value, { stream: true });
    let i;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      let type = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) {
        let d;
        try { d = JSON.parse(data.join('\n')); } catch (e) { d = data.join('\n'); }
        onEvent(type, d);
      }
    }
  }
}

/** Follows a job's progress events until done or failed; resolves with the final job. */
export function followJob(job, onProgress) {
  return new Promise((resolve, reject) => {
    const es = new EventSource(job.events || '/api/v1/jobs/' + job.id + '/events');
    let settled = false;
    const end = async (failed, data) => {
      if (settled) return;
      settled = true;
      es.close();
      try {
        const j = await api('GET', '/api/v1/jobs/' + job.id);
        if (failed || j.status === 'failed') reject(new ApiError(0, 'job_failed', (data && data.message) || j.error || 'The job failed.'));
        else resolve(j);
      } catch (e) { reject(e); }
    };
    const progress = (ev) => { try { onProgress(JSON.parse(ev.data), ev.type); } catch (e) { /* ignore */ } };
    ['queued', 'started', 'progress', 'retrying'].forEach((t) => es.addEventListener(t, progress));
    es.addEventListener('done', (ev) => { progress(ev); end(false); });
    es.addEventListener('failed', (ev) => { let d; try { d = JSON.parse(ev.data); } catch (e) { d = {}; } end(true, d); });
    es.onerror = () => { if (es.readyState === EventSource.CLOSED) end(false); };
  });
}

/** Builds an element: el('p', {class: 'x', onclick: f}, 'text', child). Text is never parsed as HTML. */
export function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids.flat()) if (k != null && k !== false) e.append(k instanceof Node ? k : String(k));
  return e;
}

/** Shows a credit balance in every badge of the page. */
export function showBalance(n) {
  if (n == null) return;
  document.querySelectorAll('[data-credits]').forEach((b) => {
    b.textContent = n + ' credits';
    b.setAttribute('aria-label', 'Credits: ' + n);
  });
  document.querySelectorAll('[data-credits-text]').forEach((b) => { b.textContent = n + ' credits'; });
  document.dispatchEvent(new CustomEvent('altocv:balance', { detail: n }));
}

export async function refreshBalance() {
  try { showBalance((await api('GET', '/api/v1/session')).balance); } catch (e) { /* shown later */ }
}

let toastTimer;
/** A short message in the page's toast region, optionally with one action button. */
/** Shows a message, with an optional action button (returned, so a caller can move focus to it). */
export function toast(message, action, onAction) {
  const t = document.getElementById('toast');
  if (!t) return;
  clearTimeout(toastTimer);
  t.replaceChildren(el('span', null, message));
  let button = null;
  if (action) {
    button = el('button', { type: 'button', class: 'small', onclick: () => { t.replaceChildren(); onAction(); } }, action);
    t.append(button);
  }
  t.classList.add('shown');
  const hide = () => {
    // a toast someone is using (focus or pointer on it) waits until they leave it
    if (t.contains(document.activeElement) || t.matches(':hover')) { toastTimer = setTimeout(hide, 2000); return; }
    t.classList.remove('shown');
    t.replaceChildren();
  };
  toastTimer = setTimeout(hide, action ? 12000 : 5000);
  return button;
}

/** The message for an error a person should read. */
export function explain(e) {
  if (e.status === 402) {
    return 'Not enough credits: this costs ' + (e.details.cost ?? '?') + ' and you have ' + (e.details.balance ?? 0) + '.';
  }
  if (e.status === 401) return 'Your session has ended: sign in again.';
  return e.message || String(e);
}
