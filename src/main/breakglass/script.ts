/**
 * The break-glass page's only script: search over runbook titles and text that
 * filters the index and the runbooks as you type, Enter (or a click) jumps to
 * one, `/` focuses the search, and the "as of" line says how old the file is.
 * Plain ES2017 in a string, so it runs in any browser exactly as written here
 * and its hash in the page's CSP is the hash of these bytes. It only reads
 * text and toggles `hidden`; it never builds HTML.
 */
export const BREAK_GLASS_SCRIPT = `
(function () {
  'use strict';
  var input = document.getElementById('search');
  var status = document.getElementById('search-status');
  var list = document.getElementById('runbook-index');
  if (!input || !status || !list) return;
  var fold = function (text) {
    return text.toLowerCase().normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '');
  };
  var entries = Array.prototype.map.call(list.querySelectorAll('li[data-target]'), function (item, order) {
    var article = document.getElementById(item.getAttribute('data-target'));
    return {
      item: item,
      article: article,
      order: order,
      title: fold(item.getAttribute('data-title') || ''),
      text: fold((item.textContent || '') + ' ' + (article ? article.textContent || '' : ''))
    };
  });

  function matches(query) {
    var words = fold(query).split(/\\s+/).filter(Boolean);
    var found = entries.filter(function (entry) {
      return words.every(function (word) { return entry.text.indexOf(word) !== -1; });
    });
    var inTitle = function (entry) {
      return words.every(function (word) { return entry.title.indexOf(word) !== -1; }) ? 0 : 1;
    };
    found.sort(function (a, b) { return inTitle(a) - inTitle(b) || a.order - b.order; });
    return { words: words, found: found };
  }

  function apply() {
    var result = matches(input.value);
    entries.forEach(function (entry) {
      var shown = result.found.indexOf(entry) !== -1;
      entry.item.hidden = !shown;
      if (entry.article) entry.article.hidden = !shown;
    });
    // Best matches first: titles that hold every word, then the rest in library order.
    result.found.forEach(function (entry) { list.appendChild(entry.item); });
    if (result.words.length === 0) {
      entries.forEach(function (entry) { list.appendChild(entry.item); });
      status.textContent = entries.length + ' runbooks. Type to search their titles and text.';
    } else if (result.found.length === 0) {
      status.textContent = 'No runbook matches \\u201c' + input.value.trim() + '\\u201d.';
    } else {
      status.textContent = result.found.length + ' of ' + entries.length + ' runbooks match. Enter opens the first.';
    }
    return result.found;
  }

  function open(entry) {
    if (!entry || !entry.article) return;
    entry.article.hidden = false;
    location.hash = entry.article.id;
    entry.article.focus();
  }

  input.addEventListener('input', apply);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      open(apply()[0]);
    } else if (event.key === 'Escape') {
      input.value = '';
      apply();
    }
  });
  document.addEventListener('keydown', function (event) {
    var typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });

  // "1 hour ago", "3 days ago": the browser's own wording where it has one, English plurals otherwise.
  function ago(amount, unit) {
    if (typeof Intl === 'object' && typeof Intl.RelativeTimeFormat === 'function') {
      return new Intl.RelativeTimeFormat('en', { numeric: 'always' }).format(-amount, unit);
    }
    return amount + ' ' + unit + (amount === 1 ? '' : 's') + ' ago';
  }

  var age = document.getElementById('age');
  var generated = age ? Date.parse(age.getAttribute('data-generated') || '') : NaN;
  if (age && !isNaN(generated)) {
    var hours = Math.floor((Date.now() - generated) / 3600000);
    if (hours >= 1) {
      age.textContent = '(' + (hours < 48 ? ago(hours, 'hour') : ago(Math.floor(hours / 24), 'day')) + ')';
      if (hours >= 24) document.documentElement.classList.add('stale');
    }
  }
  apply();
})();
`;
