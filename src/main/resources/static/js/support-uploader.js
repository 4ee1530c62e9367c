// FILE-2 Support Uploader page: a small tus 1.0.0 client (creation, chunked PATCH, resume by HEAD after a failure).
(function () {
  'use strict';
  var TUS = { 'Tus-Resumable': '1.0.0' };
  var endpoint = location.origin + location.pathname.replace(/\/+$/, '');
  var params = new URLSearchParams(location.search);
  var chunkSize = Math.max(65536, parseInt(params.get('chunk') || '', 10) || 8 * 1024 * 1024);
  var body = document.body;
  var list = document.getElementById('uploads');
  var form = document.getElementById('upload-form');

  document.getElementById('max').textContent = megabytes(Number(body.dataset.max));
  if (body.dataset.state !== 'open') {
    form.hidden = true;
    return;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var files = Array.prototype.slice.call(document.getElementById('files').files);
    document.getElementById('send').disabled = true;
    files.reduce(function (done, file) {
      return done.then(function () { return send(file); });
    }, Promise.resolve()).then(function () {
      document.getElementById('send').disabled = false;
    });
  });

  function send(file) {
    var row = document.createElement('li');
    var label = document.createElement('span');
    var bar = document.createElement('progress');
    bar.max = file.size;
    bar.value = 0;
    row.appendChild(label);
    row.appendChild(document.createElement('br'));
    row.appendChild(bar);
    list.appendChild(row);
    var show = function (text, state) {
      label.textContent = file.name + ': ' + text;
      row.dataset.state = state;
    };
    if (file.size === 0) {
      show('empty files are not accepted', 'failed');
      return Promise.resolve();
    }
    if (file.size > Number(body.dataset.max)) {
      show('larger than ' + megabytes(Number(body.dataset.max)), 'failed');
      return Promise.resolve();
    }
    var key = 'tus:' + endpoint + ':' + file.name + ':' + file.size + ':' + file.lastModified;
    show('starting', 'sending');
    return locate(file, key).then(function (at) {
      return upload(file, at.url, at.offset, bar, show);
    }).then(function () {
      localStorage.removeItem(key);
      bar.value = file.size;
      show('received', 'done');
    }, function (error) {
      show(error.message, 'failed');
    });
  }

  // an upload of this file started earlier (same name, size, date) continues; otherwise a new one is created
  function locate(file, key) {
    var known = localStorage.getItem(key);
    var create = function () {
      return fetch(endpoint, {
        method: 'POST',
        headers: Object.assign({ 'Upload-Length': String(file.size), 'Upload-Metadata': 'filename ' + base64(file.name) }, TUS)
      }).then(function (response) {
        if (response.status !== 201) {
          return refusal(response);
        }
        var url = new URL(response.headers.get('Location'), endpoint).href;
        localStorage.setItem(key, url);
        return { url: url, offset: 0 };
      });
    };
    if (!known) {
      return create();
    }
    return offsetOf(known).then(function (offset) {
      return { url: known, offset: offset };
    }, create);
  }

  // chunk after chunk; after a failed PATCH wait, HEAD the upload and go on from the offset the server has
  async function upload(file, url, offset, bar, show) {
    var failures = 0;
    while (offset < file.size) {
      bar.value = offset;
      show(megabytes(offset) + ' of ' + megabytes(file.size), failures ? 'resuming' : 'sending');
      var end = Math.min(file.size, offset + chunkSize);
      var response = null;
      try {
        response = await fetch(url, {
          method: 'PATCH',
          headers: Object.assign({ 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(offset) }, TUS),
          body: file.slice(offset, end)
        });
      } catch (networkError) {
        response = null;
      }
      if (response && response.status === 204) {
        offset = Number(response.headers.get('Upload-Offset'));
        failures = 0;
        continue;
      }
      if (response && !(response.status === 409 || response.status === 423 || response.status >= 500)) {
        await refusal(response);
      }
      failures++;
      if (failures > 8) {
        throw new Error('the connection keeps failing; press Send again to continue');
      }
      show('connection lost, resuming', 'resuming');
      await wait(Math.min(30000, 250 * Math.pow(2, failures)));
      try {
        offset = await offsetOf(url);
      } catch (error) {
        if (error.final) {
          throw error;
        }
      }
    }
    bar.value = file.size;
  }

  function offsetOf(url) {
    return fetch(url, { method: 'HEAD', headers: TUS, cache: 'no-store' }).then(function (response) {
      if (response.status !== 200) {
        var error = new Error(response.status === 410 ? 'this upload link has expired or its ticket is closed' : 'the upload is gone');
        error.final = response.status === 404 || response.status === 410;
        throw error;
      }
      return Number(response.headers.get('Upload-Offset'));
    });
  }

  function refusal(response) {
    return response.json().catch(function () { return {}; }).then(function (body) {
      var error = new Error(body.description || ('refused (' + response.status + ')'));
      error.final = true;
      throw error;
    });
  }

  function base64(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary);
  }

  function megabytes(bytes) {
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }
})();
