// Runs inside the sandboxed preview frame (an opaque origin: it can reach nothing of the editor). It applies
// design variables, text and re-rendered markup sent by the editor, reports clicks on fields, the page count,
// and when a change has been painted (for the editor's timing figures).
(function () {
  var root = document.documentElement;
  var NAME = /^--cv-[a-z0-9-]+$/;
  var VALUE = /^[#'"A-Za-z0-9 .,%()*+\/-]{0,200}$/;
  function post(m) { window.parent.postMessage(m, '*'); }
  function mm(name) {
    var v = getComputedStyle(root).getPropertyValue(name).trim();
    var n = parseFloat(v);
    return /mm$/.test(v) ? n * 96 / 25.4 : n;
  }
  function layout() {
    var sheet = document.querySelector('.cv-sheet');
    if (!sheet) return;
    // the sheet is drawn at its real size, scaled down to fit the pane
    var zoom = Math.max(0.3, Math.min(1, (root.clientWidth - 24) / mm('--cv-page-width')));
    if (document.body.style.zoom !== String(zoom)) document.body.style.zoom = zoom;
    var margin = mm('--cv-page-margin');
    var page = mm('--cv-page-height') - 2 * margin;
    var last = sheet.lastElementChild;
    var top = sheet.getBoundingClientRect().top;
    var h = last ? (last.getBoundingClientRect().bottom - top) / zoom - margin : 0;
    post({ type: 'altocv:layout', pages: Math.max(1, Math.ceil((h - 1) / page)), paper: root.getAttribute('data-paper') });
  }
  // reports when a change has been painted: after the next frame's rendering (rAF, then a task)
  function painted(stamp, kind) {
    if (stamp == null) return;
    requestAnimationFrame(function () {
      setTimeout(function () {
        post({ type: 'altocv:painted', kind: kind, stamp: stamp, at: performance.timeOrigin + performance.now() });
      }, 0);
    });
  }
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (e.source !== window.parent || !d || typeof d.type !== 'string') return;
    if (d.type === 'altocv:hello') {
      post({ type: 'altocv:ready' });
      layout();
    } else if (d.type === 'altocv:design') {
      var vars = d.vars || {};
      Object.keys(vars).forEach(function (k) {
        if (NAME.test(k) && typeof vars[k] === 'string' && VALUE.test(vars[k])) root.style.setProperty(k, vars[k]);
      });
      if (d.paper === 'A4' || d.paper === 'Letter') root.setAttribute('data-paper', d.paper);
      painted(d.stamp, 'design');
      layout();
    } else if (d.type === 'altocv:text') {
      var els = document.querySelectorAll('[data-cv-pointer]');
      var hit = null;
      for (var i = 0; i < els.length; i++) if (els[i].getAttribute('data-cv-pointer') === d.pointer) { hit = els[i]; break; }
      // the element itself, or its one text span (a bullet has a mark beside it)
      var spot = null;
      if (hit) {
        var c = [hit].concat(Array.prototype.slice.call(hit.querySelectorAll('span:not([aria-hidden])')));
        for (var j = 0; j < c.length; j++) if (c[j].children.length === 0 && c[j].textContent === d.old) { spot = c[j]; break; }
      }
      if (spot && d.text !== '') {
        spot.textContent = d.text;
        painted(d.stamp, 'text');
        layout();
      } else {
        post({ type: 'altocv:stale', stamp: d.stamp });
      }
    } else if (d.type === 'altocv:body' && typeof d.html === 'string') {
      var sheet = document.querySelector('.cv-sheet');
      var tpl = document.createElement('template');
      tpl.innerHTML = d.html;
      var next = tpl.content.querySelector('.cv-sheet');
      if (sheet && next) sheet.replaceWith(next);
      painted(d.stamp, 'render');
      layout();
    }
  });
  document.addEventListener('click', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-cv-pointer]') : null;
    if (el) {
      e.preventDefault();
      post({ type: 'altocv:focus', pointer: el.getAttribute('data-cv-pointer') });
    }
  });
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(layout);
  window.addEventListener('resize', layout);
  post({ type: 'altocv:ready' });
  layout();
})();
