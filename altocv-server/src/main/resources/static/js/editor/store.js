// Autosave: edits apply locally at once and are sent as JSON Patch with If-Match, batched while typing. Edits
// not yet saved live in localStorage too, so an offline spell, an ended session or a closed tab loses nothing.
// Status: saved | saving | offline | conflict | error (a field the schema refuses; its text stays in the field).
import { api, renewSession, showBalance } from '../api.js';
import { apply, clone } from './model.js';

const DEBOUNCE = 400;

export class Store extends EventTarget {
  constructor(cfg) {
    super();
    this.cvId = cfg.cvId;
    this.base = cfg.content;
    this.version = cfg.version;
    this.canUndo = cfg.canUndo;
    this.canRedo = cfg.canRedo;
    this.pending = [];
    this.inflight = null;
    this.local = clone(this.base);
    this.state = 'saved';
    this.key = 'altocv:pending:' + this.cvId;
    this.retryDelay = 1000;
    this.channel = 'BroadcastChannel' in window ? new BroadcastChannel('altocv:' + this.cvId) : null;
    if (this.channel) this.channel.onmessage = (e) => this.emit('remote', e.data);
    addEventListener('online', () => this.flush());
    addEventListener('focus', () => { if (this.state === 'signed-out' || this.state === 'offline') this.retry(); });
    addEventListener('beforeunload', (e) => { if (this.dirty()) { this.persist(); e.preventDefault(); e.returnValue = ''; } });
  }

  emit(type, detail) { this.dispatchEvent(new CustomEvent(type, { detail })); }

  dirty() { return this.pending.length > 0 || this.inflight != null; }

  setState(s, info) {
    this.state = s;
    this.emit('state', { state: s, info, waiting: this.pending.length + (this.inflight ? this.inflight.length : 0) });
  }

  persist() {
    const ops = (this.inflight || []).concat(this.pending);
    try {
      if (ops.length) localStorage.setItem(this.key, JSON.stringify({ version: this.version, ops, at: Date.now() }));
      else localStorage.removeItem(this.key);
    } catch (e) { /* storage full or off: the edits stay in memory */ }
  }

  /** Edits left from an earlier visit (offline, signed out, closed): {version, ops} or null. */
  leftover() {
    try { return JSON.parse(localStorage.getItem(this.key) || 'null'); } catch (e) { return null; }
  }

  /** Applies operations locally and queues them; throws when they do not apply to the local document. */
  edit(ops, opts = {}) {
    this.local = apply(this.local, ops);
    for (const op of ops) {
      const last = this.pending[this.pending.length - 1];
      if (opts.coalesce !== false && last && last.path === op.path && (op.op === 'replace' || op.op === 'add')
        && (last.op === 'replace' || last.op === 'add') && !/\/-$/.test(op.path)
        && !(op.op === 'add' && /\/\d+$/.test(op.path))) {
        last.value = op.value;
      } else {
        this.pending.push(clone(op));
      }
    }
    this.persist();
    this.emit('change', { ops });
    if (this.state !== 'conflict' && this.state !== 'signed-out') this.setState('saving');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), opts.immediate ? 0 : DEBOUNCE);
  }

  async flush() {
    clearTimeout(this.timer);
    if (this.inflight || !this.pending.length || this.state === 'conflict') return;
    const batch = this.pending.splice(0);
    this.inflight = batch;
    this.setState('saving');
    try {
      const cv = await api('PATCH', '/api/v1/cvs/' + this.cvId, {
        json: { source: 'user', description: 'Edited in the editor', operations: batch }, ifMatch: this.version,
      });
      this.inflight = null;
      this.retryDelay = 1000;
      this.accept(cv, false);
      this.persist();
      if (this.pending.length) this.flush(); else this.setState('saved');
    } catch (e) {
      this.inflight = null;
      if (e.status === 422) {
        // the operation refused, or (index -1: the result broke the schema) the one a violation points into
        const violations = (e.details && e.details.violations) || [];
        let i = e.details && Number.isInteger(e.details.operationIndex) ? e.details.operationIndex : -1;
        if (i < 0) i = batch.findIndex((op) => violations.some((v) => v.pointer === op.path || v.pointer.startsWith(op.path + '/')));
        if (i < 0) i = batch.length - 1;
        const bad = batch[i];
        batch.splice(i, 1);
        this.pending = batch.concat(this.pending);
        this.local = this.rebuild();
        this.persist();
        this.emit('rejected', { op: bad, message: e.message, violations });
        this.setState('error', e.message);
        if (this.pending.length) this.flush();
        return;
      }
      this.pending = batch.concat(this.pending);
      this.persist();
      this.failed(e);
    }
  }

  failed(e) {
    if (e.status === 409 && e.code === 'version_conflict') {
      this.setState('conflict');
      this.emit('conflict', e.details);
    } else if (e.status === 401) {
      this.setState('signed-out');
    } else {
      this.setState('offline', e.message);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.retry(), this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, 30000);
    }
  }

  async retry() {
    if (this.state === 'signed-out' && !(await renewSession())) return;
    if (this.state !== 'conflict') {
      this.setState(this.dirty() ? 'saving' : 'saved');
      this.flush();
    }
  }

  rebuild() {
    let d = clone(this.base);
    const keep = [];
    for (const op of this.pending) {
      try { d = apply(d, [op]); keep.push(op); } catch (e) { this.emit('dropped', { op, message: e.message }); }
    }
    this.pending = keep;
    return d;
  }

  /** Takes a CV from the server as the new base (the answer to a save, an undo, an accepted edit...). */
  accept(cv, reset) {
    const newer = cv.version !== this.version;
    this.base = cv.content;
    this.version = cv.version;
    if (cv.canUndo != null) this.canUndo = cv.canUndo;
    if (cv.canRedo != null) this.canRedo = cv.canRedo;
    this.local = this.rebuild();
    if (newer && this.channel) this.channel.postMessage({ version: this.version });
    this.emit('saved', { version: this.version, reset });
    if (reset) this.emit('reset', {});
  }

  /** Waits until every edit is saved (before undo, an AI acceptance, a fix, an export). */
  async settle() {
    for (let n = 0; n < 200 && this.dirty(); n++) {
      if (!this.inflight) await this.flush();
      if (this.state === 'conflict' || this.state === 'offline' || this.state === 'signed-out' || this.state === 'error') break;
      if (this.inflight) await new Promise((r) => setTimeout(r, 50));
    }
    if (this.dirty()) throw new Error('Your latest edits are not saved yet (' + this.state + '): try again once they are.');
  }

  /** Runs a server change made against the current version (undo, redo, fix, acceptance) and takes its result. */
  async change(method, url, json) {
    await this.settle();
    const r = await api(method, url, { json, ifMatch: this.version });
    const cv = r.cv || r;
    this.accept(cv, true);
    this.setState('saved');
    if (r.balance != null) showBalance(r.balance);
    return r;
  }

  undo() { return this.change('POST', '/api/v1/cvs/' + this.cvId + '/undo'); }

  redo() { return this.change('POST', '/api/v1/cvs/' + this.cvId + '/redo'); }

  /** Reloads the CV from the server; pending edits are re-applied on top when keep is true, else dropped. */
  async reload(keep) {
    const cv = await api('GET', '/api/v1/cvs/' + this.cvId);
    if (!keep) this.pending = [];
    this.accept(cv, true);
    this.persist();
    this.setState(this.dirty() ? 'saving' : 'saved');
    if (this.dirty()) this.flush();
    return cv;
  }
}
