// The live preview: a sandboxed frame with the render module's page. Design changes go in as CSS variables
// (no request); text typed into a field the page shows verbatim goes in at once; anything else is re-rendered
// by the server from the unsaved document (debounced) and swapped in. When that fails, the pane says the
// preview is out of date instead of pretending.
import { api } from '../api.js';

export class Preview extends EventTarget {
  constructor(frame, store, cfg) {
    super();
    this.frame = frame;
    this.store = store;
    this.tables = cfg.design;
    this.url = '/api/v1/cvs/' + cfg.cvId + '/preview';
    this.state = document.getElementById('preview-state');
    this.count = document.getElementById('page-count');
    this.template = store.local.altocv?.design?.templateId;
    this.ready = false;
    this.seq = 0;
    // the frame may have loaded (and said it was ready) before this module ran: ask again
    frame.addEventListener('load', () => frame.contentWindow.postMessage({ type: 'altocv:hello' }, '*'));
    frame.contentWindow.postMessage({ type: 'altocv:hello' }, '*');
    addEventListener('message', (e) => {
      if (e.source !== frame.contentWindow || !e.data) return;
      const d = e.data;
      if (d.type === 'altocv:ready') { this.ready = true; this.design(this.varsOf(store.local), null); }
      else if (d.type === 'altocv:layout') {
        const paper = d.paper === 'Letter' ? 'US Letter' : d.paper;
        this.count.textContent = d.pages + (d.pages === 1 ? ' page' : ' pages') + ', ' + paper;
      } else if (d.type === 'altocv:focus') this.dispatchEvent(new CustomEvent('focus', { detail: d.pointer }));
      else if (d.type === 'altocv:stale') this.render();
      else if (d.type === 'altocv:painted') this.dispatchEvent(new CustomEvent('painted', { detail: d }));
    });
  }

  post(m) { if (this.ready) this.frame.contentWindow.postMessage(m, '*'); }

  /** The CSS variables of a document's design. */
  varsOf(doc) {
    const d = (doc.altocv && doc.altocv.design) || {};
    const c = d.colors || {};
    const t = d.typography || {};
    const s = d.spacing || {};
    const v = {};
    if (c.primary) v['--cv-primary'] = c.primary;
    if (c.accent) v['--cv-accent'] = c.accent;
    if (c.text) v['--cv-text'] = c.text;
    if (c.background) v['--cv-background'] = c.background;
    const f = this.tables.fonts[t.fontPairing];
    if (f) { v['--cv-heading-font'] = f.heading; v['--cv-body-font'] = f.body; }
    if (t.headingSize != null) v['--cv-heading-size'] = t.headingSize + 'pt';
    if (t.bodySize != null) v['--cv-body-size'] = t.bodySize + 'pt';
    if (t.lineHeight != null) v['--cv-line-height'] = String(t.lineHeight);
    if (this.tables.density[s.density]) v['--cv-density'] = this.tables.density[s.density];
    if (s.sectionMargin != null) v['--cv-section-margin'] = s.sectionMargin + 'mm';
    if (s.contentPadding != null) v['--cv-page-margin'] = s.contentPadding + 'mm';
    const p = this.tables.paper[d.paper];
    if (p) { v['--cv-page-width'] = p.width; v['--cv-page-height'] = p.height; }
    return v;
  }

  /** Repaints design variables at once (no request); stamp times the change to its paint. */
  design(vars, stamp) {
    const paper = this.store.local.altocv?.design?.paper;
    this.post({ type: 'altocv:design', vars, paper, stamp });
  }

  /** A field's text changed: shown at once when the page shows it verbatim, and re-rendered shortly after. */
  text(pointer, old, text, stamp) {
    this.post({ type: 'altocv:text', pointer, old: old ?? '', text, stamp });
    if (this.since == null) this.since = stamp;
    this.render();
  }

  /** Re-renders the unsaved document on the server, soon (debounced), and swaps it in. */
  render(delay = 35) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.renderNow(), delay);
  }

  async renderNow(stamp) {
    const doc = this.store.local;
    const template = doc.altocv?.design?.templateId;
    const n = ++this.seq;
    const since = stamp ?? this.since;
    this.since = null;
    if (template !== this.template) {
      // another template has other styles: load a new page once the change is saved
      try { await this.store.settle(); } catch (e) { this.stale(e.message); return; }
      this.template = template;
      this.ready = false;
      this.frame.src = this.url + '?v=' + this.store.version;
      this.fresh();
      return;
    }
    try {
      const r = await api('POST', this.url, { json: { content: doc } });
      if (n !== this.seq) return;
      this.post({ type: 'altocv:body', html: r.body, stamp: since });
      this.design(this.varsOf(this.store.local), null);
      this.fresh();
    } catch (e) {
      if (n === this.seq) this.stale(e.status === 0 ? 'you are offline' : e.message);
    }
  }

  reload() {
    this.ready = false;
    this.template = this.store.local.altocv?.design?.templateId;
    this.frame.src = this.url + '?v=' + this.store.version;
  }

  stale(why) {
    this.state.textContent = 'Preview out of date: ' + why + '. Your edits are kept.';
    this.state.classList.add('stale');
  }

  fresh() {
    this.state.textContent = '';
    this.state.classList.remove('stale');
  }
}
