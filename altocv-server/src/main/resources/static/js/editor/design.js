// The design panel: every control is one design setting, repainted at once through CSS variables and saved as
// a patch (slider moves coalesce into one replace). Colours are checked against WCAG AA.
import { el } from '../api.js';

const DENSITY = ['compact', 'normal', 'relaxed'];
const SECTIONS = ['summary', 'work', 'education', 'skills', 'projects', 'certificates', 'awards', 'publications', 'volunteer',
  'languages', 'interests', 'references'];
const NAMES = { summary: 'Summary', work: 'Experience', education: 'Education', skills: 'Skills', projects: 'Projects',
  certificates: 'Certificates', awards: 'Awards', publications: 'Publications', volunteer: 'Volunteering',
  languages: 'Languages', interests: 'Interests', references: 'References' };

function lum(hex) {
  const n = parseInt(hex.slice(1), 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/** The WCAG contrast ratio of two #RRGGBB colours. */
export function contrast(a, b) {
  const x = lum(a);
  const y = lum(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

export class DesignPanel {
  constructor(root, store, preview, hooks) {
    this.root = root;
    this.store = store;
    this.preview = preview;
    this.hooks = hooks;
    root.addEventListener('input', (e) => this.onInput(e));
    root.addEventListener('change', (e) => { if (e.target.type === 'radio') this.onInput(e); });
    this.order = document.getElementById('section-order');
    this.order.addEventListener('keydown', (e) => this.orderKey(e));
  }

  get design() { return this.store.local.altocv.design; }

  sync() {
    const d = this.design;
    this.root.querySelectorAll('[data-design]').forEach((c) => {
      const path = c.dataset.design;
      let v = path.split('/').reduce((o, k) => (o == null ? o : o[k]), d);
      if (path === 'spacing/density') v = DENSITY.indexOf(v);
      if (c.type === 'radio') c.checked = c.value === v;
      else if (c.type === 'color') c.value = String(v).toLowerCase();
      else c.value = v;
      this.label(c);
    });
    this.checkContrast();
    this.renderOrder();
  }

  label(c) {
    if (c.type !== 'range') return;
    const out = document.getElementById('o-' + c.id.slice(2));
    const text = c.dataset.design === 'spacing/density' ? DENSITY[Number(c.value)] : c.value + (c.dataset.unit ? ' ' + c.dataset.unit : '');
    if (out) out.textContent = text;
    c.setAttribute('aria-valuetext', text);
  }

  onInput(e) {
    const c = e.target;
    const path = c.dataset.design;
    if (!path || (c.type === 'radio' && !c.checked)) return;
    let value = c.value;
    if (c.type === 'range') value = path === 'spacing/density' ? DENSITY[Number(c.value)] : Number(c.value);
    if (c.type === 'color') value = c.value.toUpperCase();
    this.label(c);
    const stamp = performance.timeOrigin + e.timeStamp;
    try {
      this.store.edit([{ op: 'replace', path: '/altocv/design/' + path, value }], { immediate: path === 'templateId' });
    } catch (x) {
      this.hooks.say('That setting could not be applied: ' + x.message);
      return;
    }
    if (path === 'templateId') this.preview.renderNow();
    else this.preview.design(this.preview.varsOf(this.store.local), stamp);
    if (path.startsWith('colors/')) this.checkContrast();
  }

  checkContrast() {
    const c = this.design.colors;
    const problems = [];
    const t = contrast(c.text, c.background);
    const p = contrast(c.primary, c.background);
    const a = contrast(c.accent, c.background);
    if (t < 4.5) problems.push('text on the background is ' + t.toFixed(1) + ':1 (needs 4.5:1)');
    if (p < 4.5) problems.push('the primary colour on the background is ' + p.toFixed(1) + ':1 (needs 4.5:1 for headings)');
    if (a < 3) problems.push('the accent colour on the background is ' + a.toFixed(1) + ':1 (needs 3:1)');
    const w = document.getElementById('contrast-warning');
    w.hidden = problems.length === 0;
    w.textContent = problems.length ? 'Hard to read (below WCAG AA): ' + problems.join('; ') + '.' : '';
  }

  present() {
    const doc = this.store.local;
    const have = (k) => (k === 'summary' ? !!(doc.basics && doc.basics.summary) : Array.isArray(doc[k]) && doc[k].length > 0);
    const custom = (doc.altocv.customSections || []).map((s) => s.id);
    const all = SECTIONS.concat(custom);
    const order = (this.design.layout.sectionOrder || []).filter((s) => all.includes(s));
    all.forEach((s) => { if (!order.includes(s)) order.push(s); });
    return { order, have, custom: doc.altocv.customSections || [] };
  }

  renderOrder() {
    const { order, have, custom } = this.present();
    const name = (s) => NAMES[s] || (custom.find((c) => c.id === s) || {}).title || s;
    const shown = order.filter((s) => have(s) || custom.some((c) => c.id === s));
    this.order.replaceChildren(...shown.map((s, i) => {
      const li = el('li', { tabindex: 0, draggable: 'true', 'data-section': s,
        'aria-label': name(s) + ', ' + (i + 1) + ' of ' + shown.length + '. Alt+Up or Alt+Down moves it.' }, el('span', { class: 'handle', 'aria-hidden': 'true' }, '⠿'), ' ', name(s));
      li.addEventListener('dragstart', (e) => { e.dataTransfer.setData('text/x-section', s); });
      li.addEventListener('dragover', (e) => { if ([...e.dataTransfer.types].includes('text/x-section')) e.preventDefault(); });
      li.addEventListener('drop', (e) => {
        e.preventDefault();
        const from = e.dataTransfer.getData('text/x-section');
        this.moveSection(from, shown.indexOf(s) - shown.indexOf(from), shown);
      });
      return li;
    }));
  }

  orderKey(e) {
    const li = e.target.closest('li[data-section]');
    if (!li || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const shown = [...this.order.children].map((x) => x.dataset.section);
    this.moveSection(li.dataset.section, e.key === 'ArrowUp' ? -1 : 1, shown);
  }

  moveSection(s, by, shown) {
    const i = shown.indexOf(s);
    const j = i + by;
    if (i < 0 || j < 0 || j >= shown.length || by === 0) return;
    const next = shown.slice();
    next.splice(i, 1);
    next.splice(j, 0, s);
    const rest = this.present().order.filter((x) => !next.includes(x));
    this.store.edit([{ op: 'replace', path: '/altocv/design/layout/sectionOrder', value: next.concat(rest) }], { coalesce: false });
    this.preview.render(0);
    this.renderOrder();
    this.order.querySelector('[data-section="' + CSS.escape(s) + '"]')?.focus();
    this.hooks.say('Moved ' + (NAMES[s] || s) + ' to position ' + (j + 1) + '.');
  }
}
