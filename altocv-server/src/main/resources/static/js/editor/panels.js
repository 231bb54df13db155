// The ATS panel, the job-match panel, the version history and exports.
import { api, el, explain, followJob, refreshBalance } from '../api.js';
import { diff, label } from './model.js';
import { diffView } from './assistant.js';

const SEVERITY = { error: 0, warning: 1, info: 2 };
const CATEGORIES = { parseability: 'Parseability', contact: 'Contact', structure: 'Structure', content: 'Content', length: 'Length' };

export class Ats {
  constructor(cfg, store, hooks) {
    this.cfg = cfg;
    this.store = store;
    this.hooks = hooks;
    this.out = document.getElementById('ats-result');
    document.getElementById('ats-run').addEventListener('click', () => this.run());
  }

  async run() {
    this.out.replaceChildren(el('p', { class: 'muted' }, 'Analysing...'));
    try {
      await this.store.settle();
      const r = await api('POST', '/api/v1/cvs/' + this.cfg.cvId + '/ats', { json: {} });
      refreshBalance();
      this.show(r);
    } catch (e) {
      this.out.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.status === 404
        ? 'ATS analysis is not available on this server yet.' : explain(e)));
    }
  }

  show(r) {
    const score = Math.round(r.score);
    this.out.replaceChildren(el('div', { class: 'gauge' },
      el('img', { src: '/charts/gauge.svg?score=' + score + '&label=ATS%20score', width: 200, height: 120, alt: '' }),
      el('p', null, 'ATS score: ', el('strong', { 'data-testid': 'ats-score' }, String(score)), ' out of 100')));
    const findings = r.rules.filter((x) => !(x.severity === 'info' && (x.effect || 0) === 0));
    const passed = r.rules.length - findings.length;
    for (const [cat, name] of Object.entries(CATEGORIES)) {
      const list = findings.filter((x) => x.category === cat).sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]);
      if (!list.length) continue;
      const ul = el('ul', { class: 'findings' });
      for (const f of list) ul.append(this.finding(f));
      this.out.append(el('h3', null, name + ' (' + list.length + ')'), ul);
    }
    if (!findings.length) this.out.append(el('p', null, 'No problems found.'));
    this.out.append(el('p', { class: 'muted small' }, passed + ' checks passed or did not apply.'));
  }

  finding(f) {
    const li = el('li', { class: 'finding ' + f.severity, 'data-rule': f.id });
    li.append(el('span', { class: 'sev' }, f.severity), ' ', el('span', null, f.message));
    if (f.evidence) li.append(el('q', { dir: 'auto' }, f.evidence));
    const actions = el('div', { class: 'actions' });
    if (f.pointer) {
      actions.append(el('button', { type: 'button', class: 'link small', onclick: () => this.hooks.focus(f.pointer) },
        'Go to ' + label(this.store.local, f.pointer)));
    }
    if (f.fix) {
      actions.append(el('button', { type: 'button', class: 'small', 'data-testid': 'ats-fix', onclick: async (ev) => {
        ev.target.disabled = true;
        try {
          await this.store.change('POST', '/api/v1/cvs/' + this.cfg.cvId + '/ats/fixes/' + encodeURIComponent(f.id),
            { pointer: f.pointer || '' });
          refreshBalance();
          const done = el('span', { class: 'muted small', role: 'status', tabindex: '-1' }, 'Fixed. Ctrl+Z undoes it.');
          actions.replaceChildren(done);
          this.hooks.changed();
          if (done.isConnected) done.focus(); // keyboard focus stays where the button was, not on the page
        } catch (e) {
          ev.target.disabled = false;
          this.hooks.say(explain(e));
        }
      } }, 'Fix (' + this.cfg.prices.atsFix + ' credit' + (this.cfg.prices.atsFix === 1 ? '' : 's') + ')'));
    }
    li.append(actions);
    return li;
  }
}

export class Match {
  constructor(cfg, store, assistant, hooks) {
    this.cfg = cfg;
    this.store = store;
    this.assistant = assistant;
    this.hooks = hooks;
    this.out = document.getElementById('match-result');
    document.getElementById('match-form').addEventListener('submit', (e) => { e.preventDefault(); this.run(); });
  }

