// Redline's editors' page: j/k jump between changes, hidden unchanged text
// can be shown where it stands, the summary panel is fetched once the diff
// is shown, a summary sentence marks its sentence in the diff's new text,
// and the whole text opened from a folded view starts at its first change.
// Everything else works without it.
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
  // offset on, its text nodes counted in UTF-8 bytes. The folded
  // paragraphs or rows it reaches are shown, and only those (showAround).
  // The first mark is scrolled into view.
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
    var first = null, folded = [];
    pieces.forEach(function (p) {
      var node = p.node;
      if (p.to < node.data.length) { node.splitText(p.to); }
      if (p.from > 0) { node = node.splitText(p.from); }
      if (!node.data.trim() && !first) { return; } // white space before the sentence
      var mark = document.createElement('mark');
      node.parentNode.insertBefore(mark, node);
      mark.appendChild(node);
      var hidden = mark.closest('[hidden]');
      if (hidden && folded.indexOf(hidden) < 0) { folded.push(hidden); }
      first = first || mark;
    });
    folded.forEach(showAround);
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

  // showAround shows the folded paragraphs (inline, el is the hidden span
  // of a marker's text) or sentences (side by side, el is a hidden row)
  // that hold the marks now in el, and no more: what stays folded before
  // and after them keeps a marker of its own that counts it, so that
  // finding one sentence does not unfold the article around it.
  function showAround(el) {
    if (el.tagName === 'TR') { showRows(el); } else { showLines(el); }
  }

  // runStart returns the first hidden row or span of the run el is in, the
  // element after its marker.
  function runStart(el) {
    while (el.previousElementSibling && el.previousElementSibling.hidden &&
           !el.previousElementSibling.classList.contains('rl-skip')) {
      el = el.previousElementSibling;
    }
    return el;
  }

  function showRows(row) {
    var start = runStart(row), marker = start.previousElementSibling, run = [];
    for (var n = start; n && n.hidden && !n.classList.contains('rl-skip'); n = n.nextElementSibling) { run.push(n); }
    var marked = run.filter(function (r) { return r.querySelector('mark'); });
    var from = run.indexOf(marked[0]), to = run.indexOf(marked[marked.length - 1]) + 1;
    if (from < 2) { from = 0; } // a marker for one sentence saves nothing
    if (run.length - to < 2) { to = run.length; }
    run.slice(from, to).forEach(function (r) { r.hidden = false; });
    if (marker && marker.classList.contains('rl-skip')) {
      if (from > 0) { setCount(marker, from, 'sentence'); } else { marker.hidden = true; }
    }
    if (to < run.length) {
      var m = document.createElement('tr'), td = document.createElement('td');
      m.className = 'rl-skip';
      td.colSpan = 2;
      m.appendChild(td);
      run[to].before(m);
      setCount(m, run.length - to, 'sentence');
      addShow(m);
    }
  }

  // lineCount returns the lines with text of s, as the markers count them,
  // and what they are: paragraphs when each stands between blank lines.
  function lineCount(s) {
    var n = 0, paragraphs = true, afterText = false;
    s.split('\n').forEach(function (line) {
      var text = line.trim() !== '';
      if (text) { n++; }
      if (text && afterText) { paragraphs = false; }
      afterText = text;
    });
    return { n: n, unit: paragraphs ? 'paragraph' : 'line' };
  }

  // pointAt returns the text node and offset at character offset of
  // root's text.
  function pointAt(root, offset) {
    var walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT), at = 0;
    for (var node = walk.nextNode(); node; node = walk.nextNode()) {
      if (at + node.data.length >= offset) { return { node: node, offset: offset - at }; }
      at += node.data.length;
    }
    return { node: root, offset: root.childNodes.length };
  }

  // cut moves the text of span from character from to to into a new
  // hidden span, and returns it.
  function cut(span, from, to) {
    var r = document.createRange(), a = pointAt(span, from), b = pointAt(span, to);
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    var part = document.createElement('span');
    part.className = 'rl-hidden';
    part.hidden = true;
    part.appendChild(r.extractContents());
    return part;
  }

  function showLines(span) {
    var marker = span.previousElementSibling, text = span.textContent, marks = span.querySelectorAll('mark');
    var r = document.createRange();
    r.setStart(span, 0);
    r.setEndBefore(marks[0]);
    var first = r.toString().length;
    r.setEndAfter(marks[marks.length - 1]);
    var last = r.toString().length;
    // Whole lines: from the start of the first mark's line to the end of
    // the last one's, unless what is left on a side is too little to fold.
    var from = text.lastIndexOf('\n', first - 1) + 1, to = text.indexOf('\n', last);
    to = to < 0 ? text.length : to + 1;
    if (lineCount(text.slice(0, from)).n < 2) { from = 0; }
    if (lineCount(text.slice(to)).n < 2) { to = text.length; }
    var after = to < text.length ? cut(span, to, text.length) : null;
    var before = from > 0 ? cut(span, 0, from) : null;
    span.hidden = false;
    if (before) {
      span.before(before);
      var c = lineCount(before.textContent);
      setCount(marker, c.n, c.unit);
    } else {
      marker.hidden = true;
    }
    if (after) {
      var m = document.createElement('span'), ca = lineCount(after.textContent);
      m.className = 'rl-skip';
      span.after(m, after);
      setCount(m, ca.n, ca.unit);
      addShow(m);
    }
  }

  // setCount writes a marker's count, "3 unchanged paragraphs", keeping
  // its button.
  function setCount(marker, n, unit) {
    var label = n + ' unchanged ' + unit + (n === 1 ? '' : 's');
    var holder = marker.querySelector('td') || marker, button = holder.querySelector('.rl-show');
    holder.textContent = label;
    if (button) {
      button.setAttribute('aria-label', 'Show the ' + label);
      holder.appendChild(button);
    }
  }

  // addShow gives a marker of hidden unchanged text a button that shows the
  // text it stands for, there, without leaving the view.
  function addShow(marker) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'rl-show';
    button.textContent = 'Show';
    button.setAttribute('aria-label', 'Show the ' + marker.textContent.trim());
    button.addEventListener('click', function () {
      var run = marker.nextElementSibling;
      if (!run || !run.hidden) { return; }
      showRun(run);
      run.setAttribute('tabindex', '-1');
      run.focus({ preventScroll: true });
    });
    (marker.querySelector('td') || marker).appendChild(button);
  }

  document.querySelectorAll('#diff .rl-skip').forEach(function (marker) {
    var run = marker.nextElementSibling;
    if (run && run.hidden) { addShow(marker); }
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

  // The whole text, opened from a folded view, starts at its first change
  // rather than at the top of the article.
  if (location.hash === '#first-change') { jump(1); }

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
