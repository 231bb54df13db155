// The content forms: one per section, items added, removed and reordered by drag or keyboard, every field an
// edit of one path. Text that the schema would refuse (too long, a malformed date) stays in the field, is kept
// in this browser and is not sent until it is fixed.
import { el } from '../api.js';
import { get, newId, segments } from './model.js';

const F = (key, label, kind = 'text') => ({ key, label, kind });
// the schema's date: a year 1000-2999, a month 01-12, a day the month has (February 29 in leap years only)
const DATE = /^[12]\d{3}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d))?|-(0[13-9]|1[0-2])-30|-(0[13578]|1[02])-31)?$/;

export const SECTIONS = [
  { key: 'work', title: 'Experience', prefix: 'w', top: true, noun: 'job',
    fields: [F('position', 'Job title'), F('name', 'Employer'), F('location', 'Location'), F('startDate', 'Start', 'date'),
      F('endDate', 'End (empty while current)', 'date'), F('url', 'Website', 'url'), F('summary', 'Description', 'area')],
    list: { key: 'highlights', label: 'Bullet', noun: 'bullet' } },
  { key: 'education', title: 'Education', prefix: 'e', top: true, noun: 'school',
    fields: [F('institution', 'School'), F('studyType', 'Degree'), F('area', 'Field of study'), F('startDate', 'Start', 'date'),
      F('endDate', 'End', 'date'), F('score', 'Grade')],
    list: { key: 'courses', label: 'Course', noun: 'course' } },
  { key: 'skills', title: 'Skills', prefix: 's', noun: 'skill group',
    fields: [F('name', 'Group'), F('level', 'Level')], list: { key: 'keywords', label: 'Skill', noun: 'skill', short: true } },
  { key: 'projects', title: 'Projects', prefix: 'pr', noun: 'project',
    fields: [F('name', 'Name'), F('description', 'Description', 'area'), F('startDate', 'Start', 'date'), F('endDate', 'End', 'date'),
      F('url', 'Website', 'url')], list: { key: 'highlights', label: 'Bullet', noun: 'bullet' } },
  { key: 'certificates', title: 'Certificates', prefix: 'c', noun: 'certificate',
    fields: [F('name', 'Name'), F('issuer', 'Issuer'), F('date', 'Date', 'date'), F('url', 'Website', 'url')] },
  { key: 'languages', title: 'Languages', prefix: 'l', noun: 'language', fields: [F('language', 'Language'), F('fluency', 'Fluency')] },
  { key: 'volunteer', title: 'Volunteering', prefix: 'v', top: true, noun: 'role',
    fields: [F('position', 'Role'), F('organization', 'Organisation'), F('startDate', 'Start', 'date'), F('endDate', 'End', 'date'),
      F('summary', 'Description', 'area')], list: { key: 'highlights', label: 'Bullet', noun: 'bullet' } },
  { key: 'awards', title: 'Awards', prefix: 'a', noun: 'award',
    fields: [F('title', 'Title'), F('awarder', 'Awarded by'), F('date', 'Date', 'date'), F('summary', 'Description', 'area')] },
  { key: 'publications', title: 'Publications', prefix: 'pub', noun: 'publication',
    fields: [F('name', 'Title'), F('publisher', 'Publisher'), F('releaseDate', 'Date', 'date'), F('url', 'Website', 'url'),
      F('summary', 'Description', 'area')] },
  { key: 'interests', title: 'Interests', prefix: 'i', noun: 'interest', fields: [F('name', 'Interest')],
    list: { key: 'keywords', label: 'Keyword', noun: 'keyword', short: true } },
  { key: 'references', title: 'References', prefix: 'r', noun: 'reference',
    fields: [F('name', 'Name'), F('reference', 'What they say', 'area')] },
];
const BASICS = [F('name', 'Full name'), F('label', 'Headline'), F('email', 'E-mail', 'email'), F('phone', 'Phone', 'tel'),
  F('url', 'Website', 'url'), F('location/city', 'City'), F('location/region', 'Region'), F('location/countryCode', 'Country code')];
const CUSTOM_ITEM = [F('title', 'Title'), F('subtitle', 'Subtitle'), F('location', 'Location'), F('startDate', 'Start', 'date'),
  F('endDate', 'End', 'date'), F('url', 'Website', 'url'), F('summary', 'Description', 'area')];
