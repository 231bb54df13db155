// The editor at /editor/{cvId}: three panes (content and assistant, live preview, design), autosave with a
// visible status, undo/redo, conflicts resolved by the person, and nothing lost offline or signed out.
import { el, explain, showBalance } from '../api.js';
import { apply, diff, label } from './model.js';
import { Store } from './store.js';
import { Forms } from './forms.js';
import { Preview } from './preview.js';
import { DesignPanel } from './design.js';
import { Assistant, diffView } from './assistant.js';
import { Ats, Exporter, History, Match } from './panels.js';

const cfg = JSON.parse(document.getElementById('editor-config').textContent);
const $ = (id) => document.getElementById(id);
const store = new Store(cfg);
const statusEl = $('save-status');
const banner = $('banner');
const live = el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
document.body.append(live, el('div', { id: 'toast', class: 'toast', role: 'status', 'aria-live': 'polite' }));

function say(message) {
  live.textContent = '';
  setTimeout(() => { live.textContent = message; }, 30);
  const t = $('toast');
  t.textContent = message;
  t.classList.add('shown');
  clearTimeout(say.timer);
  say.timer = setTimeout(() => t.classList.remove('shown'), 5000);
}

const preview = new Preview($('preview'), store, cfg);
let invalid = false;
const hooks = {
  say,
  focus: (p) => { selectTab('content'); showPane('pane-left'); if (!forms.focusPath(p)) say('That field is not in the form.'); },
  changed: () => { forms.render(); design.sync(); preview.renderNow(); },
  typed: (path, before, after, at) => preview.text(path, before, after, performance.timeOrigin + at),
  // a section added or removed changes the design panel's section order too
  preview: () => { preview.render(0); design.renderOrder(); },
  invalid: (on) => { invalid = on; status(store.state); },
};
const forms = new Forms($('forms'), store, cfg, hooks);
const design = new DesignPanel(document.querySelector('#pane-design .design'), store, preview, hooks);
const assistant = new Assistant(cfg, store, hooks);
new Ats(cfg, store, hooks);
new Match(cfg, store, assistant, hooks);
const history = new History(cfg, store, hooks);
new Exporter(cfg, store, hooks);

// ---- status ----
const TEXT = { saved: 'Saved', saving: 'Saving...', offline: 'Offline', conflict: 'Conflict', error: 'Not saved', 'signed-out': 'Signed out' };
function status(s, info) {
  const waiting = store.pending.length + (store.inflight ? store.inflight.length : 0);
  let state = s === 'signed-out' ? 'offline' : s;
  let text = TEXT[s] || s;
  if (s === 'offline') text = 'Offline: ' + waiting + ' edit' + (waiting === 1 ? '' : 's') + ' waiting';
  if (s === 'saved' && invalid) { state = 'error'; text = 'A field needs attention: not saved'; }
  if (s === 'saved') text = invalid ? text : 'Saved (version ' + store.version + ')';
  statusEl.dataset.state = state;
  statusEl.textContent = text;
  $('undo').disabled = !store.canUndo && !store.dirty();
  $('redo').disabled = !store.canRedo;
  if (s === 'signed-out') {
    showBanner(el('span', null, 'Your session has ended. Your unsaved edits are kept in this browser. ',
      el('a', { href: '/signin?reason=expired', target: '_blank', rel: 'noopener', 'data-testid': 'signin-again' }, 'Sign in again'),
      ' (in a new tab), then come back here: saving resumes by itself. ',
      el('button', { type: 'button', class: 'small', onclick: () => store.retry() }, 'I have signed in')));
  } else if (s === 'offline') {
    showBanner(el('span', null, 'You are offline or the server cannot be reached. Keep working: your edits are kept and '
      + 'saved when the connection returns.'));
    preview.stale('you are offline');
  } else if (s === 'error' && info) {
    showBanner(el('span', null, info));
  } else if (s === 'saved' || s === 'saving') {
    if (banner.dataset.kind !== 'remote') hideBanner();
  }
}
function showBanner(content, kind = 'state') { banner.replaceChildren(content); banner.hidden = false; banner.dataset.kind = kind; }
function hideBanner() { banner.hidden = true; banner.replaceChildren(); delete banner.dataset.kind; }
store.addEventListener('state', (e) => status(e.detail.state, e.detail.info));
store.addEventListener('saved', () => { status(store.state); if (!$('tab-history').hidden) history.load(); });
store.addEventListener('reset', () => { forms.render(); design.sync(); });
store.addEventListener('dropped', (e) => say('An edit no longer applies and was set aside: ' + e.detail.message));

