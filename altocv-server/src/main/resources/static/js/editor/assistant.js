// The AI chat (streamed with fetch), proposal cards (before/after, reason, flags; accept or reject edit by edit
// or all at once), and tailoring to a job, which produces a proposal the same way.
import { api, el, explain, refreshBalance, stream } from '../api.js';
import { get, label, words } from './model.js';

const FLAGS = {
  'identity-change': 'Changes a fact about you (name, contact, employer, title, dates, degree): check it',
  'unverified-figure': 'Has a figure that is not in your CV or messages: check it is true',
  'unsupported-skill': 'Adds a skill your CV does not show',
  'unrequested-removal': 'Removes something you did not ask to remove',
  'unverified-contact': 'Adds contact details that are not in your CV',
  'copied-from-posting': 'Copies wording from the job posting',
};

export function diffView(before, after) {
  const box = el('div', { class: 'ba' });
  if (before != null && after != null) {
    const p = el('p', { class: 'words', dir: 'auto' });
    for (const w of words(before, after)) p.append(w.t === 'same' ? w.s : el(w.t, null, w.s));
    box.append(p);
  } else {
    if (before != null) box.append(el('p', { class: 'before', dir: 'auto' }, el('span', { class: 'sr-only' }, 'Before: '), el('del', null, before)));
    if (after != null) box.append(el('p', { class: 'after', dir: 'auto' }, el('span', { class: 'sr-only' }, 'After: '), el('ins', null, after)));
  }
  return box;
}

function show(v) {
  if (v == null) return null;
  if (typeof v !== 'object') return String(v);
  return Object.entries(v).filter(([k]) => k !== 'id').map(([k, x]) => k + ': ' + (Array.isArray(x) ? x.join('; ') : typeof x === 'object' ? JSON.stringify(x) : x)).join('\n');
}

/** The changes an edit makes, as rows a person reads: [{where, before, after}]. */
function changes(doc, ops) {
  const rows = [];
  for (const op of ops) {
    if (op.op === 'test') continue;
    const before = op.op === 'add' && /\/(-|\d+)$/.test(op.path) ? null : show(get(doc, op.op === 'move' ? op.from : op.path));
    const after = op.op === 'remove' ? null : op.op === 'move' ? before : show(op.value);
    rows.push({ where: label(doc, op.op === 'move' ? op.from : op.path) + (op.op === 'move' ? ' (moved)' : ''), before, after });
  }
  return rows;
}