const PROFILE = [F('network', 'Network'), F('username', 'User name'), F('url', 'Address', 'url')];

let seq = 0;

export class Forms {
  constructor(root, store, cfg, hooks) {
    this.root = root;
    this.store = store;
    this.max = cfg.maxText;
    this.hooks = hooks;
    this.draftKey = 'altocv:drafts:' + cfg.cvId;
    try { this.drafts = JSON.parse(localStorage.getItem(this.draftKey) || '{}'); } catch (e) { this.drafts = {}; }
    root.addEventListener('input', (e) => this.onInput(e));
    root.addEventListener('keydown', (e) => this.onKey(e));
    store.addEventListener('rejected', (e) => this.showError(e.detail.op.path, 'Not saved: ' + e.detail.message));
  }

  get doc() { return this.store.local; }

  render() {
    const keep = document.activeElement && this.root.contains(document.activeElement) ? focusKey(document.activeElement) : null;
    this.root.replaceChildren(this.basics(), this.summary(), ...SECTIONS.map((s) => this.section(s)), this.custom());
    for (const [path, value] of Object.entries(this.drafts)) {
      const f = this.find(path);
      if (f) { f.value = value; this.validate(f); }
    }
    if (keep) this.refocus(keep);
  }

  refocus(k) {
    const f = this.root.querySelector(k);
    if (f) f.focus({ preventScroll: false });
  }

  find(path) { return this.root.querySelector('[data-path="' + CSS.escape(path) + '"]'); }

  field(path, spec, value) {
    const id = 'f' + ++seq;
    const area = spec.kind === 'area';
    const attrs = { id, 'data-path': path, 'data-kind': spec.kind, dir: 'auto', 'aria-describedby': id + '-e' };
    if (spec.kind === 'email' || spec.kind === 'url' || spec.kind === 'tel') attrs.inputmode = spec.kind;
    if (spec.kind === 'date') { attrs.placeholder = 'YYYY-MM'; attrs.inputmode = 'numeric'; }
    const input = area ? el('textarea', { ...attrs, rows: 3 }) : el('input', { ...attrs, type: 'text', autocomplete: 'off' });
    input.value = value ?? '';
    return el('div', { class: 'field' + (area ? ' wide' : '') }, el('label', { for: id }, spec.label), input,
      el('p', { class: 'field-error', id: id + '-e', hidden: true }));
  }

  basics() {
    const b = this.doc.basics || {};
    const sec = el('section', { class: 'sec', 'data-sec': 'basics', 'aria-labelledby': 'sec-basics' },
      el('h2', { id: 'sec-basics' }, 'Basics'),
      el('div', { class: 'grid' }, BASICS.map((f) => this.field('/basics/' + f.key, f, get(b, '/' + f.key)))));
    sec.append(this.items({ title: 'Profiles', prefix: 'pf', noun: 'profile', fields: PROFILE }, '/basics/profiles', b.profiles || [], 'h3'));
    return sec;
  }

  summary() {
    return el('section', { class: 'sec', 'data-sec': 'summary', 'aria-labelledby': 'sec-summary' },
      el('h2', { id: 'sec-summary' }, 'Summary'),
      this.field('/basics/summary', F('summary', 'A few lines about you', 'area'), (this.doc.basics || {}).summary));
  }

  section(spec) {
    const sec = el('section', { class: 'sec', 'data-sec': spec.key, 'aria-labelledby': 'sec-' + spec.key });
    sec.append(this.items(spec, '/' + spec.key, this.doc[spec.key] || [], 'h2'));
    return sec;
  }

