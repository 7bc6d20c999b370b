/* Gloss: entity popovers, theme toggle, glossary filter. No dependencies; text only, never innerHTML. */
(function () {
  "use strict";

  /* ---- theme: follows prefers-color-scheme until the reader chooses; the choice is
     remembered, and forgotten again when it matches the system (so the system rules). ---- */
  var root = document.documentElement;
  var KEY = "gloss-theme";
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function storedTheme() {
    try {
      var value = localStorage.getItem(KEY);
      return value === "dark" || value === "light" ? value : null;
    } catch (e) { return null; }  /* storage may be off */
  }

  function systemTheme() { return media && media.matches ? "dark" : "light"; }

  function applyTheme() {
    var chosen = storedTheme();
    if (chosen) root.setAttribute("data-theme", chosen);
    else root.removeAttribute("data-theme");
  }
  applyTheme();  /* at once, in <head>: no flash of the wrong theme */

  function isDark() { return (root.getAttribute("data-theme") || systemTheme()) === "dark"; }

  function setupToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    button.hidden = false;
    var sync = function () { button.setAttribute("aria-pressed", isDark() ? "true" : "false"); };
    sync();
    button.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      try {
        if (next === systemTheme()) localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
      } catch (e) { /* without storage the choice lasts for this page only */ }
      if (next === systemTheme()) root.removeAttribute("data-theme");
      else root.setAttribute("data-theme", next);
      sync();
    });
    if (media && media.addEventListener) media.addEventListener("change", function () { applyTheme(); sync(); });
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) { applyTheme(); sync(); }  /* another tab chose */
    });
  }

  /* ---- entity popovers (WAI-ARIA tooltip pattern on a link that still works without script) ---- */
  var popover = null;
  var owner = null;
  var hideTimer = null;
  var suppress = null;  // a link focused again by Escape: do not reopen at once

  function definition(slug) {
    return document.getElementById("gloss-" + slug);
  }

  function build(link) {
    var def = definition(link.getAttribute("data-entity"));
    if (!def) return null;
    var box = document.createElement("div");
    box.className = "gloss-popover";
    box.id = "gloss-popover";
    box.setAttribute("role", "tooltip");
    var name = document.createElement("div");
    name.className = "name";
    var dt = def.querySelector("dt a");
    name.textContent = dt ? dt.textContent : link.textContent;
    var kind = document.createElement("div");
    kind.className = "kind";
    kind.textContent = def.getAttribute("data-type") || "";
    var text = document.createElement("p");
    var dd = def.querySelector("dd");
    text.textContent = dd ? dd.textContent : "";
    // entities/counts.js, loaded by the page: how many articles name the entity
    var n = (window.GlossCounts || {})[link.getAttribute("data-entity")];
    var count = document.createElement("div");
    count.className = "count";
    if (typeof n === "number") count.textContent = n + (n === 1 ? " article" : " articles");
    var more = document.createElement("a");
    more.href = link.getAttribute("href");
    more.textContent = "Open the entity page";
    box.appendChild(name); box.appendChild(kind); box.appendChild(text);
    if (count.textContent) box.appendChild(count);
    box.appendChild(more);
    box.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    box.addEventListener("focusout", function () {  // Tab out of the popover's own link
      setTimeout(function () {
        var here = document.activeElement;
        if (popover === box && !box.contains(here) && here !== owner) hide();
      }, 0);
    });
    box.addEventListener("mouseleave", scheduleHide);
    return box;
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (owner === link) return;
    hide();
    var box = build(link);
    if (!box) return;
    document.body.appendChild(box);
    var rect = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(rect.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8));
    box.style.left = left + "px";
    var below = rect.bottom + 6 + box.offsetHeight <= document.documentElement.clientHeight;
    var top = below || rect.top < box.offsetHeight + 6 ? rect.bottom + 6 : rect.top - box.offsetHeight - 6;
    box.style.top = (top + window.scrollY) + "px";
    link.setAttribute("aria-describedby", box.id);
    link.setAttribute("aria-expanded", "true");
    popover = box; owner = link;
  }

  function hide() {
    clearTimeout(hideTimer);
    if (popover && popover.parentNode) popover.parentNode.removeChild(popover);
    if (owner) { owner.removeAttribute("aria-describedby"); owner.setAttribute("aria-expanded", "false"); }
    popover = null; owner = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function setupPopovers() {
    var links = document.querySelectorAll("a.gloss");
    var lastPointer = "mouse";
    document.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType || "mouse";
      if (popover && !popover.contains(event.target) && event.target !== owner) hide();
    });
    Array.prototype.forEach.call(links, function (link) {
      if (!definition(link.getAttribute("data-entity"))) return;
      link.setAttribute("aria-expanded", "false");
      link.addEventListener("mouseenter", function () { show(link); });
      link.addEventListener("mouseleave", scheduleHide);
      link.addEventListener("focus", function () {
        if (suppress === link) { suppress = null; return; }
        show(link);
      });
      link.addEventListener("blur", function () {
        // After the focus has moved: to the next mention, which shows its own explanation
        // (not to be hidden here), or into this one's popover, which keeps it open.
        setTimeout(function () {
          if (popover && owner === link && !popover.contains(document.activeElement)) hide();
        }, 0);
      });
      link.addEventListener("click", function (event) {
        // On touch screens the first tap explains; the link inside the popover opens the page.
        if (lastPointer === "touch" && owner !== link) { event.preventDefault(); show(link); }
        else if (lastPointer === "touch" && owner === link && popover) { event.preventDefault(); }
      });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && popover) {
        var back = owner;
        var inside = popover.contains(document.activeElement);
        hide();
        if (inside && back) { suppress = back; back.focus(); }
      }
    });
  }

  /* ---- glossary type filter: native radios (arrow keys move, Tab leaves), a status line
     says how many entries show, and letters with nothing left are hidden too. ---- */
  function setupFilter() {
    var filter = document.querySelector(".type-filter");
    if (!filter) return;
    var status = filter.querySelector(".filter-status");
    filter.hidden = false;
    filter.addEventListener("change", function (event) {
      var type = event.target.value;
      var shown = 0;
      Array.prototype.forEach.call(document.querySelectorAll(".glossary-list li"), function (li) {
        li.hidden = !!type && li.getAttribute("data-type") !== type;
        if (!li.hidden) shown += 1;
      });
      Array.prototype.forEach.call(document.querySelectorAll("section.letter"), function (section) {
        section.hidden = !section.querySelector("li:not([hidden])");
        var link = document.querySelector('.letters a[href="#' + section.id + '"]');
        if (link && link.parentNode) link.parentNode.hidden = section.hidden;
      });
      if (status) {
        status.textContent = type ? shown + (shown === 1 ? " entry" : " entries") + " of type " + type
          : "All entries shown";
      }
    });
  }

  function start() {
    setupToggle(); setupPopovers(); setupFilter();
    var width = window.innerWidth;  /* phones resize on scroll (toolbars): only width counts */
    window.addEventListener("resize", function () {
      if (popover && window.innerWidth !== width) hide();
      width = window.innerWidth;
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
