// 健康扶贫政策通: the bars over a document's text (its 文号, the annex being read, the table whose rows are on
// the screen: style.css's .doc-where, .part-where and .table-where) in a browser without CSS scroll-state
// queries. style.css shows a bar while it is stuck to the top of the screen (@container scroll-state(stuck:
// top)), which Safari and Chromium before 133 do not know, and a QR code scanned in WeChat may open in such a
// browser: a row opened from a poster named no table there, and a clause of an annex no annex. Here such a
// browser marks a bar `.stuck` while it is, which style.css shows the same way. A browser that knows the
// query does nothing here. A plain same-origin script, deferred; with JavaScript off the bars do not show
// in such a browser (the row and its cells still say what they are).
(function () {
  'use strict';
  var BARS = '.doc-where, .part-where, .table-where';
  var known = window.CSS && CSS.supports && CSS.supports('container-type', 'scroll-state');
  if (known) return;
  var queued = false;

  // A sticky bar is stuck when it stands at its `top` and the text before its place has gone above that
  // line (it has moved from its place to stay there). Pushed up by the end of its box, it is not at its
  // `top`; not yet reached, its place is below it.
  function stuck(bar) {
    var top = parseFloat(getComputedStyle(bar).top) || 0;
    if (Math.abs(bar.getBoundingClientRect().top - top) > 0.5) return false;
    var before = bar.previousElementSibling;
    var place = before ? before.getBoundingClientRect().bottom : bar.parentElement.getBoundingClientRect().top;
    return place < top - 0.5;
  }

  function mark() {
    queued = false;
    var bars = document.querySelectorAll(BARS);
    var now = [];
    for (var i = 0; i < bars.length; i++) now.push(stuck(bars[i]));
    for (var j = 0; j < bars.length; j++) bars[j].classList.toggle('stuck', now[j]);
  }

  function soon() {
    if (queued) return;
    queued = true;
    requestAnimationFrame(mark);
  }

  // Scrolled by the reader, by the browser to a clause's address, by the app as it takes over the page; the
  // page's width changed (a turned phone, the text size).
  addEventListener('scroll', soon, { passive: true });
  addEventListener('resize', soon);
  addEventListener('load', soon);
  addEventListener('hashchange', soon);
  // The app drawing the page again (its own bars, not yet marked).
  new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
  soon();
})();