  custom() {
    const list = get(this.doc, '/altocv/customSections') || [];
    const sec = el('section', { class: 'sec', 'data-sec': 'custom', 'aria-labelledby': 'sec-custom' },
      el('h2', { id: 'sec-custom' }, 'Custom sections'));
    list.forEach((cs) => {
      const path = '/altocv/customSections/[id=' + cs.id + ']';
      const box = el('div', { class: 'custom', 'data-item-path': path });
      box.append(el('div', { class: 'grid' }, this.field(path + '/title', F('title', 'Section title'), cs.title)),
        this.items({ title: cs.title || 'Items', prefix: 'ci', noun: 'entry', fields: CUSTOM_ITEM,
          list: { key: 'highlights', label: 'Bullet', noun: 'bullet' } }, path + '/items', cs.items || [], 'h3'),
        el('p', null, el('button', { type: 'button', class: 'danger small', onclick: () => this.structural(
          [{ op: 'remove', path }], null, 'Removed the section "' + (cs.title || '') + '".') }, 'Remove this section')));
      sec.append(box);
    });
    const id = 'f' + ++seq;
    const name = el('input', { id, type: 'text', dir: 'auto', placeholder: 'For example: Publications' });
    sec.append(el('div', { class: 'add-custom' }, el('label', { for: id }, 'New section title'), name,
      el('button', { type: 'button', class: 'secondary small', onclick: () => {
        const title = name.value.trim();
        if (!title) { name.focus(); this.hooks.say('Give the new section a title first.'); return; }
        const csId = newId(this.doc, 'cs');
        this.structural([{ op: 'add', path: '/altocv/customSections/-', value: { id: csId, title, items: [] } }],
          '[data-path="/altocv/customSections/[id=' + csId + ']/title"]');
      } }, 'Add section')));
    return sec;
  }

  items(spec, listPath, list, h) {
    const hid = 'h' + ++seq;
    const wrap = el('div', { class: 'items-wrap', 'data-list': listPath });
    wrap.append(el(h, { id: hid }, spec.title, ' ', el('span', { class: 'count' }, '(' + list.length + ')')));
    const ol = el('ol', { class: 'items', 'aria-labelledby': hid });
    list.forEach((item, i) => {
      const path = listPath + '/[id=' + item.id + ']';
      const name = itemName(item) || 'New ' + spec.noun;
      const li = el('li', { class: 'item', 'data-item-path': path, 'data-index': i });
      const handle = el('button', { type: 'button', class: 'handle', draggable: 'true', 'data-move': path,
        'aria-label': 'Move ' + name + ' (' + (i + 1) + ' of ' + list.length + '): Up and Down arrows' }, '⠿');
      li.append(el('div', { class: 'item-head' }, handle, el('span', { class: 'item-name', dir: 'auto' }, name),
        el('button', { type: 'button', class: 'link small', 'aria-label': 'Remove ' + name, onclick: () => {
          // focus goes to the item that takes its place, else the one before, else the Add button
          const next = list[i + 1] || list[i - 1];
          this.structural([{ op: 'remove', path }], next
            ? '[data-move="' + CSS.escape(listPath + '/[id=' + next.id + ']') + '"]'
            : '[data-add="' + CSS.escape(listPath) + '"]', 'Removed ' + name + '. Undo with Ctrl+Z.');
        } }, 'Remove')));
      li.append(el('div', { class: 'grid' }, spec.fields.map((f) => this.field(path + '/' + f.key, f, item[f.key]))));
      if (spec.list) li.append(this.strings(spec.list, path + '/' + spec.list.key, item[spec.list.key] || []));
      this.dnd(li, handle, listPath, i);
      ol.append(li);
    });
    wrap.append(ol, el('button', { type: 'button', class: 'secondary small add', 'data-add': listPath, onclick: () => {
      const id = newId(this.doc, spec.prefix);
      const at = spec.top ? listPath + '/0' : listPath + '/-';
      const first = spec.fields[0].key;
      const ops = [];
      if (get(this.doc, listPath) === undefined) ops.push({ op: 'add', path: listPath, value: [] });
      ops.push({ op: 'add', path: at, value: { id } });
      this.structural(ops, '[data-path="' + CSS.escape(listPath + '/[id=' + id + ']/' + first) + '"]');
    } }, 'Add ' + spec.noun));
    return wrap;
  }

