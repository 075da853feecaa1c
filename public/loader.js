// 健康扶贫政策通: the watch over a page's app while it loads. A plain same-origin script (the CSP allows
// scripts from the site itself; no inline code), run before Trunk's module loader (both are deferred, in
// document order), so it sees that loader fail.
//
// Pages that need the app carry a hidden "正在加载……" line (#static-shell .loading): this shows it, and
// when the app has not mounted after WAIT_MS, or its script or wasm fails to load (an error event on the
// module script or a preload, or the loader's rejected init), puts a notice in plain Chinese with a 重试
// button (reload) in its place. With JavaScript off none of this runs: the <noscript> note stays and no
// loading line shows. The app's mount removes #static-shell, and with it the line and any notice (the
// calculator keeps the build's page: it takes the shell's id away and removes the line and notice itself).
(function () {
  'use strict';
  var WAIT_MS = 15000;
  // The reader moving the build's page (a wheel, a swipe, a scrolling key) before the app takes over: the
  // app then keeps their place rather than bringing the address's clause back (src/reading_place.rs). Not
  // the browser's own restoring of a place (a reload), which the app's landing puts right.
  var root = document.documentElement;
  var moved = function () { root.setAttribute('data-moved', ''); };
  addEventListener('wheel', moved, { once: true, passive: true });
  addEventListener('touchmove', moved, { once: true, passive: true });
  addEventListener('keydown', function (e) {
    if (/^(PageDown|PageUp|ArrowDown|ArrowUp|Home|End| )$/.test(e.key)) moved();
  }, { passive: true });
  // A page opened from the worker's copy while the network had a new build of it (crates/sitegen/src/sw.js
  // says so once the new one is kept): reloaded at once if nothing has been touched yet, so a new build's
  // numbers replace the old within the round trip; once something has been typed or tapped (or if this
  // visit is itself a reload), a notice offers the new page instead of taking what was typed away.
  var touched = false;
  var touch = function () { touched = true; };
  addEventListener('pointerdown', touch, { once: true, passive: true, capture: true });
  addEventListener('keydown', touch, { once: true, passive: true, capture: true });
  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener('message', function (e) {
      if (!e.data || e.data.type !== 'page-updated') return;
      var nav = performance.getEntriesByType('navigation')[0];
      if (!touched && !(nav && nav.type === 'reload')) return location.reload();
      if (document.querySelector('.site-updated')) return;
      var note = document.createElement('div');
      note.className = 'site-updated no-print';
      note.setAttribute('role', 'status');
      var said = document.createElement('p');
      said.textContent = '本站有新的版本，这一页显示的可能是旧的。';
      var open = document.createElement('button');
      open.type = 'button';
      open.textContent = '打开新版';
      open.addEventListener('click', function () { location.reload(); });
      note.appendChild(said);
      note.appendChild(open);
      document.body.appendChild(note);
    });
    // Messages sent before this listened have waited in the page's queue: delivered from now.
    navigator.serviceWorker.startMessages();
  }
  var line = document.querySelector('#static-shell .loading');
  if (!line) return;
  line.hidden = false;
  var shown = false;

  function mounted() {
    return !document.getElementById('static-shell');
  }

  function show(text) {
    // A panic while mounting shows the app's own notice (.crash): one notice is enough.
    if (shown || mounted() || document.querySelector('.crash')) return;
    shown = true;
    // A calculator address whose app cannot start: the build's form comes back (web/shell.html hid it until
    // the app had read the address), rather than a note that something is opening; its worked example stays
    // aside (the stylesheet's .answered), so that a calculation's link, a scanned poster, never shows the
    // example's amount in its place. Nor is the form as built (住院, no amounts) to pass for the link's
    // calculation (a 门诊 poster's link showed 住院): the notice, over the form, says the form is blank (the
    // calculator, if it starts after all, opens the link and removes the notice: src/calc_page.rs).
    var result = document.querySelector('#static-shell .calc-result');
    var linkUnopened = result && root.classList.contains('opening-link');
    if (linkUnopened) result.classList.add('answered');
    root.classList.remove('opening-link');
    var box = document.createElement('div');
    box.className = 'notice load-failed';
    box.setAttribute('role', 'alert');
    var p = document.createElement('p');
    p.textContent = text;
    box.appendChild(p);
    if (linkUnopened) {
      var unopened = document.createElement('p');
      unopened.className = 'link-unopened';
      unopened.textContent = '链接里的计算还没有打开：页面上的表格是空白的（选的是默认项），不是链接里的内容。';
      box.appendChild(unopened);
    }
    var again = document.createElement('button');
    again.type = 'button';
    again.textContent = '重试';
    again.addEventListener('click', function () {
      // From the top: the browser would put the reloaded page back where this button was.
      window.scrollTo(0, 0);
      location.reload();
    });
    var docs = document.createElement('p');
    docs.appendChild(document.createTextNode('也可以先阅读'));
    var a = document.createElement('a');
    a.href = '/docs/';
    a.textContent = '政策文件';
    docs.appendChild(a);
    docs.appendChild(document.createTextNode('（不需要等待）。'));
    box.appendChild(again);
    box.appendChild(docs);
    // Over the form when it is not the link's (on a phone the result's place is a screen below it, and the
    // form had been read first, as if it were the link's); else in the loading line's place.
    var form = linkUnopened && document.querySelector('#static-shell form.calc-form');
    if (form) {
      form.before(box);
      line.remove();
    } else {
      line.replaceWith(box);
    }
  }

  function failed() {
    show('页面没有加载成功，可能是网络不好。请检查网络后点“重试”。');
  }

  // Load errors do not bubble: listen in the capture phase. Only the app's own files count (scripts and
  // preloads), and runtime errors before the mount (a failed init).
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t.tagName === 'SCRIPT') return failed();
    if (t && t.tagName === 'LINK' && /preload/.test(t.rel || '')) return failed();
    if (t === window || t === undefined || t === null) return failed();
  }, true);
  window.addEventListener('unhandledrejection', failed);

  setTimeout(function () {
    show('加载时间太长，可能是网络慢。可以再等一会儿，或点“重试”。');
  }, WAIT_MS);
})();
