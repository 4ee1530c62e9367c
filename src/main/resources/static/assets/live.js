// UI-1 collision: an open ticket page tells the desk this person is on it ("viewing", "replying" while the composer is
// typed in, "gone" when the page closes), so colleagues on any node see it. The desk forgets a page silent for ~45 s.
// No inline script (CSP): the page's presence region carries the ticket id in data-presence-ticket.
(function () {
  'use strict';
  var EVERY = 20000;            // a report this often keeps the row fresh (the desk forgets after ~45 s)
  var REPLYING_FOR = 15000;     // "replying" lasts this long after the last keystroke
  var IDLE_AFTER = 600000;      // no reports from a tab nobody touched for 10 min, so the session can still end (WCAG 2.2.1)
  var ticket = null, state = null, lastInput = 0, lastActivity = Date.now(), timer = null;

  function headers() {
    var sent = { 'Content-Type': 'application/x-www-form-urlencoded' };
    try {
      var csrf = JSON.parse(document.body.getAttribute('hx-headers') || '{}');
      Object.keys(csrf).forEach(function (name) { sent[name] = csrf[name]; });
    } catch (ignored) { /* no CSRF header: the desk refuses the report, the page works on */ }
    return sent;
  }

  function report(next, closing) {
    state = next;
    fetch('/live/presence', {
      method: 'POST', credentials: 'same-origin', keepalive: !!closing, headers: headers(),
      body: 'ticket=' + encodeURIComponent(ticket) + '&state=' + next
    }).catch(function () { /* the next report tries again */ });
  }

  // the composer's text area: inside the ticket page's [data-composer] section
  function isComposer(target) {
    return !!(target && target.tagName === 'TEXTAREA' && target.closest && target.closest('[data-composer]'));
  }

  function tick() {
    if (document.visibilityState === 'hidden' || Date.now() - lastActivity > IDLE_AFTER) { return; }
    report(Date.now() - lastInput < REPLYING_FOR ? 'replying' : 'viewing');
  }

  function start() {
    var place = document.querySelector('[data-presence-ticket]');
    if (!place || timer) { return; }
    ticket = place.getAttribute('data-presence-ticket');
    report('viewing');
    timer = setInterval(tick, EVERY);
  }

  function stop() {
    if (!timer) { return; }
    clearInterval(timer);
    timer = null;
    report('gone', true);
  }

  document.addEventListener('input', function (event) {
    if (!ticket || !timer || !isComposer(event.target)) { return; }
    lastInput = lastActivity = Date.now();
    if (state !== 'replying') { report('replying'); }
  });
  ['keydown', 'pointerdown', 'scroll'].forEach(function (name) {
    document.addEventListener(name, function () { lastActivity = Date.now(); }, { passive: true, capture: true });
  });
  document.addEventListener('submit', function (event) {
    if (ticket && isComposer(event.target.querySelector('[data-composer] textarea'))) { lastInput = 0; }
  });
  window.addEventListener('pagehide', stop);
  window.addEventListener('pageshow', function (event) { if (event.persisted) { start(); } });
  document.addEventListener('DOMContentLoaded', start);
})();