  strings(spec, path, list) {
    const ol = el('ol', { class: spec.short ? 'strings short' : 'strings', 'aria-label': spec.label + 's' });
    list.forEach((s, i) => {
      const p = path + '/' + i;
      const f = this.field(p, F(String(i), spec.label + ' ' + (i + 1), spec.short ? 'text' : 'area'), s);
      const handle = el('button', { type: 'button', class: 'handle', draggable: 'true', 'data-move': p,
        'aria-label': 'Move ' + spec.noun + ' ' + (i + 1) + ': Up and Down arrows' }, '⠿');
      const li = el('li', { class: 'string', 'data-index': i }, handle, f,
        el('button', { type: 'button', class: 'link small', 'aria-label': 'Remove ' + spec.noun + ' ' + (i + 1),
          onclick: () => this.structural([{ op: 'test', path: p, value: s }, { op: 'remove', path: p }],
            list.length > 1 ? '[data-path="' + CSS.escape(path + '/' + Math.min(i, list.length - 2)) + '"]'
              : '[data-add="' + CSS.escape(path) + '"]',
            'Removed ' + spec.noun + ' ' + (i + 1) + '. Undo with Ctrl+Z.') }, 'Remove'));
      this.dnd(li, handle, path, i);
      ol.append(li);
    });
    const add = el('button', { type: 'button', class: 'secondary small add', 'data-add': path, onclick: () => {
      const ops = [];
      if (get(this.doc, path) === undefined) ops.push({ op: 'add', path, value: [] });
      ops.push({ op: 'add', path: path + '/-', value: '' });
      this.structural(ops, '[data-path="' + CSS.escape(path + '/' + list.length) + '"]');
    } }, 'Add ' + spec.noun);
    return el('div', { class: 'strings-wrap' }, ol, add);
  }

  dnd(li, handle, listPath, i) {
    handle.addEventListener('dragstart', (e) => {
      e.dataTransfer.setData('text/x-altocv', JSON.stringify({ listPath, i }));
      e.dataTransfer.effectAllowed = 'move';
      li.classList.add('dragging');
    });
    handle.addEventListener('dragend', () => li.classList.remove('dragging'));
    li.addEventListener('dragover', (e) => {
      if ([...e.dataTransfer.types].includes('text/x-altocv')) { e.preventDefault(); e.stopPropagation(); li.classList.add('drop'); }
    });
    li.addEventListener('dragleave', () => li.classList.remove('drop'));
    li.addEventListener('drop', (e) => {
      li.classList.remove('drop');
      let d;
      try { d = JSON.parse(e.dataTransfer.getData('text/x-altocv')); } catch (x) { return; }
      if (d.listPath !== listPath) return;
      e.preventDefault();
      e.stopPropagation();
      this.move(listPath, d.i, i);
    });
  }

  move(listPath, from, to) {
    const list = get(this.doc, listPath) || [];
    if (to < 0 || to >= list.length || from === to) return;
    const item = list[from];
    const isObj = item && typeof item === 'object';
    const src = listPath + '/' + (isObj ? '[id=' + item.id + ']' : from);
    const ops = isObj ? [] : [{ op: 'test', path: src, value: item }];
    ops.push({ op: 'move', from: src, path: listPath + '/' + to });
    const focus = isObj ? '[data-move="' + CSS.escape(listPath + '/[id=' + item.id + ']') + '"]'
      : '[data-move="' + CSS.escape(listPath + '/' + to) + '"]';
    this.structural(ops, focus, 'Moved to position ' + (to + 1) + ' of ' + list.length + '.');
  }

  /** An edit that changes the form's structure: applied, saved at once, the forms redrawn, focus kept. */
  structural(ops, focusSel, message) {
    try {
      this.store.edit(ops, { coalesce: false, immediate: true });
    } catch (e) {
      this.hooks.say('That change could not be made: ' + e.message);
      return;
    }
    this.render();
    this.hooks.preview();
    if (focusSel) this.refocus(focusSel);
    if (message) this.hooks.say(message);
  }

  onKey(e) {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const li = e.target.closest('.item,.string');
    if (!li || !(e.altKey || e.target.matches('[data-move]'))) return;
    const handle = li.querySelector(':scope > [data-move], :scope > .item-head > [data-move]');
    const mv = handle.dataset.move;
    const i = Number(li.dataset.index);
    e.preventDefault();
    this.move(mv.slice(0, mv.lastIndexOf('/')), i, i + (e.key === 'ArrowUp' ? -1 : 1));
  }

