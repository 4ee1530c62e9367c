// UI-1: the consoles' only script of their own. Every page works without it; it adds shortcuts, Ctrl+Enter and the
// session warning. No inline script anywhere (the Content-Security-Policy forbids it), so behaviour hangs on data-* hooks.
(function () {
  'use strict';
  var SHORTCUTS_KEY = 'partnerdesk.shortcuts';

  function shortcutsOn() { return localStorage.getItem(SHORTCUTS_KEY) !== 'off'; }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function rows() { return Array.prototype.slice.call(document.querySelectorAll('[data-row-list] [data-row]')); }

  // WCAG 2.1.4: j/k/Enter/?// are single-key shortcuts, so they can be turned off (the checkbox in the shortcuts dialog)
  function move(step) {
    var all = rows();
    if (!all.length) { return; }
    var current = all.findIndex(function (row) { return row.getAttribute('aria-selected') === 'true'; });
    var next = Math.max(0, Math.min(all.length - 1, current + step));
    all.forEach(function (row, i) { row.setAttribute('aria-selected', i === next ? 'true' : 'false'); });
    var link = all[next].querySelector('a[data-row-link]') || all[next].querySelector('a');
    if (link) { link.focus(); }
  }

  function openShortcuts() {
    var dialog = document.getElementById('shortcuts');
    if (dialog && !dialog.open) {
      var toggle = dialog.querySelector('[data-shortcuts-toggle]');
      if (toggle) { toggle.checked = shortcutsOn(); }
      dialog.showModal();
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && event.target.tagName === 'TEXTAREA' && event.target.form) {
      event.preventDefault();
      event.target.form.requestSubmit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || !shortcutsOn()) { return; }
    if (event.key === 'j') { move(1); event.preventDefault(); }
    else if (event.key === 'k') { move(-1); event.preventDefault(); }
    else if (event.key === '?') { openShortcuts(); event.preventDefault(); }
    else if (event.key === '/') {
      var search = document.querySelector('[data-search-field]');
      var searchPage = document.querySelector('a[href="/agent/search"]');
      if (search) { search.focus(); event.preventDefault(); }
      else if (searchPage) { window.location.assign(searchPage.href); event.preventDefault(); }
    }
  });

  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-shortcuts-open]')) { openShortcuts(); }
  });

  document.addEventListener('change', function (event) {
    if (event.target.matches('[data-shortcuts-toggle]')) {
      localStorage.setItem(SHORTCUTS_KEY, event.target.checked ? 'on' : 'off');
    }
  });

  // WCAG 2.2.1: warn two minutes before the session ends; "Stay signed in" touches the session without leaving the page
  var warningTimer;
  function armSessionWarning() {
    var seconds = parseInt(document.body.getAttribute('data-session-seconds') || '0', 10);
    var warning = document.querySelector('[data-session-warning]');
    if (!seconds || !warning) { return; }
    clearTimeout(warningTimer);
    warning.hidden = true;
    warningTimer = setTimeout(function () { warning.hidden = false; }, Math.max(0, seconds - 120) * 1000);
  }
  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-session-keep]')) {
      fetch('/live/keep-alive', { credentials: 'same-origin' }).then(armSessionWarning);
    }
  });
  document.addEventListener('htmx:afterRequest', armSessionWarning);
  document.addEventListener('DOMContentLoaded', armSessionWarning);
})();
