/* Inlined into 404.html when site.toml has no base_url. A static host serves that page
   at whatever path was missing, so its relative links would point nowhere: find the
   site's root (the deepest folder above the URL that has static/favicon.svg) and
   rebase the links, the search form and the scripts onto it. */
(function () {
  "use strict";
  try {
    var chosen = localStorage.getItem("gloss-theme");
    if (chosen === "dark" || chosen === "light") {
      document.documentElement.setAttribute("data-theme", chosen);
    }
  } catch (e) { /* storage may be off */ }
  if (!/^https?:$/.test(location.protocol) || !window.fetch) return;

  function candidates() {
    var parts = location.pathname.split("/");
    var roots = [];
    parts.pop();
    while (parts.length) { roots.push(parts.join("/") + "/"); parts.pop(); }
    return roots;
  }

  function rebase(root) {
    var nodes = document.querySelectorAll("a[href], link[href], form[action]");
    Array.prototype.forEach.call(nodes, function (node) {
      var name = node.tagName === "FORM" ? "action" : "href";
      var value = node.getAttribute(name);
      if (/^(#|\/|[a-z][a-z0-9+.\-]*:)/i.test(value)) return;
      node.setAttribute(name, root + value);
    });
    document.body.setAttribute("data-root", root);
    ["static/gloss.js", "static/search.js"].forEach(function (src) {
      var script = document.createElement("script");
      script.src = root + src;
      document.head.appendChild(script);
    });
  }

  function probe(roots, i) {
    if (i >= roots.length) return;
    fetch(roots[i] + "static/favicon.svg", { method: "HEAD", cache: "no-store" }).then(
      function (response) { if (response.ok) rebase(roots[i]); else probe(roots, i + 1); },
      function () { probe(roots, i + 1); });
  }

  function start() { probe(candidates(), 0); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
