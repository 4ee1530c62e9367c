// UI-1 ticket page (issue #14): files dropped on the composer join its "Attach files" input, so they are sent with the
// form exactly as chosen files are (FILE-1: the desk answers a file over the limit with the Support Uploader hint).
// Without this script the file input works as it is.
(function () {
  'use strict';

  function listFiles(zone, input) {
    var list = zone.querySelector('[data-dropped]');
    if (!list) { return; }
    list.textContent = '';
    Array.prototype.forEach.call(input.files, function (file) {
      var item = document.createElement('li');
      item.textContent = file.name + ' (' + Math.max(1, Math.round(file.size / 1024)) + ' KB)';
      list.appendChild(item);
    });
  }

  function addFiles(zone, dropped) {
    var input = zone.querySelector('input[type="file"]');
    if (!input || !dropped || !dropped.length || typeof DataTransfer === 'undefined') { return; }
    var all = new DataTransfer();
    Array.prototype.forEach.call(input.files, function (file) { all.items.add(file); });
    Array.prototype.forEach.call(dropped, function (file) { all.items.add(file); });
    input.files = all.files;
    listFiles(zone, input);
  }

  function zoneOf(target) {
    var composer = target && target.closest ? target.closest('[data-composer]') : null;
    return composer ? composer.querySelector('[data-drop-zone]') : null;
  }

  document.addEventListener('dragover', function (event) {
    var zone = zoneOf(event.target);
    if (zone) { event.preventDefault(); zone.classList.add('dragging'); }
  });
  document.addEventListener('dragleave', function (event) {
    var zone = zoneOf(event.target);
    if (zone) { zone.classList.remove('dragging'); }
  });
  document.addEventListener('drop', function (event) {
    var zone = zoneOf(event.target);
    if (!zone) { return; }
    event.preventDefault();
    zone.classList.remove('dragging');
    addFiles(zone, event.dataTransfer && event.dataTransfer.files);
  });
  document.addEventListener('change', function (event) {
    var zone = event.target.closest && event.target.closest('[data-drop-zone]');
    if (zone && event.target.type === 'file') { listFiles(zone, event.target); }
  });
})();
