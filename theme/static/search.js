/* Gloss search loader, on every page: it stays small. The first focus or keystroke in the
 * search box (or opening search.html) loads lunr.min.js, then search-engine.js, which
 * does the rest (index parts, suggestions, the results page). */
(function () {
  'use strict';
  var root = document.body.getAttribute('data-root') || '', started = false;
  function start() {
    if (started) return;
    started = true;
    ['static/lunr.min.js', 'static/search-engine.js'].forEach(function (path) {
      var s = document.createElement('script');
      s.src = root + path;
      s.async = false;  // in this order
      document.head.appendChild(s);
    });
  }
  var input = document.getElementById('search-q');
  if (input) {
    input.addEventListener('focus', start);
    input.addEventListener('input', start);
    if (document.activeElement === input) start();
  }
  if (document.getElementById('search-page-results')) start();
})();