  async run() {
    const text = document.getElementById('match-text').value.trim();
    const url = document.getElementById('match-url').value.trim();
    if (!text && !url) { this.out.replaceChildren(el('p', { class: 'error' }, 'Paste the posting, or give its address.')); return; }
    this.out.replaceChildren(el('p', { class: 'muted' }, 'Matching...'));
    try {
      await this.store.settle();
      this.r = await api('POST', '/api/v1/cvs/' + this.cfg.cvId + '/match', { json: text ? { text } : { url } });
      this.text = text;
      this.show(this.r);
    } catch (e) {
      this.out.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.status === 404 && e.code === 'not_found' && !e.message.includes('CV')
        ? 'Job matching is not available on this server yet.' : explain(e)));
    }
  }

  show(r) {
    const bars = ['Overall:' + r.overall, 'Skills:' + r.skills, 'Experience:' + r.experience, 'Education:' + r.education, 'Summary:' + r.summary];
    const src = '/charts/bars.svg?title=' + encodeURIComponent('Match with the posting') + bars.map((b) => '&b=' + encodeURIComponent(b)).join('');
    const kw = (list, matched) => el('ul', { class: 'keywords' }, list.map((k) => el('li', { class: (matched ? 'hit' : 'miss') + (k.required ? ' req' : '') },
      k.keyword, k.required ? el('span', { class: 'tag' }, 'required') : null)));
    this.out.replaceChildren(
      el('p', { class: 'overall' }, 'Match: ', el('strong', { 'data-testid': 'match-score' }, String(r.overall)), ' out of 100',
        r.semantic ? '' : el('span', { class: 'muted small' }, ' (by keywords)')),
      el('img', { src, width: 300, height: 134, alt: bars.join(', ').replace(/:/g, ' ') }),
      el('h3', null, 'Missing keywords (' + r.missingKeywords.length + ')'), kw(r.missingKeywords, false),
      el('h3', null, 'Keywords your CV shows (' + r.matchedKeywords.length + ')'), kw(r.matchedKeywords, true));
    if (r.suggestions.length) {
      const ul = el('ul', { class: 'suggestions' });
      for (const s of r.suggestions) {
        const li = el('li', null, el('span', null, s.message));
        if (s.patch) {
          li.append(' ', el('button', { type: 'button', class: 'small', onclick: async (ev) => {
            ev.target.disabled = true;
            try {
              await this.store.settle();
              await this.store.change('PATCH', '/api/v1/cvs/' + this.cfg.cvId,
                { source: 'user', description: 'Job match: ' + s.message.slice(0, 150), operations: s.patch });
              ev.target.replaceWith(el('span', { class: 'muted small' }, 'Applied (Ctrl+Z undoes it)'));
              this.hooks.changed();
            } catch (e) { ev.target.disabled = false; this.hooks.say(explain(e)); }
          } }, 'Apply'));
        }
        ul.append(li);
      }
      this.out.append(el('h3', null, 'Suggestions'), ul);
    }
    const p = this.cfg.prices.tailor;
    const box = el('div', { class: 'tailor' });
    box.append(el('button', { type: 'button', 'data-testid': 'tailor', disabled: !this.cfg.ai.available || !this.cfg.ai.consent || undefined,
      onclick: async () => {
        const answer = el('div', { class: 'msg assistant streaming', dir: 'auto' });
        box.append(answer);
        await this.store.settle().catch(() => {});
        await this.assistant.turn('/api/v1/cvs/' + this.cfg.cvId + '/tailor', r.postingId ? { postingId: r.postingId } : { text: this.text }, answer);
        refreshBalance();
      } }, 'Tailor with AI (' + p + ' credits)'));
    if (!this.cfg.ai.available) box.append(el('p', { class: 'muted small' }, 'The AI assistant is not configured on this server.'));
    else if (!this.cfg.ai.consent) box.append(el('p', { class: 'muted small' }, 'Agree to the AI assistant in the AI chat tab first.'));
    this.out.append(box);
  }
}

