// The CV document on the client: AltoCV paths (JSON Pointer plus [id=X] segments), JSON Patch applied the way
// the server applies it, new item ids, and a field-level diff for people to read.

export const clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

export function segments(path) {
  if (path === '') return [];
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function index(arr, seg, forAdd) {
  const m = /^\[id=(.+)\]$/.exec(seg);
  if (m) {
    const i = arr.findIndex((x) => x && x.id === m[1]);
    if (i < 0) throw new Error('no item with id ' + m[1]);
    return i;
  }
  if (seg === '-' && forAdd) return arr.length;
  if (!/^\d+$/.test(seg)) throw new Error('bad index ' + seg);
  const i = Number(seg);
  if (i > arr.length || (!forAdd && i >= arr.length)) throw new Error('index ' + i + ' out of range');
  return i;
}

function locate(doc, path, forAdd) {
  const segs = segments(path);
  let parent = null;
  let key = null;
  let cur = doc;
  for (let n = 0; n < segs.length; n++) {
    parent = cur;
    if (Array.isArray(cur)) key = index(cur, segs[n], forAdd && n === segs.length - 1);
    else if (cur && typeof cur === 'object') key = segs[n];
    else throw new Error('cannot go into ' + segs.slice(0, n).join('/'));
    cur = cur[key];
    if (cur === undefined && n < segs.length - 1) throw new Error('missing ' + segs.slice(0, n + 1).join('/'));
  }
  return { parent, key, value: cur };
}

export function get(doc, path) {
  try { return locate(doc, path, false).value; } catch (e) { return undefined; }
}

function put(doc, path, value) {
  const { parent, key } = locate(doc, path, true);
  if (Array.isArray(parent)) parent.splice(key, 0, value);
  else parent[key] = value;
}

function take(doc, path) {
  const { parent, key, value } = locate(doc, path, false);
  if (value === undefined) throw new Error('nothing at ' + path);
  if (Array.isArray(parent)) parent.splice(key, 1);
  else delete parent[key];
  return value;
}

/** Applies operations to a copy of the document; throws (naming the operation) when one cannot apply. */
export function apply(doc, ops) {
  const d = clone(doc);
  ops.forEach((op, i) => {
    try {
      switch (op.op) {
        case 'add': put(d, op.path, clone(op.value)); break;
        case 'remove': take(d, op.path); break;
        case 'replace': take(d, op.path); put(d, op.path, clone(op.value)); break;
        case 'move': put(d, op.path, take(d, op.from)); break;
        case 'copy': put(d, op.path, clone(get(d, op.from))); break;
        case 'test':
          if (JSON.stringify(get(d, op.path)) !== JSON.stringify(op.value)) throw new Error('text changed');
          break;
        default: throw new Error('unknown op ' + op.op);
      }
    } catch (e) {
      throw new Error('operation ' + i + ' (' + op.op + ' ' + op.path + '): ' + e.message);
    }
  });
  return d;
}

/** A new item id with this prefix, unused anywhere in the document. */
export function newId(doc, prefix) {
  const used = new Set();
  (function walk(v) {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (typeof v.id === 'string') used.add(v.id);
      Object.values(v).forEach(walk);
    }
  })(doc);
  let n = 1;
  while (used.has(prefix + n)) n++;
  return prefix + n;
}

/** Every leaf value by path (object items by id, plain lists by index). */
export function flatten(doc) {
  const out = new Map();
  (function walk(v, p) {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, p + '/' + (x && typeof x === 'object' && typeof x.id === 'string' ? '[id=' + x.id + ']' : i)));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (k !== 'id') walk(x, p + '/' + k.replace(/~/g, '~0').replace(/\//g, '~1'));
    } else if (v !== null && v !== undefined) out.set(p, String(v));
  })(doc, '');
  return out;
}

/** What differs between two documents, field by field: [{path, before, after}] (null for absent). */
export function diff(a, b) {
  const fa = flatten(a);
  const fb = flatten(b);
  const out = [];
  for (const [p, v] of fa) if (fb.get(p) !== v) out.push({ path: p, before: v, after: fb.has(p) ? fb.get(p) : null });
  for (const [p, v] of fb) if (!fa.has(p)) out.push({ path: p, before: null, after: v });
  return out;
}

const NAMES = {
  basics: 'Basics', work: 'Experience', education: 'Education', skills: 'Skills', projects: 'Projects',
  certificates: 'Certificates', languages: 'Languages', volunteer: 'Volunteering', awards: 'Awards',
  publications: 'Publications', interests: 'Interests', references: 'References', customSections: 'Custom sections',
  altocv: 'Design', design: '', highlights: 'bullet', keywords: 'keyword', courses: 'course', profiles: 'Profiles',
  position: 'title', name: 'name', studyType: 'degree', area: 'field', countryCode: 'country',
};

/** A path as a person reads it: "Experience › Backend Engineer › bullet 2". */
export function label(doc, path) {
  const segs = segments(path);
  const parts = [];
  let cur = doc;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i];
    const m = /^\[id=(.+)\]$/.exec(s);
    if (m && Array.isArray(cur)) {
      const item = cur.find((x) => x && x.id === m[1]);
      parts.push((item && (item.position || item.name || item.title || item.institution || item.language
        || item.organization || item.network)) || m[1]);
      cur = item;
    } else if (/^\d+$/.test(s) && Array.isArray(cur)) {
      const last = parts.pop();
      parts.push((last || 'item') + ' ' + (Number(s) + 1));
      cur = cur[Number(s)];
    } else {
      if (NAMES[s] !== '') parts.push(NAMES[s] || s.replace(/([A-Z])/g, ' $1').toLowerCase());
      cur = cur == null ? undefined : cur[s];
    }
  }
  return parts.join(' › ') || 'the CV';
}

/** A word-level diff for display: [{t: 'same'|'del'|'ins', s}]. */
export function words(before, after) {
  const a = (before || '').split(/(\s+)/);
  const b = (after || '').split(/(\s+)/);
  if (a.length * b.length > 250000) return [{ t: 'del', s: before || '' }, { t: 'ins', s: after || '' }];
  const L = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  }
  const out = [];
  const push = (t, s) => { if (out.length && out[out.length - 1].t === t) out[out.length - 1].s += s; else out.push({ t, s }); };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { push('same', a[i]); i++; j++; } else if (L[i + 1][j] >= L[i][j + 1]) push('del', a[i++]); else push('ins', b[j++]);
  }
  while (i < a.length) push('del', a[i++]);
  while (j < b.length) push('ins', b[j++]);
  return out;
}
