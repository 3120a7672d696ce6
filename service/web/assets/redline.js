// Redline's editors' page: j/k jump between changes, and a summary sentence
// marks its sentence in the article text. Everything else works without it.
(function () {
  'use strict';

  // changes lists the changes in reading order: rows of the side-by-side
  // table, or the outermost ins/del of the inline diff, a deletion and the
  // insertion that replaces it counting as one.
  function changes() {
    var root = document.querySelector('.changes');
    if (!root) { return []; }
    var side = root.querySelectorAll('#diff tbody tr:not(.rl-unchanged):not(.rl-skip)');
    var title = Array.prototype.filter.call(root.querySelectorAll('.rl-title ins, .rl-title del'), outermost);
    if (side.length) { return title.concat(Array.prototype.slice.call(side)); }
    return Array.prototype.filter.call(root.querySelectorAll('ins, del, span.rl-moved'), function (el) {
      return outermost(el) && !(el.tagName === 'INS' && replaces(el));
    });
  }

  // replaces reports whether an insertion follows a deletion with at most
  // white space or the diff's separator (rl-sep) between them.
  function replaces(ins) {
    for (var n = ins.previousSibling; n; n = n.previousSibling) {
      if (n.nodeType === 3 && !n.data.trim()) { continue; }
      if (n.nodeType === 1 && n.classList.contains('rl-sep')) { continue; }
      return n.nodeType === 1 && n.tagName === 'DEL';
    }
    return false;
  }

  function outermost(el) {
    return !el.parentElement.closest('ins, del, span.rl-moved');
  }

  var current = -1;

  function jump(step) {
    var all = changes();
    if (!all.length) { return; }
    var old = document.querySelector('.rl-current');
    if (old) { old.classList.remove('rl-current'); }
    current = Math.max(0, Math.min(all.length - 1, current + step));
    var el = all[current];
    el.classList.add('rl-current');
    el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
  }

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, select, textarea, button')) { return; }
    if (e.key === 'j') { jump(1); }
    if (e.key === 'k') { jump(-1); }
  });

  // markRange wraps the article-text spans that lie within [start, end) in
  // <mark>, one per paragraph, and scrolls the first into view.
  function markRange(start, end) {
    var text = document.getElementById('article-text');
    if (!text) { return; }
    text.querySelectorAll('mark').forEach(function (m) {
      while (m.firstChild) { m.parentNode.insertBefore(m.firstChild, m); }
      m.remove();
    });
    var first = null, mark = null;
    text.querySelectorAll('span[data-start]').forEach(function (s) {
      if (+s.dataset.start < start || +s.dataset.end > end) { return; }
      if (!mark || mark.nextSibling !== s) {
        mark = document.createElement('mark');
        s.parentNode.insertBefore(mark, s);
        first = first || mark;
      }
      mark.appendChild(s);
    });
    if (first) {
      first.setAttribute('tabindex', '-1');
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: 'center' });
    }
  }

  document.addEventListener('click', function (e) {
    var a = e.target.closest('[data-summary-sentence]');
    if (!a) { return; }
    e.preventDefault();
    document.querySelectorAll('[data-summary-sentence][aria-current]').forEach(function (o) { o.removeAttribute('aria-current'); });
    a.setAttribute('aria-current', 'true');
    markRange(+a.dataset.start, +a.dataset.end);
  });
}());