// ---- conflicts (another tab or device saved first) ----
const dialog = $('conflict-dialog');
store.addEventListener('conflict', async () => {
  let theirs;
  try {
    theirs = await (await fetch('/api/v1/cvs/' + cfg.cvId, { headers: { Accept: 'application/json' } })).json();
  } catch (e) { status('offline'); return; }
  const mine = store.pending.concat(store.inflight || []);
  const changed = diff(store.base, theirs.content);
  $('conflict-text').textContent = 'Version ' + theirs.version + ' was saved somewhere else (another tab or device) '
    + 'while you had ' + mine.length + ' unsaved edit' + (mine.length === 1 ? '' : 's') + '. Changed there:';
  $('conflict-diff').replaceChildren(...changed.slice(0, 50).map((r) =>
    el('div', { class: 'row' }, el('p', { class: 'where' }, label(theirs.content, r.path)), diffView(r.before, r.after))));
  $('conflict-mine-text').value = mine.filter((o) => o.op !== 'test').map((o) => label(store.local, o.path) + ': '
    + (o.op === 'remove' ? '(removed)' : typeof o.value === 'object' ? JSON.stringify(o.value) : o.value)).join('\n');
  dialog.theirs = theirs;
  if (!dialog.open) dialog.showModal();
});
$('conflict-mine').addEventListener('click', () => {
  const theirs = dialog.theirs;
  dialog.close();
  store.state = 'saving';
  store.accept(theirs, true);
  store.persist();
  say('Your edits are applied on top of version ' + theirs.version + '.');
  store.flush();
  preview.renderNow();
});
$('conflict-theirs').addEventListener('click', async () => {
  const text = $('conflict-mine-text').value;
  let copied = text === '';
  if (!copied && !dialog.copyConfirmed) {
    try { await navigator.clipboard.writeText(text); copied = true; } catch (e) { copied = false; }
    if (!copied) {
      // no clipboard (plain http, or permission refused): never drop the edits unseen; let the person copy them
      const area = $('conflict-mine-text');
      area.focus();
      area.select();
      $('conflict-hint').textContent = 'Your edits could not be copied to the clipboard. They are selected below: '
        + 'copy them (Ctrl+C), then press "Use the other version" again.';
      dialog.copyConfirmed = true;
      return;
    }
  }
  dialog.copyConfirmed = false;
  dialog.close();
  store.pending = [];
  store.inflight = null;
  store.state = 'saved';
  store.accept(dialog.theirs, true);
  store.persist();
  status('saved');
  say('Now showing version ' + dialog.theirs.version + '.' + (copied ? (text ? ' Your edits were copied to the clipboard.' : '')
    : ' Your edits were left for you to copy.'));
  preview.renderNow();
});
dialog.addEventListener('cancel', (e) => {
  // Escape cannot dismiss it: the edits need a decision; say so instead of doing nothing
  e.preventDefault();
  say('Choose one: keep your edits on top of the other version, or use the other version.');
});

store.addEventListener('remote', async (e) => {
  if (e.detail.version <= store.version) return;
  if (store.dirty()) {
    showBanner(el('span', null, 'This CV was just saved in another tab. Your next save will ask which version to keep.'), 'remote');
    return;
  }
  try {
    await store.reload(false);
    preview.renderNow();
    showBanner(el('span', null, 'Updated with the changes saved in another tab (version ' + store.version + ').'), 'remote');
    setTimeout(() => { if (banner.dataset.kind === 'remote') hideBanner(); }, 8000);
  } catch (x) { /* the next save reports it */ }
});

// ---- undo / redo ----
async function undoRedo(redo) {
  // the server's answer is known when nothing is waiting to be saved (saving may make an undo possible)
  if (!store.dirty() && (redo ? store.canRedo === false : store.canUndo === false)) {
    say(redo ? 'Nothing to redo.' : 'Nothing to undo.');
    return;
  }
  try {
    await (redo ? store.redo() : store.undo());
    preview.renderNow();
    say(redo ? 'Redone.' : 'Undone.');
  } catch (e) {
    say(e.status === 409 && e.code === 'conflict' ? (redo ? 'Nothing to redo.' : 'Nothing to undo.') : explain(e));
  }
}
$('undo').addEventListener('click', () => undoRedo(false));
$('redo').addEventListener('click', () => undoRedo(true));
document.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const k = e.key.toLowerCase();
  if (k === 'z' || k === 'y') {
    if (e.target.closest && e.target.closest('#chat-form, #match-form, dialog')) return;
    e.preventDefault();
    undoRedo(k === 'y' || e.shiftKey);
  }
});

