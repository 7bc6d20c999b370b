/* Gloss search: results as you type and on search.html, from disk (file://) or a server.
 *
 * Pages load only search.js, which loads lunr.min.js and this file on first use. This
 * inserts <script> elements for the prebuilt index parts under search/ (file:// forbids
 * fetching JSON); each part assigns
 * window.GLOSS_SEARCH_PARTS[key]. For a query it loads just the term shards the query
 * needs, expands them into a Lunr 2.x serialized index and loads that with lunr.Index.load.
 * Content is untrusted: the DOM is built with createElement/textContent only.
 * The text pipeline below must equal builder/search.py (tests/test_search.py checks it).
 */
(function () {
  'use strict';
  var G = typeof window !== 'undefined' ? window : globalThis;

  // --- text: glossFold (same as builder.search.fold) -----------------------------------
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var ASTRAL = /[\ud800-\udfff]/g;
  var LETTERS = {'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'æ': 'ae', 'œ': 'oe',
                 'ß': 'ss', 'ı': 'i', 'ħ': 'h', 'ŀ': 'l'};
  var LETTER = /[øłđðþæœßıħŀ]/g;
  var POSSESSIVE = /['\u2019\u02bc]s?(\W*)$/;
  // A word character in any script (builder.search._WORDY); lunr.trimmer's \W is ASCII.
  var WORDY = /[\p{L}\p{N}_]/u;
  // Word separators (builder.search._SEPARATOR): whitespace, hyphens, dashes, '/', '…'.
  var SEPARATOR = /[\s\-\u2010-\u2015\u2026\/]+/;

  function foldWord(w) {
    w = w.normalize('NFKD').replace(MARKS, '').replace(ASTRAL, '')
      .replace(LETTER, function (c) { return LETTERS[c]; });
    w = w.replace(POSSESSIVE, '$1');
    return WORDY.test(w) ? w : '';
  }

  function glossFold(token) {
    var w = foldWord(token.toString());
    return w ? token.update(function () { return w; }) : undefined;
  }

  function trimWord(w) {
    return w.replace(/^[^\p{L}\p{N}_]+/u, '').replace(/[^\p{L}\p{N}_]+$/u, '');
  }

  /** lunr.trimmer in any script (builder.search.trim). */
  function glossTrimmer(token) {
    return token.update(function (s) { return trimWord(s); });
  }

  function commonPrefix(a, b) {
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return a.slice(0, i);
  }

  /** Text helpers bound to one lunr: the same pipeline as the build writes terms with. */
  function Text(lunr) {
    lunr.tokenizer.separator = SEPARATOR;
    if (!lunr.Pipeline.registeredFunctions.glossFold) {
      lunr.Pipeline.registerFunction(glossFold, 'glossFold');
      lunr.Pipeline.registerFunction(glossTrimmer, 'glossTrimmer');
    }
    this.lunr = lunr;
    this.pipe = new lunr.Pipeline();
    this.pipe.add(glossFold, glossTrimmer, lunr.stopWordFilter, lunr.stemmer);
    this.memo = new Map();
  }
  /** The index term of one tokenizer word ('' when the pipeline drops it). */
  Text.prototype.term = function (word) {
    var t = this.memo.get(word);
    if (t === undefined) {
      t = this.pipe.runString(word)[0] || '';
      if (this.memo.size > 20000) this.memo.clear();
      this.memo.set(word, t);
    }
    return t;
  };
  Text.prototype.stemOnly = function (w) {
    return this.lunr.stemmer(new this.lunr.Token(w)).toString();
  };
  /** Words of a text, as lunr.tokenizer cuts them (lower-cased). */
  Text.prototype.words = function (text) {
    return this.lunr.tokenizer(text).map(function (t) { return t.toString(); });
  };
  /**
   * Query clauses from user text. Every word is required; the last one, while it may be
   * unfinished, matches as a prefix (of its stem's common part with the word) with its
   * exact form boosted. Built for the lunr query API: no query syntax, so no syntax errors.
   */
  Text.prototype.plan = function (text, prefixLast, minPrefix) {
    text = String(text || '').slice(0, 500);
    var words = this.words(text).slice(0, 12), clauses = [], seen = {}, self = this;
    var open = prefixLast && !/[\s\-\u2010-\u2015\u2026\/]$/.test(text);
    words.forEach(function (w, i) {
      var term = self.term(w), prefix = '', stemmed = '';
      if (open && i === words.length - 1) {
        var base = foldWord(w) && trimWord(foldWord(w));
        stemmed = base ? commonPrefix(base, self.stemOnly(base)) : '';
        // The stems of its completions can end before what was typed ("runni" → "run",
        // "delegati" → "deleg"): cut one or two letters, and rank the rest first.
        prefix = prefixLast === 'whole' ? stemmed  // a sent search: what was typed, whole
          : stemmed.slice(0, Math.max(minPrefix, stemmed.length - (stemmed.length > 4
            ? 2 : stemmed.length > 3 ? 1 : 0)));
        if (stemmed.length < minPrefix) prefix = stemmed = '';
      }
      var key = term + '\u0000' + prefix;
      if ((term || prefix) && !seen[key]) {
        seen[key] = true;
        clauses.push({term: term, prefix: prefix, typed: stemmed, only: words.length === 1});
      }
    });
    return {text: text, words: words, clauses: clauses};
  };

  /** Runs clauses on any lunr.Index: Gloss's shard-built one or one lunr.js built. */
  function runQuery(lunr, idx, clauses) {
    var P = lunr.Query.presence;
    return idx.query(function (q) {
      clauses.forEach(function (c) {
        if (c.prefix) {
          // A finished stop word ("that") has no term: its completions rank, never filter.
          q.term(c.prefix, {usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING,
                            presence: c.term || c.only ? P.REQUIRED : P.OPTIONAL, boost: 1});
          if (c.term) q.term(c.term, {usePipeline: false, presence: P.OPTIONAL, boost: 10});
        } else {
          q.term(c.term, {usePipeline: false, presence: P.REQUIRED, boost: 10});
        }
      });
    });
  }

  // --- the engine: manifest, shards, per-query index --------------------------------
  var EMPTY = Object.freeze({});

  /** loadPart(key) → Promise of the value a search/<key>.js file registers. */
  function Engine(lunr, loadPart, options) {
    this.text = new Text(lunr);
    this.lunr = lunr;
    this.loadPart = loadPart;
    this.options = Object.assign({maxExpansions: 40, prefixBudget: 1500000, minPrefix: 2},
                                 options || {});
    this.shards = {};
    this.blocks = {};
    this.indexes = [];
  }

  Engine.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = this.loadPart('index').then(function (m) {
        self.manifest = m;
        self.firsts = m.shards.map(function (s) { return s[0]; });
        // as lunr.Builder.calculateAverageFieldLengths: every document has every field
        self.averages = m.lengths.map(function (lengths) {
          return lengths.reduce(function (sum, n) { return sum + n; }, 0) / m.docs;
        });
        return m;
      });
    }
    return this._ready;
  };

  /** The shard that would hold `term` (-1: before every term). */
  Engine.prototype.shardOf = function (term) {
    var lo = 0, hi = this.firsts.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (this.firsts[mid] <= term) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };

  Engine.prototype.prefixShards = function (prefix) {
    var out = [], last = this.shardOf(prefix + '\uffff');
    for (var n = Math.max(0, this.shardOf(prefix)); n <= last; n++) out.push(n);
    return out;
  };

  Engine.prototype.shard = function (n) {
    if (!this.shards[n]) {
      this.shards[n] = this.loadPart('t' + n).then(function (rows) {
        return {rows: rows, terms: rows.map(function (r) { return r[0]; })};
      });
    }
    return this.shards[n];
  };

  /** Bytes of term shards a query would still load (from the manifest's sizes). */
  Engine.prototype.unloaded = function (list) {
    var self = this;
    return list.reduce(function (sum, n) {
      return sum + (self.shards[n] ? 0 : self.manifest.shards[n][1]);
    }, 0);
  };

  Engine.prototype.row = function (loaded, term) {
    var shard = loaded[this.shardOf(term)];
    if (!shard) return null;
    var i = lowerBound(shard.terms, term);
    return shard.terms[i] === term ? shard.rows[i] : null;
  };

  Engine.prototype.completions = function (loaded, prefix) {
    var out = [];
    this.prefixShards(prefix).forEach(function (n) {
      var shard = loaded[n];
      for (var i = lowerBound(shard.terms, prefix); i < shard.terms.length; i++) {
        if (shard.terms[i].lastIndexOf(prefix, 0) !== 0) break;
        out.push(shard.rows[i]);
      }
    });
    return out;
  };

  function lowerBound(list, value) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function postingCount(row) {
    var n = 0;
    for (var i = 2; i < row.length; i++) n += row[i] ? row[i][0].length : 0;
    return n;
  }

  /** Term rows the clauses touch: exact terms, and a prefix's most frequent completions. */
  Engine.prototype.select = function (loaded, clauses) {
    var chosen = {}, self = this, cap = this.options.maxExpansions;
    clauses.forEach(function (c) {
      var row = c.term && self.row(loaded, c.term);
      if (row) chosen[c.term] = row;
      if (!c.prefix) return;
      var rows = self.completions(loaded, c.prefix), typed = c.typed || c.prefix;
      if (rows.length > cap) {  // completions of what was typed first, then the most used
        rows = rows.map(function (r, i) {
          return [(r[0].lastIndexOf(typed, 0) === 0 ? 1e9 : 0) + postingCount(r), -i, r];
        })
          .sort(function (a, b) { return b[0] - a[0] || b[1] - a[1]; })
          .slice(0, cap).map(function (x) { return x[2]; });
      }
      rows.forEach(function (r) { chosen[r[0]] = r; });
    });
    return Object.keys(chosen).sort().map(function (t) { return chosen[t]; });
  };

  /** A Lunr 2.x serialized index of just these term rows, loaded by lunr.Index.load. */
  Engine.prototype.index = function (rows) {
    var key = rows.map(function (r) { return r[0]; }).join('\n');
    for (var c = 0; c < this.indexes.length; c++) {
      if (this.indexes[c][0] === key) return this.indexes[c][1];
    }
    var m = this.manifest, fields = m.fields, averages = this.averages, lunr = this.lunr;
    var inverted = [], vectors = {}, refs = [];
    rows.forEach(function (row) {
      var posting = {_index: row[1]}, counts = [];
      fields.forEach(function (field, f) {
        var docs = posting[field] = {}, list = row[2 + f], doc = 0;
        if (!list) return;
        for (var j = 0; j < list[0].length; j++) {
          doc += list[0][j];
          docs[doc] = EMPTY;
          counts.push([f, doc, list[1][j]]);
        }
      });
      // lunr.Builder.createFieldVectors's BM25, in its order of float operations
      var idf = lunr.idf(posting, m.docs);
      counts.forEach(function (c) {
        var f = c[0], doc = c[1], tf = c[2], ref = fields[f] + '/' + doc;
        var score = idf * ((m.k1 + 1) * tf) /
          (m.k1 * (1 - m.b + m.b * (m.lengths[f][doc] / averages[f])) + tf);
        score *= m.boosts[f];
        if (!vectors[ref]) { vectors[ref] = []; refs.push(ref); }
        vectors[ref].push([row[1], Math.round(score * 1000) / 1000]);
      });
      inverted.push([row[0], posting]);
    });
    var fieldVectors = refs.map(function (ref) {
      var pairs = vectors[ref].sort(function (a, b) { return a[0] - b[0]; }), flat = [];
      pairs.forEach(function (p) { flat.push(p[0], p[1]); });
      return [ref, flat];
    });
    var idx = this.lunr.Index.load({version: this.manifest.version, fields: fields,
                                     fieldVectors: fieldVectors, invertedIndex: inverted,
                                     pipeline: this.manifest.pipeline});
    this.indexes.unshift([key, idx]);
    this.indexes.length = Math.min(this.indexes.length, 12);
    return idx;
  };

  /** → Promise of {plan, results: [{ref, score, terms}]}, best first. */
  // (A lone stop word being typed, "the", still filters: by its completions, "theatre".)
  Engine.prototype.search = function (text, prefixLast) {
    var self = this;
    return this.ready().then(function () {
      var plan = self.text.plan(text, prefixLast === 'whole' ? 'whole' : prefixLast !== false,
                                self.options.minPrefix);
      var need = {};
      var over = function (p) {
        return self.unloaded(self.prefixShards(p)) > self.options.prefixBudget;
      };
      plan.clauses = plan.clauses.filter(function (c) {
        // Too broad a prefix for what is still to load: the typed one, else the word.
        if (c.prefix && over(c.prefix)) c.prefix = c.typed && !over(c.typed) ? c.typed : '';
        if (c.prefix) self.prefixShards(c.prefix).forEach(function (n) { need[n] = true; });
        if (c.term && self.shardOf(c.term) >= 0) need[self.shardOf(c.term)] = true;
        return c.term || c.prefix;
      });
      var wanted = Object.keys(need).map(Number);
      return Promise.all(wanted.map(function (n) { return self.shard(n); }))
        .then(function (shards) {
          var loaded = {};
          wanted.forEach(function (n, i) { loaded[n] = shards[i]; });
          var rows = plan.clauses.length ? self.select(loaded, plan.clauses) : [];
          if (!rows.length) return {plan: plan, results: []};
          var found = runQuery(self.lunr, self.index(rows), plan.clauses);
          return {plan: plan, results: found.map(function (r) {
            return {ref: Number(r.ref), score: r.score,
                    terms: Object.keys(r.matchData.metadata)};
          })};
        });
    });
  };

  /** → Promise of document rows [url, kind, title, source, date, dek, text] for refs. */
  Engine.prototype.docs = function (refs) {
    var self = this, size = this.manifest.block;
    return Promise.all(refs.map(function (ref) {
      var b = Math.floor(ref / size);
      if (!self.blocks[b]) self.blocks[b] = self.loadPart('d' + b);
      return self.blocks[b].then(function (rows) { return rows[ref - b * size]; });
    }));
  };

  /** Text cut into [{text, mark}] pieces around the first word whose term matched. */
  function highlight(textHelp, text, terms, width) {
    var parts = String(text || '').split(/([\s\-\u2010-\u2015\u2026\/]+)/), pieces = [], first = -1, pos = 0;
    var starts = [];
    for (var i = 0; i < parts.length; i++) {
      starts.push(pos);
      pos += parts[i].length;
      var mark = i % 2 === 0 && parts[i] !== '' &&
        terms.has(textHelp.term(parts[i].toLowerCase()));
      pieces.push({text: parts[i], mark: mark});
      if (mark && first < 0) first = i;
      // Past the window after the first match: the rest is not shown, so not looked at.
      if (width && first >= 0 && pos - starts[first] > width) { pos = Infinity; break; }
    }
    if (!width || pos <= width) return unmarkEdges(pieces);
    var from = first < 0 ? 0 : Math.max(0, starts[first] - Math.floor(width / 3));
    var out = [], used = 0;
    for (var k = 0; k < pieces.length && used < width; k++) {
      if (starts[k] < from) continue;
      out.push(pieces[k]);
      used += pieces[k].text.length;
    }
    if (from > 0) out.unshift({text: '… ', mark: false});
    if (used >= width && out.length) out.push({text: ' …', mark: false});
    return unmarkEdges(out);
  }

  /** A marked word's punctuation left outside the mark: `Noem.` → `Noem` + `.`. */
  function unmarkEdges(pieces) {
    var out = [];
    pieces.forEach(function (p) {
      var m = p.mark && /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(p.text);
      if (!m || !m[2]) { out.push(p); return; }
      if (m[1]) out.push({text: m[1], mark: false});
      out.push({text: m[2], mark: true});
      if (m[3]) out.push({text: m[3], mark: false});
    });
    return out;
  }

  G.GlossSearch = {foldWord: foldWord, glossFold: glossFold, glossTrimmer: glossTrimmer,
                   Text: Text, Engine: Engine,
                   runQuery: runQuery, highlight: highlight};

  // --- the page ----------------------------------------------------------------------
  if (typeof document === 'undefined' || !document.getElementById) return;

  var root = (document.body && document.body.getAttribute('data-root')) || '';
  var scripts = {};

  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = src;
        s.async = true;
        s.onload = function () { resolve(); };
        s.onerror = function () { reject(new Error('could not load ' + src)); };
        document.head.appendChild(s);
      });
    }
    return scripts[src];
  }

  function loadPart(key) {
    return loadScript(root + 'search/' + key + '.js').then(function () {
      var parts = G.GLOSS_SEARCH_PARTS || {}, value = parts[key];
      if (value === undefined) throw new Error('search part ' + key + ' is missing');
      delete parts[key];
      return value;
    });
  }

  var enginePromise = null;
  function engine() {
    if (!enginePromise) {
      var lunrReady = G.lunr ? Promise.resolve() : loadScript(root + 'static/lunr.min.js');
      enginePromise = lunrReady.then(function () {
        var e = new Engine(G.lunr, loadPart);
        return e.ready().then(function () { return e; });
      });
      enginePromise.catch(function () { enginePromise = null; });
    }
    return enginePromise;
  }

  G.GlossSearch.engine = engine;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function marked(tag, className, pieces) {
    var node = el(tag, className);
    pieces.forEach(function (p) {
      node.appendChild(p.mark ? el('mark', '', p.text) : document.createTextNode(p.text));
    });
    return node;
  }

  function metaLine(row) {
    if (row[1] === 'entity') return ['Entity', row[5]].filter(Boolean).join(' · ');
    return [row[3], (row[4] || '').slice(0, 10)].filter(Boolean).join(' · ');
  }

  /** Rows and results → what one result shows: title, source/date, highlighted snippet. */
  function resultParts(e, result, row, width) {
    var terms = new Set(result.terms);
    var text = row[1] === 'entity' ? row[6] : (row[6] || row[5]);
    return {href: root + row[0],
            title: highlight(e.text, row[2], terms, 0),
            meta: metaLine(row),
            snippet: highlight(e.text, text, terms, width)};
  }

  function fewerWords(plan) {
    var words = plan.words, out = [];
    for (var i = 0; i < words.length && out.length < 3; i++) {
      out.push(words.slice(0, i).concat(words.slice(i + 1)).join(' '));
    }
    return words.length > 1 ? out : [];
  }

  function searchLink(q) {
    var a = el('a', '', q);
    a.href = root + 'search.html?q=' + encodeURIComponent(q);
    return a;
  }

  function noResults(container, plan, tag) {
    var box = el(tag, 'search-empty');
    // Words that are all too common to be indexed ("said", "the"): say so, not "no results".
    var common = plan.words.length && !plan.clauses.some(function (c) { return c.term; });
    box.appendChild(document.createTextNode(
      common ? '“' + plan.text.trim() + '” is too common to search for: add a rarer word.'
        : plan.clauses.length ? 'No results for “' + plan.text.trim() + '”.'
        : 'Type a word to search.'));
    var fewer = fewerWords(plan);
    if (plan.clauses.length && fewer.length) {
      box.appendChild(document.createTextNode(' Try fewer words: '));
      fewer.forEach(function (q, i) {
        if (i) box.appendChild(document.createTextNode(', '));
        box.appendChild(searchLink(q));
      });
    }
    container.appendChild(box);
    return box;
  }

  // Suggestions under the box in every page's header.
  var form = document.querySelector('form.site-search');
  var input = document.getElementById('search-q');
  var list = document.getElementById('search-suggestions');
  var seq = 0, timer = 0, active = -1;

  function options() { return list ? list.querySelectorAll('li[role="option"] a') : []; }

  function setActive(i) {
    var links = options();
    active = links.length ? (i + links.length) % links.length : -1;
    for (var k = 0; k < links.length; k++) {
      links[k].parentNode.setAttribute('aria-selected', k === active ? 'true' : 'false');
    }
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', links[active].parentNode.id);
      links[active].parentNode.scrollIntoView({block: 'nearest'});
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function close() {
    if (!list) return;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function showSuggestions(e, plan, results, rows) {
    list.textContent = '';
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (!results.length) {
      noResults(list, plan, 'li').setAttribute('role', 'option');
      list.lastChild.setAttribute('aria-disabled', 'true');
    }
    rows.forEach(function (row, i) {
      var p = resultParts(e, results[i], row, 140);
      var li = el('li', 'search-suggestion');
      li.setAttribute('role', 'option');
      li.id = 'search-opt-' + i;
      li.setAttribute('aria-selected', 'false');
      var a = el('a');
      a.href = p.href;
      a.tabIndex = -1;
      a.appendChild(marked('div', 'search-title', p.title));
      a.appendChild(el('div', 'search-meta', p.meta));
      a.appendChild(marked('div', 'search-snippet', p.snippet));
      li.appendChild(a);
      list.appendChild(li);
    });
    if (results.length) {
      var more = el('li', 'search-all');
      more.setAttribute('role', 'option');
      more.id = 'search-opt-all';
      more.setAttribute('aria-selected', 'false');
      var a = searchLink('All ' + results.length + ' results for “' + plan.text.trim() + '”');
      a.href = root + 'search.html?q=' + encodeURIComponent(plan.text.trim());
      a.tabIndex = -1;
      more.appendChild(a);
      list.appendChild(more);
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function suggest() {
    var q = input.value, mine = ++seq;
    if (!q.trim()) { close(); return; }
    engine().then(function (e) {
      return e.search(q, true).then(function (found) {
        var top = found.results.slice(0, 8);
        return e.docs(top.map(function (r) { return r.ref; })).then(function (rows) {
          if (mine === seq) showSuggestions(e, found.plan, top, rows);
        });
      });
    }).catch(function () {
      if (mine !== seq) return;
      list.textContent = '';
      list.appendChild(el('li', 'search-empty', 'Search could not load its index.'));
      list.hidden = false;
    });
  }

  if (form && input && list) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.addEventListener('focus', function () { engine().catch(function () {}); });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 90);
    });
    input.addEventListener('keydown', function (ev) {
      var open = !list.hidden;
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        if (!open) { if (list.firstChild) { list.hidden = false; } else { suggest(); } return; }
        setActive(active + (ev.key === 'ArrowDown' ? 1 : -1));
      } else if (ev.key === 'Enter') {
        var links = options();
        if (open && active >= 0 && links[active]) {
          ev.preventDefault();
          G.location.href = links[active].href;
        } else if (!input.value.trim()) {
          ev.preventDefault();
        }
      } else if (ev.key === 'Escape') {
        if (open) { ev.preventDefault(); close(); } else if (input.value) { input.value = ''; }
      }
    });
    list.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
    document.addEventListener('click', function (ev) {
      if (!form.contains(ev.target)) close();
    });
    form.addEventListener('focusout', function () {
      setTimeout(function () { if (!form.contains(document.activeElement)) close(); }, 0);
    });
    // Loaded by the first keystroke: answer it.
    if (document.activeElement === input && input.value.trim()) suggest();
  }

  // The results page: search.html?q=…
  var page = document.getElementById('search-page-results');
  if (page) {
    var q = new URLSearchParams(G.location.search).get('q') || '';
    if (input) input.value = q;
    if (q.trim()) runPage(page, q);
  }

  function runPage(box, q) {
    box.setAttribute('aria-busy', 'true');
    engine().then(function (e) {
      // A search that was sent: its words as typed ("cliche" is not "cli…"); as prefixes
      // only when that finds nothing (a word left unfinished: "Scho").
      // (Nothing to look for but words too common to index, "said": no prefixes either.)
      return e.search(q, false).then(function (exact) {
        return exact.results.length || !exact.plan.clauses.length ? exact
          : e.search(q, 'whole');
      }).then(function (found) {
        box.textContent = '';
        var results = found.results;
        if (!results.length) { noResults(box, found.plan, 'p'); return; }
        box.appendChild(el('p', 'search-status', results.length +
          (results.length === 1 ? ' result' : ' results') + ' for “' + q.trim() + '”'));
        var ol = el('ol', 'search-results');
        box.appendChild(ol);
        var shown = 0, button = el('button', 'search-more', 'Show more results');
        button.type = 'button';
        function more() {
          var batch = results.slice(shown, shown + 20);
          shown += batch.length;
          return e.docs(batch.map(function (r) { return r.ref; })).then(function (rows) {
            rows.forEach(function (row, i) {
              var p = resultParts(e, batch[i], row, 240);
              var li = el('li', 'search-result');
              var h = el('h2', 'search-title'), a = el('a');
              a.href = p.href;
              p.title.forEach(function (t) {
                a.appendChild(t.mark ? el('mark', '', t.text) : document.createTextNode(t.text));
              });
              h.appendChild(a);
              li.appendChild(h);
              li.appendChild(el('p', 'search-meta', p.meta));
              li.appendChild(marked('p', 'search-snippet', p.snippet));
              ol.appendChild(li);
            });
            button.hidden = shown >= results.length;
          });
        }
        button.addEventListener('click', more);
        box.appendChild(button);
        return more();
      });
    }).catch(function () {
      box.textContent = '';
      box.appendChild(el('p', 'search-empty', 'Search could not load its index.'));
    }).then(function () { box.removeAttribute('aria-busy'); });
  }
})();