  onInput(e) {
    const f = e.target;
    const path = f.dataset && f.dataset.path;
    if (!path) return;
    if (!this.validate(f)) {
      this.drafts[path] = f.value;
      this.saveDrafts();
      this.hooks.invalid(true);
      return;
    }
    if (path in this.drafts) { delete this.drafts[path]; this.saveDrafts(); }
    this.hooks.invalid(this.root.querySelector('[aria-invalid="true"]') != null);
    const before = get(this.doc, path);
    const ops = opsFor(this.doc, path, f.value);
    if (!ops.length) return;
    try {
      this.store.edit(ops);
    } catch (x) {
      this.showError(path, 'Not saved: ' + x.message);
      return;
    }
    const name = f.closest('.item')?.querySelector('.item-name');
    if (name && f === f.closest('.item').querySelector('.grid [data-path]')) name.textContent = f.value || name.textContent;
    this.hooks.typed(path, before, f.value, e.timeStamp);
  }

  validate(f) {
    const v = f.value;
    let msg = '';
    if (v.length > this.max) {
      msg = 'This field holds at most ' + this.max.toLocaleString('en') + ' characters; it has ' + v.length.toLocaleString('en')
        + '. Shorten it to save it: until then your text stays here (and in this browser) but is not saved.';
    } else if (f.dataset.kind === 'date' && v !== '' && (!DATE.test(v.trim()) || !leapOk(v.trim()))) {
      msg = 'Write real dates as 2021, 2021-06 or 2021-06-15. Not saved until then.';
    } else if (/^\/altocv\/customSections\/\[id=[^\]]+\]\/title$/.test(f.dataset.path) && v.trim() === '') {
      msg = 'A custom section needs a title. Not saved until it has one.';
    }
    this.setError(f, msg);
    return !msg;
  }

  setError(f, msg) {
    const p = document.getElementById(f.getAttribute('aria-describedby'));
    if (msg) f.setAttribute('aria-invalid', 'true'); else f.removeAttribute('aria-invalid');
    if (p) { p.textContent = msg; p.hidden = !msg; }
  }

  showError(path, msg) {
    const f = this.find(path);
    if (f) this.setError(f, msg); else this.hooks.say(msg);
  }

  saveDrafts() {
    try {
      if (Object.keys(this.drafts).length) localStorage.setItem(this.draftKey, JSON.stringify(this.drafts));
      else localStorage.removeItem(this.draftKey);
    } catch (e) { /* kept in memory */ }
  }

  /** Focuses the field of a path (or its nearest item): a click in the preview lands here. */
  focusPath(pointer) {
    let p = pointer;
    while (p) {
      const f = this.find(p) || this.root.querySelector('[data-item-path="' + CSS.escape(p) + '"] [data-path]');
      if (f) {
        f.scrollIntoView({ block: 'center' });
        f.focus({ preventScroll: true });
        return true;
      }
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return false;
  }
}

function itemName(item) {
  return item.position || item.name || item.title || item.institution || item.language || item.organization || item.network || '';
}

/** February 29 only in a leap year. */
function leapOk(date) {
  if (!date.endsWith('-02-29')) return true;
  const y = Number(date.slice(0, 4));
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function focusKey(a) {
  if (a.dataset.path) return '[data-path="' + CSS.escape(a.dataset.path) + '"]';
  if (a.dataset.move) return '[data-move="' + CSS.escape(a.dataset.move) + '"]';
  if (a.dataset.add) return '[data-add="' + CSS.escape(a.dataset.add) + '"]';
  return null;
}

/** The operations that set a field to a value: add (or create its parents), replace a list entry, remove when empty. */
export function opsFor(doc, path, value) {
  const segs = segments(path);
  const last = segs[segs.length - 1];
  const parentPath = path.slice(0, path.lastIndexOf('/'));
  const current = get(doc, path);
  if (/^\d+$/.test(last) && Array.isArray(get(doc, parentPath))) {
    return current === value ? [] : [{ op: 'replace', path, value }];
  }
  if (value === '') return current === undefined ? [] : [{ op: 'remove', path }];
  if (current === value) return [];
  if (get(doc, parentPath) === undefined) {
    let p = parentPath;
    let v = { [last]: value };
    while (p && get(doc, p.slice(0, p.lastIndexOf('/'))) === undefined) {
      v = { [p.slice(p.lastIndexOf('/') + 1)]: v };
      p = p.slice(0, p.lastIndexOf('/'));
    }
    return [{ op: 'add', path: p, value: v }];
  }
  return [{ op: 'add', path, value }];
}