export class History {
  constructor(cfg, store, hooks) {
    this.cfg = cfg;
    this.store = store;
    this.hooks = hooks;
    this.list = document.getElementById('history-list');
    this.out = document.getElementById('history-diff');
    document.getElementById('checkpoint-form').addEventListener('submit', async (e) => {
      e.preventDefault();
      const name = document.getElementById('checkpoint-name');
      try {
        await this.store.settle();
        await api('POST', '/api/v1/cvs/' + cfg.cvId + '/versions', { json: { name: name.value } });
        name.value = '';
        this.load();
        this.hooks.say('Checkpoint saved.');
      } catch (x) { this.hooks.say(explain(x)); }
    });
  }

  async load() {
    try {
      const r = await api('GET', '/api/v1/cvs/' + this.cfg.cvId + '/versions');
      this.versions = r.versions;
      this.list.replaceChildren(...r.versions.map((v, i) => {
        const when = new Date(v.updatedAt).toLocaleString();
        const what = v.name ? v.kind + ': ' + v.name : v.kind;
        return el('li', null, el('span', null, 'Version ' + v.version + ' · ' + what + ' · ' + v.source + ' · ', el('time', { datetime: v.updatedAt }, when)),
          el('span', { class: 'actions' },
            i + 1 < r.versions.length ? el('button', { type: 'button', class: 'link small', onclick: () => this.show(r.versions[i + 1], v) }, 'Changes') : null,
            v.version !== this.store.version ? el('button', { type: 'button', class: 'secondary small', onclick: () => this.restore(v) }, 'Restore') : el('span', { class: 'muted small' }, 'current')));
      }));
    } catch (e) { this.list.replaceChildren(el('li', { class: 'error' }, explain(e))); }
  }

  async show(from, to) {
    try {
      const [a, b] = await Promise.all([from.version, to.version].map((n) => api('GET', '/api/v1/cvs/' + this.cfg.cvId + '/versions/' + n)));
      const rows = diff(a.content, b.content);
      this.out.replaceChildren(el('h3', null, 'From version ' + from.version + ' to ' + to.version + ' (' + rows.length + ' change' + (rows.length === 1 ? '' : 's') + ')'),
        ...rows.slice(0, 200).map((r) => el('div', { class: 'row' }, el('p', { class: 'where' }, label(b.content, r.path)), diffView(r.before, r.after))));
      this.out.focus();
    } catch (e) { this.out.replaceChildren(el('p', { class: 'error' }, explain(e))); }
  }

  async restore(v) {
    try {
      await this.store.change('POST', '/api/v1/cvs/' + this.cfg.cvId + '/versions/' + v.version + '/restore');
      this.hooks.changed();
      this.hooks.say('Restored version ' + v.version + ' (as a new version: Ctrl+Z undoes it).');
      await this.load();
      // the list was rebuilt under the focused button: focus the restored version's entry instead
      const restored = [...this.list.querySelectorAll('li')].find((li) => li.textContent.includes('Version ' + v.version + ' '));
      const target = restored?.querySelector('button') || this.list.querySelector('button');
      target?.focus();
    } catch (e) { this.hooks.say(explain(e)); }
  }
}

export class Exporter {
  constructor(cfg, store, hooks) {
    this.cfg = cfg;
    this.store = store;
    this.hooks = hooks;
    this.out = document.getElementById('export-progress');
    document.getElementById('export-run').addEventListener('click', () => this.run());
  }

  async run() {
    const format = document.getElementById('export-format').value;
    const bar = el('progress', { max: 100, value: 0, 'aria-label': 'Export progress' });
    const text = el('span', null, 'Starting...');
    this.out.replaceChildren(bar, ' ', text);
    try {
      await this.store.settle();
      const job = await api('POST', '/api/v1/cvs/' + this.cfg.cvId + '/exports', { json: { format }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
      refreshBalance();
      const done = await followJob(job, (d) => {
        if (d.progress != null) bar.value = d.progress;
        if (d.message || d.step) text.textContent = d.message || d.step;
      });
      bar.value = 100;
      const a = el('a', { href: done.downloadUrl, class: 'button', 'data-testid': 'export-download', download: '' }, 'Download ' + format.toUpperCase());
      this.out.replaceChildren(el('span', null, 'Ready. '), a);
      a.click();
    } catch (e) {
      refreshBalance();
      this.out.replaceChildren(el('span', { class: 'error', role: 'alert' }, 'Export failed: ' + explain(e)));
    }
  }
}
