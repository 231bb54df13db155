// The dashboard's partial updates (duplicate, rename, delete with undo, restore, create from a file, import).
import { api, el, explain, followJob, refreshBalance, toast } from './api.js';

const cards = document.getElementById('cards');

async function reloadCards() {
  const r = await fetch('/dashboard/cards', { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
  if (r.redirected || !r.ok) { location.href = '/signin?reason=expired'; return; }
  cards.innerHTML = await r.text();
}

async function act(fn) {
  try {
    await fn();
  } catch (e) {
    toast(explain(e));
  }
}

if (cards) {
  cards.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-action]');
    if (!b) return;
    const card = b.closest('[data-cv-id]');
    const id = b.dataset.cvId || card?.dataset.cvId;
    const title = card?.dataset.title || '';
    const action = b.dataset.action;
    if (action === 'restore') {
      ev.preventDefault();
      act(async () => { await api('POST', '/api/v1/cvs/' + id + '/restore'); await reloadCards(); toast('Restored.'); });
    } else if (action === 'duplicate') {
      act(async () => {
        await api('POST', '/api/v1/cvs/' + id + '/duplicate', { json: {} });
        await reloadCards();
        refreshBalance();
        toast('Copied "' + title + '".');
      });
    } else if (action === 'delete') {
      act(async () => {
        await api('DELETE', '/api/v1/cvs/' + id);
        await reloadCards();
        const undo = toast('Moved "' + title + '" to the trash.', 'Undo', () => act(async () => {
          await api('POST', '/api/v1/cvs/' + id + '/restore');
          await reloadCards();
          toast('Restored "' + title + '".');
          document.querySelector('[data-cv-id="' + CSS.escape(id) + '"] a, [data-cv-id="' + CSS.escape(id) + '"] button')?.focus();
        }));
        // the card and its button are gone: focus goes to Undo, the likeliest next step, not to the page's top
        undo?.focus();
      });
    } else if (action === 'rename') {
      const d = document.getElementById('rename-dialog');
      const input = document.getElementById('rename-title');
      input.value = title;
      d.dataset.cvId = id;
      d.returnTo = b;
      d.showModal();
      input.select();
    }
  });

  const d = document.getElementById('rename-dialog');
  d.querySelector('[data-close]').addEventListener('click', () => d.close());
  d.addEventListener('close', () => d.returnTo?.focus());
  document.getElementById('rename-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = document.getElementById('rename-title').value.trim();
    if (!t) return;
    d.close();
    act(async () => {
      await api('POST', '/api/v1/cvs/' + d.dataset.cvId + '/rename', { json: { title: t } });
      await reloadCards();
      toast('Renamed to "' + t + '".');
    });
  });

  document.getElementById('json-create').addEventListener('click', () => act(async () => {
    const f = document.getElementById('json-file').files[0];
    if (!f) { toast('Choose a .json file first.'); return; }
    let content;
    try {
      content = JSON.parse(await f.text());
    } catch (e) {
      toast(f.name + ' is not valid JSON: ' + e.message);
      return;
    }
    const title = (content.basics && content.basics.name) || f.name.replace(/\.json$/i, '');
    const cv = await api('POST', '/api/v1/cvs', { json: { title, content } });
    location.href = '/editor/' + cv.id;
  }));

  document.getElementById('import-start').addEventListener('click', () => act(async () => {
    const f = document.getElementById('import-file').files[0];
    const out = document.getElementById('import-progress');
    if (!f) { toast('Choose a PDF or Word file first.'); return; }
    const form = new FormData();
    form.append('file', f);
    const bar = el('progress', { max: 100, value: 0, 'aria-label': 'Import progress' });
    const text = el('span', null, 'Uploading ' + f.name + '...');
    out.replaceChildren(bar, ' ', text);
    let job;
    try {
      job = await api('POST', '/api/v1/imports', { body: form });
    } catch (e) {
      out.replaceChildren(el('span', { class: 'error' }, e.status === 404
        ? 'Importing PDF and Word files is not available on this server yet.' : explain(e)));
      return;
    }
    refreshBalance();
    try {
      const done = await followJob(job, (d) => {
        if (d.progress != null) bar.value = d.progress;
        text.textContent = d.message || d.step || 'Reading ' + f.name + '...';
      });
      const cvId = done.result?.cvId || done.cvId;
      text.textContent = 'Imported. Opening the editor...';
      location.href = '/editor/' + cvId;
    } catch (e) {
      out.replaceChildren(el('span', { class: 'error' }, 'The import failed: ' + explain(e)));
      refreshBalance();
    }
  }));
}