// ---- panes: tabs, resizing, collapsing, one pane at a time on narrow screens ----
const tabs = [...document.querySelectorAll('#pane-left [role="tab"]')];
function selectTab(name) {
  for (const t of tabs) {
    const on = t.id === 't-' + name;
    t.setAttribute('aria-selected', on);
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  if (name === 'history') history.load();
  if (name === 'chat') assistant.load();
}
tabs.forEach((t, i) => {
  t.addEventListener('click', () => selectTab(t.id.slice(2)));
  t.addEventListener('keydown', (e) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!d) return;
    const n = tabs[(i + d + tabs.length) % tabs.length];
    n.focus();
    selectTab(n.id.slice(2));
  });
});
const paneTabs = [...document.querySelectorAll('[data-pane-tab]')];
function showPane(id) {
  for (const t of paneTabs) {
    const on = t.dataset.paneTab === id;
    t.setAttribute('aria-selected', on);
    t.tabIndex = on ? 0 : -1; // one Tab stop for the tab list; arrows move between the tabs
    $(t.dataset.paneTab).classList.toggle('narrow-shown', on);
  }
}
paneTabs.forEach((t, i) => {
  t.addEventListener('click', () => showPane(t.dataset.paneTab));
  t.addEventListener('keydown', (e) => {
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: paneTabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = paneTabs[(to + paneTabs.length) % paneTabs.length];
    showPane(next.dataset.paneTab);
    next.focus();
  });
});
showPane('pane-left');

const panes = $('panes');
const sizes = JSON.parse(localStorage.getItem('altocv:panes') || '{"left":32,"right":24}');
function layout() {
  panes.style.setProperty('--left', sizes.left + '%');
  panes.style.setProperty('--right', sizes.right + '%');
  document.querySelectorAll('.gutter').forEach((g) => g.setAttribute('aria-valuenow', Math.round(sizes[g.dataset.resize])));
  localStorage.setItem('altocv:panes', JSON.stringify(sizes));
}
layout();
document.querySelectorAll('.gutter').forEach((g) => {
  const which = g.dataset.resize;
  const set = (v) => { sizes[which] = Math.max(15, Math.min(60, v)); layout(); };
  g.addEventListener('keydown', (e) => {
    const d = e.key === 'ArrowLeft' ? -2 : e.key === 'ArrowRight' ? 2 : 0;
    if (d) { e.preventDefault(); set(sizes[which] + (which === 'left' ? d : -d)); }
  });
  g.addEventListener('pointerdown', (e) => {
    g.setPointerCapture(e.pointerId);
    const box = panes.getBoundingClientRect();
    const move = (m) => {
      const pct = ((m.clientX - box.left) / box.width) * 100;
      set(which === 'left' ? pct : 100 - pct);
    };
    g.addEventListener('pointermove', move);
    g.addEventListener('pointerup', () => g.removeEventListener('pointermove', move), { once: true });
  });
});
document.querySelectorAll('[data-collapse]').forEach((b) => b.addEventListener('click', () => {
  const pane = $(b.dataset.collapse);
  const collapsed = pane.classList.toggle('collapsed');
  b.setAttribute('aria-expanded', !collapsed);
  b.setAttribute('aria-label', (collapsed ? 'Expand' : 'Collapse') + ' the ' + (pane.id === 'pane-left' ? 'content' : 'design') + ' pane');
  panes.classList.toggle(pane.id + '-collapsed', collapsed);
}));

preview.addEventListener('focus', (e) => hooks.focus(e.detail));
$('export-jump').addEventListener('click', () => {
  showPane('pane-design');
  const pane = $('pane-design');
  if (pane.classList.contains('collapsed')) document.querySelector('[data-collapse="pane-design"]').click();
  $('export-format').scrollIntoView({ block: 'center' });
  $('export-format').focus();
});
// input-to-paint times of this page, for benchmarks/EditorTiming: [{kind, ms}]
window.__painted = [];
preview.addEventListener('painted', (e) => {
  if (window.__painted.length < 1000) window.__painted.push({ kind: e.detail.kind, ms: e.detail.at - e.detail.stamp });
});
document.addEventListener('altocv:balance', (e) => { cfg.balance = e.detail; });

// ---- start ----
const left = store.leftover();
if (left && left.ops && left.ops.length) {
  if (left.version === store.version) {
    try {
      store.edit(left.ops, { coalesce: false, immediate: true });
      say('Restored ' + left.ops.length + ' unsaved edit' + (left.ops.length === 1 ? '' : 's') + ' from your last visit; saving them now.');
    } catch (e) { say('Edits left from your last visit no longer apply: ' + e.message); }
  } else {
    store.pending = left.ops;
    store.base = store.base;
    store.setState('conflict');
    store.emit('conflict', { currentVersion: store.version });
  }
}
forms.render();
design.sync();
status(store.state === 'conflict' ? 'conflict' : store.dirty() ? 'saving' : 'saved');
showBalance(cfg.balance);
if (left && left.version === cfg.version && left.ops && left.ops.length) preview.renderNow();
performance.mark('altocv:interactive');
window.__altocv = { store, preview, forms };
