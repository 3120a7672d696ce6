// Redline's editors' page: j/k jump between changes, hidden unchanged text
// can be shown where it stands, the summary panel is fetched once the diff
// is shown, and a summary sentence marks its sentence in the diff's new
// text. Everything else works without it.
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

  // skipped says whether a text node holds no new text: deleted text, the
  // hidden cues, separators, markers, notes and badges (see the renderers'
  // Findable option).
  function skipped(node) {
    return !!node.parentElement.closest('del, .rl-sr, .rl-sep, .rl-skip, .rl-moved-note, .rl-facts');
  }

  // utf8Length returns the bytes a UTF-8 encoding of s[from:to] takes.
  function utf8Length(s, from, to) {
    var n = 0;
    for (var i = from; i < to; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x80) { n += 1; } else if (c < 0x800) { n += 2; } else if (c >= 0xd800 && c < 0xdc00) { n += 4; i++; } else { n += 3; }
    }
    return n;
  }

  // indexAt returns the index in s of the character that starts bytes
  // UTF-8 bytes in, or s.length.
  function indexAt(s, bytes) {
    var i = 0;
    while (i < s.length && bytes > 0) {
      var c = s.charCodeAt(i);
      var w = c < 0x80 ? 1 : c < 0x800 ? 2 : (c >= 0xd800 && c < 0xdc00) ? 4 : 3;
      bytes -= w;
      i += w === 4 ? 2 : 1;
    }
    return i;
  }

  function unmark() {
    document.querySelectorAll('#diff mark').forEach(function (m) {
      var parent = m.parentNode;
      while (m.firstChild) { parent.insertBefore(m.firstChild, m); }
      m.remove();
      parent.normalize();
    });
  }

  // markRange wraps the new text from byte start to end in <mark>, in the
  // diff: every element with data-start holds the new text from that
  // offset on, its text nodes counted in UTF-8 bytes. Hidden paragraphs it
  // reaches are shown. The first mark is scrolled into view.
  function markRange(start, end) {
    unmark();
    var pieces = [];
    document.querySelectorAll('#diff [data-start]').forEach(function (el) {
      var pos = +el.dataset.start;
      var walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (var node = walk.nextNode(); node; node = walk.nextNode()) {
        if (skipped(node)) { continue; }
        var len = utf8Length(node.data, 0, node.data.length);
        if (pos < end && pos + len > start) {
          pieces.push({ node: node, from: indexAt(node.data, start - pos), to: indexAt(node.data, end - pos) });
        }
        pos += len;
        if (pos >= end) { break; }
      }
    });
    var first = null;
    pieces.forEach(function (p) {
      var node = p.node;
      if (p.to < node.data.length) { node.splitText(p.to); }
      if (p.from > 0) { node = node.splitText(p.from); }
      if (!node.data.trim() && !first) { return; } // white space before the sentence
      var mark = document.createElement('mark');
      node.parentNode.insertBefore(mark, node);
      mark.appendChild(node);
      var hidden = mark.closest('[hidden]');
      if (hidden) { showRun(hidden); }
      first = first || mark;
    });
    if (first) {
      first.setAttribute('tabindex', '-1');
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: 'center' });
    }
  }

  // showRun shows the run of hidden text or rows that holds el, all of it,
  // and hides the marker before it that counted them, so that no marker
  // says more is hidden than is.
  function showRun(el) {
    var start = el;
    while (start.previousElementSibling && start.previousElementSibling.hidden &&
           !start.previousElementSibling.classList.contains('rl-skip')) {
      start = start.previousElementSibling;
    }
    var marker = start.previousElementSibling;
    for (var n = start; n && n.hidden && !n.classList.contains('rl-skip'); n = n.nextElementSibling) {
      n.hidden = false;
    }
    if (marker && marker.classList.contains('rl-skip')) { marker.hidden = true; }
  }

  // Each marker of hidden unchanged text gets a button that shows the text
  // it stands for, there, without leaving the view.
  document.querySelectorAll('#diff .rl-skip').forEach(function (marker) {
    var run = marker.nextElementSibling;
    if (!run || !run.hidden) { return; }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'rl-show';
    button.textContent = 'Show';
    button.setAttribute('aria-label', 'Show the ' + marker.textContent.trim());
    button.addEventListener('click', function () {
      showRun(run);
      var first = marker.nextElementSibling;
      if (first) {
        first.setAttribute('tabindex', '-1');
        first.focus({ preventScroll: true });
      }
    });
    (marker.querySelector('td') || marker).appendChild(button);
  });

  // The summary panel, when the page came without it, is fetched from its
  // own address. Only the parts that wait for it (.pending, which keep the
  // room the sentences are expected to take) are replaced, so that nothing
  // else moves and a reader already in its forms keeps their place; its
  // link still shows it on failure.
  function loadPanel() {
    var panel = document.querySelector('section.summary[data-src]');
    if (!panel || !window.fetch) { return; }
    panel.setAttribute('aria-busy', 'true');
    fetch(panel.dataset.src, { credentials: 'same-origin', headers: { Accept: 'text/html' } }).then(function (r) {
      if (!r.ok) { throw new Error('summary panel: ' + r.status); }
      return r.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var fresh = doc.querySelector('section.summary');
      if (!fresh || fresh.hasAttribute('data-src')) { throw new Error('summary panel: not computed'); }
      var pending = panel.querySelectorAll('.pending');
      var parts = [fresh.querySelector('h2 + *'), fresh.querySelector('#since-h + *')];
      if (pending.length && pending.length <= 2 && parts[0] && (pending.length === 1 || parts[1])) {
        pending.forEach(function (p, i) { p.replaceWith(document.adoptNode(parts[i])); });
        panel.removeAttribute('data-src');
        panel.removeAttribute('aria-busy');
      } else {
        panel.replaceWith(document.adoptNode(fresh));
      }
    }).catch(function () { panel.removeAttribute('aria-busy'); });
  }
  loadPanel();

  // A moved block, clicked, jumps to its other end: where it left or where
  // it went, which share its data-move number.
  document.addEventListener('click', function (e) {
    var moved = e.target.closest('#diff [data-move]');
    if (!moved) { return; }
    var ends = document.querySelectorAll('#diff [data-move="' + moved.dataset.move + '"]');
    var other = Array.prototype.filter.call(ends, function (el) { return el !== moved && !moved.contains(el) && !el.contains(moved); })[0];
    if (!other) { return; }
    var old = document.querySelector('.rl-current');
    if (old) { old.classList.remove('rl-current'); }
    other.classList.add('rl-current');
    other.setAttribute('tabindex', '-1');
    other.focus({ preventScroll: true });
    other.scrollIntoView({ block: 'center' });
  });

  document.addEventListener('click', function (e) {
    var a = e.target.closest('[data-summary-sentence]');
    if (!a) { return; }
    e.preventDefault();
    document.querySelectorAll('[data-summary-sentence][aria-current]').forEach(function (o) { o.removeAttribute('aria-current'); });
    a.setAttribute('aria-current', 'true');
    markRange(+a.dataset.start, +a.dataset.end);
  });
}());