export class Assistant {
  constructor(cfg, store, hooks) {
    this.cfg = cfg;
    this.store = store;
    this.hooks = hooks;
    this.log = document.getElementById('chat-log');
    this.state = document.getElementById('chat-state');
    this.input = document.getElementById('chat-input');
    this.send = document.querySelector('[data-testid="chat-send"]');
    this.rejected = new Set(JSON.parse(sessionStorage.getItem('altocv:rejected') || '[]'));
    document.getElementById('chat-form').addEventListener('submit', (e) => { e.preventDefault(); this.chat(); });
    this.input.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.chat(); } });
    document.addEventListener('altocv:balance', (e) => this.cost(e.detail));
    this.cost(cfg.balance);
    this.availability();
  }

  cost(balance) {
    const p = this.cfg.prices.chatMessage;
    document.getElementById('chat-cost').textContent = 'Each message costs ' + p + ' credit' + (p === 1 ? '' : 's')
      + '. You have ' + balance + '.';
    if (balance < p && this.cfg.ai.available) {
      this.notice(el('span', null, 'You are out of credits for the assistant. ', el('a', { href: '/pricing' }, 'Get more credits'), '.'));
    }
  }

  notice(content, disable = true) {
    this.state.replaceChildren(content);
    this.state.hidden = false;
    this.input.disabled = disable;
    this.send.disabled = disable;
  }

  availability() {
    if (!this.cfg.ai.available) {
      this.notice(el('span', null, el('strong', null, 'The AI assistant is not configured on this server. '),
        'The operator turns it on by setting ALTOCV_AI_PROVIDER (openai, anthropic or openai-compatible), the '
        + 'provider\'s API key, and for a compatible server ALTOCV_AI_BASE_URL and ALTOCV_AI_MODEL. Everything else '
        + 'works without it.'));
    } else if (!this.cfg.ai.consent) {
      this.notice(el('span', null, 'The assistant sends the text of this CV to the AI provider. ',
        el('button', { type: 'button', class: 'small', 'data-testid': 'ai-consent', onclick: async () => {
          try {
            await api('PATCH', '/api/v1/account', { json: { aiConsent: true } });
            this.cfg.ai.consent = true;
            this.state.hidden = true;
            this.input.disabled = false;
            this.send.disabled = false;
            this.input.focus();
          } catch (e) { this.hooks.say(explain(e)); }
        } }, 'I agree')));
    }
  }

  async load() {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const r = await api('GET', '/api/v1/cvs/' + this.cfg.cvId + '/chat');
      for (const m of r.messages) {
        this.bubble(m.role, m.content);
        if (m.proposalId) {
          const p = await api('GET', '/api/v1/cvs/' + this.cfg.cvId + '/proposals/' + m.proposalId);
          this.log.append(this.card(p));
        }
      }
    } catch (e) { /* the conversation shows once reachable */ }
  }

  bubble(role, text) {
    const b = el('div', { class: 'msg ' + role, dir: 'auto' }, el('span', { class: 'sr-only' }, role === 'user' ? 'You: ' : 'Assistant: '), text);
    this.log.append(b);
    b.scrollIntoView({ block: 'end' });
    return b;
  }

  async chat() {
    const message = this.input.value.trim();
    if (!message || this.busy) return;
    this.busy = true;
    this.send.disabled = true;
    try {
      await this.store.settle();
    } catch (e) {
      this.hooks.say(e.message);
      this.busy = false;
      this.send.disabled = false;
      return;
    }
    this.bubble('user', message);
    this.input.value = '';
    const answer = this.bubble('assistant', '');
    answer.classList.add('streaming');
    await this.turn('/api/v1/cvs/' + this.cfg.cvId + '/chat', { message }, answer, () => { this.input.value = message; });
    this.busy = false;
    this.send.disabled = false;
    refreshBalance();
  }

  /** One streamed turn (chat or tailoring): text into the bubble, a proposal as a card, errors said plainly. */
  async turn(url, body, answer, restore) {
    const status = el('p', { class: 'muted small', role: 'status' });
    answer.after(status);
    try {
      await stream(url, body, (type, d) => {
        if (type === 'delta') answer.append(d.text);
        else if (type === 'tool_call') status.textContent = 'Working on it: ' + d.name.replace(/_/g, ' ') + '...';
        else if (type === 'proposal') status.after(this.card(d));
        else if (type === 'error') {
          answer.after(el('p', { class: 'error', role: 'alert' }, 'The AI provider failed: ' + d.message
            + (d.refunded ? ' (your credit was refunded)' : '') + '. Try again in a moment.'));
        }
      });
      status.textContent = '';
    } catch (e) {
      restore && restore();
      answer.remove();
      status.remove();
      if (e.status === 402) {
        this.notice(el('span', null, explain(e) + ' ', el('a', { href: '/pricing' }, 'Get more credits'), '.'), false);
      } else if (e.status === 503) {
        this.cfg.ai.available = false;
        this.availability();
      } else if (e.code === 'consent_required') {
        this.cfg.ai.consent = false;
        this.availability();
      } else {
        this.notice(el('span', { class: 'error' }, explain(e)), false);
      }
    }
    answer.classList.remove('streaming');
  }

  card(p) {
    const doc = this.store.local;
    const card = el('div', { class: 'proposal', 'data-proposal': p.id, role: 'group', 'aria-label': 'Proposed edits' });
    card.append(el('p', { class: 'summary' }, p.summary || 'Proposed edits'));
    const open = [];
    for (const e of p.edits) {
      const key = p.id + ':' + e.index;
      const li = el('div', { class: 'edit' + (e.flags && e.flags.length ? ' flagged' : ''), 'data-edit': e.index });
      li.append(el('p', { class: 'what' }, e.description || e.summary || 'Edit ' + (e.index + 1)));
      if (e.reason) li.append(el('p', { class: 'reason' }, 'Why: ' + e.reason));
      for (const f of e.flags || []) {
        li.append(el('p', { class: 'flag', role: 'note' }, el('strong', null, 'Check: '), f.message || FLAGS[f.kind] || f.kind));
      }
      for (const row of changes(doc, e.operations || [])) {
        li.append(el('p', { class: 'where' }, row.where), diffView(row.before, row.after));
      }
      const actions = el('div', { class: 'actions' });
      const done = (text) => { actions.replaceChildren(el('span', { class: 'muted small' }, text)); };
      if (e.accepted) done('Accepted');
      else if (this.rejected.has(key)) done('Rejected');
      else {
        const accept = el('button', { type: 'button', class: 'small', 'data-testid': 'edit-accept', onclick: () => this.accept(p, e, done) }, 'Accept');
        const reject = el('button', { type: 'button', class: 'secondary small', 'data-testid': 'edit-reject', onclick: () => {
          this.rejected.add(key);
          sessionStorage.setItem('altocv:rejected', JSON.stringify([...this.rejected]));
          done('Rejected');
        } }, 'Reject');
        actions.append(accept, reject);
        open.push({ e, done, accept });
      }
      li.append(actions);
      card.append(li);
    }
    if (open.length > 1) {
      card.append(el('div', { class: 'actions all' },
        el('button', { type: 'button', class: 'small', 'data-testid': 'edit-accept-all', onclick: async () => {
          for (const o of open) if (o.accept.isConnected) await this.accept(p, o.e, o.done);
        } }, 'Accept all'),
        el('button', { type: 'button', class: 'secondary small', 'data-testid': 'edit-reject-all', onclick: () => {
          for (const o of open) if (o.accept.isConnected) o.accept.nextSibling.click();
        } }, 'Reject all')));
    }
    return card;
  }

  async accept(p, e, done, retried) {
    try {
      await this.store.change('POST', '/api/v1/cvs/' + this.cfg.cvId + '/proposals/' + p.id + '/accept', { edit: e.index });
      done('Accepted (Ctrl+Z undoes it)');
      this.hooks.changed();
    } catch (x) {
      if (x.status === 409 && x.code === 'version_conflict' && !retried) {
        // saved elsewhere meanwhile: take the newer version (the edit's test guards keep it safe) and try once more
        await this.store.reload(true);
        return this.accept(p, e, done, true);
      }
      if (x.status === 422) done('Not applied: the text it changes was edited since. ' + x.message);
      else this.hooks.say(explain(x));
    }
  }
}
