/* SiteGen search page script. No framework, no third party: it fetches only the static index the
 * build wrote under the site's base path (index.json, keys.bin, norms.bin, fold.json, shards/<n>.bin,
 * docs/<n>.json, and meta.bin when a filter is chosen) and renders results with DOM nodes (textContent, never innerHTML).
 * Folding, tokenizing, stemming and ranking repeat SiteGen.Search in C# exactly; docs/search.md
 * describes both. In Node the core is exported for tests (module.exports). */
(function () {
  'use strict';

  // ---------------------------------------------------------------- folding and tokenizing

  /** Traditional -> Simplified map (code point -> code point), loaded from fold.json when needed. */
  var foldMap = null;

  function setFoldTable(table) {
    var map = new Map();
    var from = Array.from(table.from);
    var to = Array.from(table.to);
    for (var i = 0; i < from.length; i++) map.set(from[i].codePointAt(0), to[i].codePointAt(0));
    foldMap = map;
  }

  var MARK = /[\p{Mn}\p{Me}]/u;
  var WORD = /[\p{L}\p{N}\p{Mc}]/u;
  var foldCache = new Map();

  function mapped(cp) {
    if (foldMap === null) return cp;
    var s = foldMap.get(cp);
    return s === undefined ? cp : s;
  }

  /** The folded form of one code point (same rules as TextFolding.Fold). */
  function foldCp(cp) {
    if (cp < 0x80) return cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
    if (cp >= 0xd800 && cp <= 0xdfff) return '\ufffd';
    if (foldMap !== null && foldMap.has(cp)) return String.fromCodePoint(foldMap.get(cp));
    var cached = foldCache.get(cp);
    if (cached !== undefined) return cached;
    var out = '';
    for (var ch of String.fromCodePoint(cp).normalize('NFKD')) {
      if (MARK.test(ch)) continue;
      var lower = ch.toLowerCase();
      for (var c of lower) {
        var v = c.codePointAt(0);
        if (v === 0x3c2) v = 0x3c3; // final sigma
        out += String.fromCodePoint(mapped(v));
      }
    }
    if (foldMap !== null) foldCache.set(cp, out);
    return out;
  }

  function isCjk(cp) {
    return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0x20000 && cp <= 0x323af) || (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3005 && cp <= 0x3007);
  }

  /** Folded words and CJK runs with the span of every character in the original text. */
  function segments(text) {
    var result = [];
    var buf = [], starts = [], ends = [];
    var cjk = false, apostrophe = false, index = 0;
    function flush() {
      apostrophe = false;
      if (buf.length === 0) return;
      result.push(cjk
        ? { cjk: true, chars: buf, starts: starts, ends: ends }
        : { cjk: false, text: buf.join(''), starts: [starts[0]], ends: [ends[ends.length - 1]] });
      buf = []; starts = []; ends = [];
    }
    for (var ch of text) {
      var start = index;
      index += ch.length;
      for (var f of foldCp(ch.codePointAt(0))) {
        var cp = f.codePointAt(0);
        if (isCjk(cp)) {
          if (!cjk) flush();
          cjk = true;
          buf.push(f); starts.push(start); ends.push(index);
        } else if (WORD.test(f)) {
          if (cjk) flush();
          cjk = false;
          apostrophe = false;
          buf.push(f); starts.push(start); ends.push(index);
        } else if ((cp === 0x27 || cp === 0x2019) && !cjk && buf.length > 0 && !apostrophe) {
          apostrophe = true;
        } else {
          flush();
        }
      }
    }
    flush();
    return result;
  }

  var STOP = new Set(('a about above after again against all am an and any are arent as at be because been before ' +
    'being below between both but by cannot cant could couldnt did didnt do does doesnt doing dont down during each few ' +
    'for from further had hadnt has hasnt have havent having he hed her here heres hers herself hes him himself his how ' +
    'hows i id if im in into is isnt it its itself ive me more most mustnt my myself no nor not of off on once only or ' +
    'other ought our ours ourselves out over own same shant she shes should shouldnt so some such than that thats the ' +
    'their theirs them themselves then there theres these they theyd theyll theyre theyve this those through to too ' +
    'under until up very was wasnt we were werent weve what whats when whens where wheres which while who whom whos why ' +
    'whys with wont would wouldnt you youd youll your youre yours yourself yourselves youve').split(' '));

  // Porter2 (English Snowball) stemmer, from the published description; twin of Porter2Stemmer.cs.
  var EXC1 = { skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe',
    atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes' };
  var EXC2 = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);
  var STEP2 = [['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
    ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'], ['alism', 'al'],
    ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'], ['enci', 'ence'], ['anci', 'ance'],
    ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'], ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', '']];
  var STEP3 = [['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
    ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', '']];
  var STEP4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive',
    'ize', 'ion', 'al', 'er', 'ic'];

  function isVowel(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y'; }
  function regionAfter(s, start) {
    for (var i = start + 1; i < s.length; i++) if (!isVowel(s[i]) && isVowel(s[i - 1])) return i + 1;
    return s.length;
  }
  function shortSyllable(s) {
    var n = s.length;
    if (n === 2) return isVowel(s[0]) && !isVowel(s[1]);
    return n >= 3 && !isVowel(s[n - 3]) && isVowel(s[n - 2]) && !isVowel(s[n - 1]) &&
      s[n - 1] !== 'w' && s[n - 1] !== 'x' && s[n - 1] !== 'Y';
  }
  function hasVowel(s, end) { for (var i = 0; i < end; i++) if (isVowel(s[i])) return true; return false; }
  function ends(s, x) { return s.length >= x.length && s.slice(s.length - x.length) === x; }

  function stem(word) {
    if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
    if (Object.prototype.hasOwnProperty.call(EXC1, word)) return EXC1[word];
    var w = word.split('');
    for (var i = 0; i < w.length; i++) if (w[i] === 'y' && (i === 0 || isVowel(w[i - 1]))) w[i] = 'Y';
    var s = w.join('');
    var r1 = s.startsWith('gener') || s.startsWith('arsen') ? 5 : s.startsWith('commun') ? 6 : regionAfter(s, 0);
    var r2 = regionAfter(s, r1);
    // 1a
    if (ends(s, 'sses')) s = s.slice(0, -2);
    else if (ends(s, 'ied') || ends(s, 'ies')) s = s.length > 4 ? s.slice(0, -2) : s.slice(0, -1);
    else if (ends(s, 'us') || ends(s, 'ss')) { /* keep */ }
    else if (ends(s, 's') && s.length >= 2 && hasVowel(s, s.length - 2)) s = s.slice(0, -1);
    if (EXC2.has(s)) return s;
    // 1b
    s = step1b(s, r1);
    // 1c
    if (s.length > 2 && (s[s.length - 1] === 'y' || s[s.length - 1] === 'Y') && !isVowel(s[s.length - 2])) s = s.slice(0, -1) + 'i';
    // 2
    s = step23(s, STEP2, r1, r2, true);
    // 3
    s = step23(s, STEP3, r1, r2, false);
    // 4
    for (var k = 0; k < STEP4.length; k++) {
      var suf = STEP4[k];
      if (!ends(s, suf)) continue;
      var st = s.length - suf.length;
      if (st >= r2) {
        if (suf !== 'ion') s = s.slice(0, st);
        else if (st > 0 && (s[st - 1] === 's' || s[st - 1] === 't')) s = s.slice(0, st);
      }
      break;
    }
    // 5
    if (ends(s, 'e')) {
      var e = s.length - 1;
      if (e >= r2 || (e >= r1 && !shortSyllable(s.slice(0, e)))) s = s.slice(0, e);
    } else if (ends(s, 'l') && s.length - 1 >= r2 && s.length >= 2 && s[s.length - 2] === 'l') {
      s = s.slice(0, -1);
    }
    return s.replace(/Y/g, 'y');
  }

  function step1b(s, r1) {
    var eeds = ['eedly', 'eed'];
    for (var i = 0; i < eeds.length; i++) {
      if (ends(s, eeds[i])) return s.length - eeds[i].length >= r1 ? s.slice(0, s.length - eeds[i].length) + 'ee' : s;
    }
    var sufs = ['ingly', 'edly', 'ing', 'ed'];
    for (var j = 0; j < sufs.length; j++) {
      if (!ends(s, sufs[j])) continue;
      var st = s.slice(0, s.length - sufs[j].length);
      if (!hasVowel(st, st.length)) return s;
      if (ends(st, 'at') || ends(st, 'bl') || ends(st, 'iz')) return st + 'e';
      var last = st[st.length - 1];
      if (st.length >= 2 && last === st[st.length - 2] && 'bdfgmnprt'.indexOf(last) >= 0) return st.slice(0, -1);
      return r1 >= st.length && shortSyllable(st) ? st + 'e' : st;
    }
    return s;
  }

  function step23(s, rules, r1, r2, two) {
    for (var i = 0; i < rules.length; i++) {
      var suf = rules[i][0], rep = rules[i][1];
      if (!ends(s, suf)) continue;
      var st = s.length - suf.length;
      if (st < r1) return s;
      if (two && suf === 'ogi') return st > 0 && s[st - 1] === 'l' ? s.slice(0, st) + rep : s;
      if (two && suf === 'li') return st > 0 && 'cdeghkmnrt'.indexOf(s[st - 1]) >= 0 ? s.slice(0, st) : s;
      if (!two && suf === 'ative' && st < r2) return s;
      return s.slice(0, st) + rep;
    }
    return s;
  }

  var MAX_WORD = 40;

  function wordTerm(folded) {
    if (folded.length > MAX_WORD || STOP.has(folded)) return null;
    return stem(folded);
  }

  /** Query units: { terms, phrase, chars } like SearchQuery.Parse. */
  function parseQuery(text) {
    var units = [], seen = new Set();
    segments(text).forEach(function (seg) {
      var unit = null;
      if (!seg.cjk) {
        var t = wordTerm(seg.text);
        if (t !== null) unit = { terms: [t], phrase: false, chars: null };
      } else if (seg.chars.length <= 2) {
        unit = { terms: [seg.chars.join('')], phrase: false, chars: seg.chars };
      } else {
        var terms = [];
        for (var i = 0; i + 1 < seg.chars.length; i++) terms.push(seg.chars[i] + seg.chars[i + 1]);
        unit = { terms: terms, phrase: true, chars: seg.chars };
      }
      if (unit !== null) {
        var key = unit.terms.join(' ');
        if (!seen.has(key)) { seen.add(key); units.push(unit); }
      }
    });
    return units;
  }

  /** The original-text ranges [start, end) a query matches in a text, merged, for highlighting. */
  function matchRanges(text, units) {
    var words = new Set(), runs = [], ranges = [];
    units.forEach(function (u) { if (u.chars === null) words.add(u.terms[0]); else runs.push(u.chars); });
    segments(text).forEach(function (seg) {
      if (!seg.cjk) {
        var t = wordTerm(seg.text);
        if (t !== null && words.has(t)) ranges.push([seg.starts[0], seg.ends[0]]);
        return;
      }
      runs.forEach(function (run) {
        for (var i = 0; i + run.length <= seg.chars.length; i++) {
          var ok = true;
          for (var k = 0; k < run.length && ok; k++) ok = seg.chars[i + k] === run[k];
          if (ok) ranges.push([seg.starts[i], seg.ends[i + run.length - 1]]);
        }
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  // ---------------------------------------------------------------- the index

  function readVarint(bytes, at) {
    var result = 0, scale = 1, b;
    do {
      b = bytes[at.i++];
      result += (b & 0x7f) * scale;
      scale *= 128;
    } while (b >= 0x80);
    return result;
  }

  var utf8 = new TextDecoder('utf-8');

  /** A front-coded term or key (FrontCoding): bytes shared with the previous one, then the rest. */
  function readFrontCoded(bytes, at, previous) {
    var shared = readVarint(bytes, at), len = readVarint(bytes, at);
    var own = new Uint8Array(shared + len);
    own.set(previous.subarray(0, shared));
    own.set(bytes.subarray(at.i, at.i + len), shared);
    at.i += len;
    return { text: utf8.decode(own), bytes: own };
  }

  /** An index read through `load(relativePath, kind)` -> Promise of ArrayBuffer ('bin') or parsed JSON ('json'). */
  function Index(load) {
    this.load = load;
    this.cache = new Map();
    this.manifest = null;
    this.keys = null;
    this.norms = null;
    this.meta = null;
  }

  /** A document length from its norms.bin byte (LengthNorm.Decode). */
  function normLength(b) {
    return b < 32 ? b : (16 + (b & 15)) << ((b >> 4) - 1);
  }

  Index.prototype.get = function (path, kind) {
    if (!this.cache.has(path)) this.cache.set(path, this.load(path, kind));
    return this.cache.get(path);
  };

  Index.prototype.open = function () {
    var self = this;
    if (this.opening) return this.opening;
    this.opening = this.get('index.json', 'json').then(function (m) {
      if (m.format !== 2) throw new Error('unknown search index format ' + m.format);
      self.manifest = m;
      return Promise.all([self.get(m.keys, 'bin'), self.get(m.norms, 'bin')]);
    }).then(function (files) {
      var keyBytes = new Uint8Array(files[0]), at = { i: 0 }, keys = new Array(readVarint(keyBytes, at)), previous = new Uint8Array(0);
      for (var k = 0; k < keys.length; k++) {
        var entry = readFrontCoded(keyBytes, at, previous);
        keys[k] = entry.text;
        previous = entry.bytes;
      }
      self.keys = keys;
      var bytes = new Uint8Array(files[1]), norms = new Int32Array(bytes.length);
      for (var d = 0; d < bytes.length; d++) norms[d] = normLength(bytes[d]);
      self.norms = norms;
      return self;
    });
    return this.opening;
  };

  /** Outlet, language, year and events per document (meta.bin): loaded once, only when a filter is chosen. */
  Index.prototype.facets = function () {
    var self = this;
    if (this.meta !== null) return Promise.resolve(this.meta);
    return this.get(this.manifest.meta, 'bin').then(function (buffer) {
      var bytes = new Uint8Array(buffer), at = { i: 0 };
      var n = readVarint(bytes, at);
      var meta = { outlet: new Int32Array(n), lang: new Int32Array(n), year: new Int32Array(n), events: new Array(n) };
      for (var d = 0; d < n; d++) {
        meta.outlet[d] = readVarint(bytes, at);
        meta.lang[d] = readVarint(bytes, at);
        meta.year[d] = readVarint(bytes, at);
        var c = readVarint(bytes, at), ev = [];
        for (var k = 0; k < c; k++) ev.push(readVarint(bytes, at));
        meta.events[d] = ev;
      }
      self.meta = meta;
      return meta;
    });
  };

  /** Loads the folding table once, only when a query or text needs more than ASCII. */
  Index.prototype.fold = function () {
    if (foldMap !== null) return Promise.resolve();
    return this.get(this.manifest.fold, 'json').then(function (t) { if (foldMap === null) setFoldTable(t); });
  };

  Index.prototype.shardOf = function (term) {
    var keys = this.keys, lo = 0, hi = keys.length - 1, found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] <= term) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };

  Index.prototype.shard = function (n) {
    var key = 'shard:' + n;
    if (!this.cache.has(key)) {
      this.cache.set(key, this.get(this.manifest.shardPath.replace('{n}', String(n)), 'bin').then(function (buffer) {
        var bytes = new Uint8Array(buffer), at = { i: 0 }, entries = new Map();
        var count = readVarint(bytes, at), previous = new Uint8Array(0);
        for (var t = 0; t < count; t++) {
          var entry = readFrontCoded(bytes, at, previous), term = entry.text;
          previous = entry.bytes;
          var df = readVarint(bytes, at), size = readVarint(bytes, at);
          entries.set(term, { df: df, start: at.i, end: at.i + size, bytes: bytes });
          at.i += size;
        }
        return entries;
      }));
    }
    return this.cache.get(key);
  };

  /** Map doc -> [title tf, other tf] for one term. */
  Index.prototype.postings = function (term) {
    return this.shard(this.shardOf(term)).then(function (entries) {
      var e = entries.get(term), result = new Map();
      if (!e) return result;
      var at = { i: e.start }, doc = -1;
      for (var k = 0; k < e.df; k++) {
        // varint(delta * 4 + code): code 0-2 is "body only, 1-3 times", 3 is followed by both counts (PostingCodec).
        var head = readVarint(e.bytes, at), code = head % 4;
        doc += Math.floor(head / 4);
        if (code === 3) {
          var title = readVarint(e.bytes, at), other = readVarint(e.bytes, at);
          result.set(doc, [title, other]);
        } else {
          result.set(doc, [0, code + 1]);
        }
      }
      return result;
    });
  };

  /** A unit's matches: every term must occur; a phrase counts as often as its rarest bigram. */
  function matchUnit(lists) {
    var result = new Map();
    if (lists.some(function (l) { return l.size === 0; })) return result;
    lists[0].forEach(function (first, doc) {
      var title = first[0], other = first[1];
      for (var i = 1; i < lists.length; i++) {
        var p = lists[i].get(doc);
        if (p === undefined) return;
        title = Math.min(title, p[0]);
        other = Math.min(other, p[1]);
      }
      result.set(doc, title + other > 0 ? [title, other] : [0, 1]);
    });
    return result;
  }

  /**
   * Every document that matches every unit, with its BM25 score (title and event names boosted),
   * best first; ties by document order. Same arithmetic as SearchIndexReader.Search.
   */
  Index.prototype.search = function (units) {
    var self = this;
    if (units.length === 0) return Promise.resolve([]);
    var needsFold = units.some(function (u) { return /[^\x00-\x7f]/.test(u.terms.join('')); });
    return (needsFold ? this.fold() : Promise.resolve()).then(function () {
      return Promise.all(units.map(function (u) { return Promise.all(u.terms.map(function (t) { return self.postings(t); })); }));
    }).then(function (all) {
      var m = self.manifest, norms = self.norms;
      var matches = units.map(function (u, i) { return matchUnit(all[i]); });
      if (matches.some(function (x) { return x.size === 0; })) return [];
      var hits = [];
      matches[0].forEach(function (unused, doc) {
        for (var i = 1; i < matches.length; i++) if (!matches[i].has(doc)) return;
        var score = 0;
        for (var u = 0; u < matches.length; u++) {
          var tf = matches[u].get(doc), df = matches[u].size;
          var idf = Math.log(1 + ((m.docs - df + 0.5) / (df + 0.5)));
          var w = (m.titleBoost * tf[0]) + tf[1];
          score += idf * (w * (m.k1 + 1) / (w + (m.k1 * (1 - m.b + (m.b * norms[doc] / Math.max(1, m.avgdl))))));
        }
        hits.push({ doc: doc, score: score });
      });
      hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      return hits;
    });
  };

  Index.prototype.doc = function (n) {
    var per = this.manifest.docsPerChunk;
    return this.get(this.manifest.docPath.replace('{n}', String(Math.floor(n / per))), 'json').then(function (chunk) {
      return chunk[n % per];
    });
  };

  var core = {
    setFoldTable: setFoldTable, foldCp: foldCp, segments: segments, stem: stem, wordTerm: wordTerm,
    parseQuery: parseQuery, matchRanges: matchRanges, Index: Index,
  };

  if (typeof module !== 'undefined' && module.exports) {
    module.exports = core;
    return;
  }

  // ---------------------------------------------------------------- the page

  var STRINGS = {
    zh: {
      results: '共 {n} 条结果', none: '没有找到与“{q}”相关的文章。', prompt: '输入关键词搜索全部文章。',
      loading: '正在搜索…', failed: '无法加载搜索索引。', page: '第 {p} / {n} 页', prev: '上一页', next: '下一页',
      outlet: '媒体', lang: '语言', year: '年份', event: '事件', any: '全部', filters: '筛选',
      langs: { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: '英文' },
    },
    en: {
      results: '{n} results', none: 'No articles found for “{q}”.', prompt: 'Type words to search every article.',
      loading: 'Searching…', failed: 'The search index could not be loaded.', page: 'Page {p} of {n}', prev: 'Previous',
      next: 'Next', outlet: 'Outlet', lang: 'Language', year: 'Year', event: 'Event', any: 'All', filters: 'Filters',
      langs: { 'zh-Hans': 'Chinese (Simplified)', 'zh-Hant': 'Chinese (Traditional)', en: 'English' },
    },
  };
  var PER_PAGE = 10;
  var FILTERS = ['outlet', 'lang', 'year', 'event'];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function fill(node, text, units) {
    var ranges = units.length ? matchRanges(text, units) : [], at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) node.appendChild(document.createTextNode(text.slice(at, r[0])));
      node.appendChild(el('mark', null, text.slice(r[0], r[1])));
      at = r[1];
    });
    if (at < text.length) node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  function format(s, values) {
    return s.replace(/\{(\w+)\}/g, function (_, k) { return values[k] !== undefined ? String(values[k]) : ''; });
  }

  function start(rootEl) {
    var ui = rootEl.getAttribute('data-lang') === 'en' ? 'en' : 'zh';
    var t = STRINGS[ui];
    var base = rootEl.getAttribute('data-base') || '/';
    var indexUrl = rootEl.getAttribute('data-index') || (base + 'search/');
    var form = rootEl.querySelector('form');
    var input = rootEl.querySelector('input[name=q]');
    var status = rootEl.querySelector('[data-search-status]');
    var list = rootEl.querySelector('[data-search-results]');
    var pager = rootEl.querySelector('[data-search-pager]');
    var filterBox = rootEl.querySelector('[data-search-filters]');
    var selects = {};
    var index = new Index(function (path, kind) {
      return fetch(indexUrl + path, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
        return kind === 'json' ? r.json() : r.arrayBuffer();
      });
    });
    var state = readUrl();
    var generation = 0;
    var timer = null;

    function readUrl() {
      var p = new URLSearchParams(window.location.search);
      var s = { q: p.get('q') || '', page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1) };
      FILTERS.forEach(function (f) { s[f] = p.get(f) || ''; });
      return s;
    }

    // Typing adds one history entry for the new query and then keeps it current; Enter, a filter or a
    // page commits it (a new entry unless typing made one), so Back returns to the query before,
    // however fast the typing was.
    var typed = false;
    function writeUrl(how) {
      var p = new URLSearchParams();
      if (state.q) p.set('q', state.q);
      FILTERS.forEach(function (f) { if (state[f]) p.set(f, state[f]); });
      if (state.page > 1) p.set('page', String(state.page));
      var url = window.location.pathname + (p.toString() ? '?' + p.toString() : '');
      var push = how === 'typing' ? !typed : how && !typed;
      if (push) window.history.pushState(null, '', url); else window.history.replaceState(null, '', url);
      typed = how === 'typing';
    }

    function label(kind, value) {
      var m = index.manifest;
      if (kind === 'lang') return t.langs[value] || value;
      if (kind === 'year') return value;
      var entry = (kind === 'outlet' ? m.outlets : m.events).find(function (x) { return x.id === value; });
      return entry && entry.names ? (entry.names[ui] || entry.names.zh || entry.names.en || value) : value;
    }

    function buildFilters() {
      var m = index.manifest;
      var values = {
        outlet: m.outlets.map(function (x) { return x.id; }),
        lang: m.langs.map(function (x) { return x.id; }),
        year: m.years.map(function (x) { return String(x.id); }).reverse(),
        event: m.events.map(function (x) { return x.id; }),
      };
      FILTERS.forEach(function (f) {
        if (values[f].length === 0) return;
        var wrap = el('label', 'search-filter');
        wrap.appendChild(el('span', null, t[f]));
        var select = el('select');
        select.name = f;
        var any = el('option', null, t.any);
        any.value = '';
        select.appendChild(any);
        values[f].forEach(function (v) {
          var o = el('option', null, label(f, v));
          o.value = v;
          select.appendChild(o);
        });
        select.value = state[f];
        select.addEventListener('change', function () { state[f] = select.value; state.page = 1; writeUrl(true); run(); });
        wrap.appendChild(select);
        filterBox.appendChild(wrap);
        selects[f] = select;
      });
    }

    function passes(doc) {
      var m = index.manifest, meta = index.meta;
      if (state.outlet && m.outlets[meta.outlet[doc]].id !== state.outlet) return false;
      if (state.lang && m.langs[meta.lang[doc]].id !== state.lang) return false;
      if (state.year && String(m.years[meta.year[doc]].id) !== state.year) return false;
      if (state.event && !meta.events[doc].some(function (e) { return m.events[e].id === state.event; })) return false;
      return true;
    }

    function run() {
      var my = ++generation;
      var units = parseQuery(state.q);
      list.replaceChildren();
      pager.replaceChildren();
      if (!state.q.trim()) { status.textContent = t.prompt; return; }
      status.textContent = t.loading;
      var needsFold = /[^\x00-\x7f]/.test(state.q);
      (needsFold ? index.fold() : Promise.resolve())
        .then(function () { units = parseQuery(state.q); return index.search(units); })
        .then(function (hits) {
          var filtered = state.outlet || state.lang || state.year || state.event;
          return filtered ? index.facets().then(function () { return hits.filter(function (h) { return passes(h.doc); }); }) : hits;
        })
        .then(function (hits) {
          if (my !== generation) return null;
          if (hits.length === 0) { status.textContent = format(t.none, { q: state.q }); return null; }
          var pages = Math.ceil(hits.length / PER_PAGE);
          if (state.page > pages) state.page = pages;
          var shown = hits.slice((state.page - 1) * PER_PAGE, state.page * PER_PAGE);
          return Promise.all(shown.map(function (h) { return index.doc(h.doc); })).then(function (docs) {
            if (my !== generation) return;
            status.textContent = format(t.results, { n: hits.length });
            render(docs, units);
            renderPager(pages);
          });
        })
        .catch(function () { if (my === generation) status.textContent = t.failed; });
    }

    function render(docs, units) {
      docs.forEach(function (d) {
        var item = el('li', 'search-result');
        var h = el('h2', 'search-result-title');
        var a = el('a');
        a.href = base + (d.u[ui] || d.u.zh || d.u.en || '');
        a.lang = d.l;
        fill(a, d.t, units);
        h.appendChild(a);
        item.appendChild(h);
        var alt = d.alt && d.alt[ui] && d.alt[ui] !== d.t ? d.alt[ui] : null;
        if (alt) item.appendChild(fill(el('p', 'search-result-alt'), alt, units));
        var meta = el('p', 'search-result-meta');
        meta.appendChild(el('span', 'search-result-outlet', label('outlet', d.o)));
        meta.appendChild(document.createTextNode(' · '));
        var time = el('time', null, d.d);
        time.dateTime = d.d;
        meta.appendChild(time);
        (d.e || []).forEach(function (id) {
          meta.appendChild(document.createTextNode(' · '));
          // Event names are searched as title text, so a match there is highlighted too.
          var ev = fill(el('a', 'search-result-event'), label('event', id), units);
          ev.href = base + (index.manifest.eventPath || '{lang}/events/{id}/').replace('{lang}', ui).replace('{id}', encodeURIComponent(id));
          meta.appendChild(ev);
        });
        item.appendChild(meta);
        if (d.x) {
          var snippet = fill(el('p', 'search-result-snippet'), d.x, units);
          snippet.lang = d.l;
          item.appendChild(snippet);
        }
        list.appendChild(item);
      });
    }

    function renderPager(pages) {
      if (pages <= 1) return;
      function button(text, page, disabled) {
        var b = el('button', 'search-page', text);
        b.type = 'button';
        b.disabled = disabled;
        b.addEventListener('click', function () {
          state.page = page;
          writeUrl(true);
          run();
          input.focus();
        });
        return b;
      }
      pager.appendChild(button(t.prev, state.page - 1, state.page <= 1));
      pager.appendChild(el('span', 'search-page-status', format(t.page, { p: state.page, n: pages })));
      pager.appendChild(button(t.next, state.page + 1, state.page >= pages));
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(timer);
      state.q = input.value;
      state.page = 1;
      writeUrl(true);
      run();
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      // A non-ASCII query needs the folding table whatever it turns out to be: fetch it while the
      // debounce waits rather than after it, one round trip less before the first results.
      if (index.manifest && foldMap === null && /[^\x00-\x7f]/.test(input.value)) index.fold().catch(function () {});
      // An input method hands over a whole Chinese word at once: search it at once. Typed Latin letters
      // come one by one: wait 40 ms for the next (stale answers are dropped by `generation` anyway).
      var wait = /[^\x00-\x7f]/.test(input.value) ? 0 : 40;
      timer = setTimeout(function () { state.q = input.value; state.page = 1; writeUrl('typing'); run(); }, wait);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        var first = list.querySelector('a');
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    list.addEventListener('keydown', function (e) {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
      var links = Array.prototype.slice.call(list.querySelectorAll('.search-result-title a'));
      var i = links.indexOf(document.activeElement);
      if (i < 0) return;
      e.preventDefault();
      if (e.key === 'ArrowDown' && i + 1 < links.length) links[i + 1].focus();
      else if (e.key === 'ArrowUp') (i > 0 ? links[i - 1] : input).focus();
    });
    document.addEventListener('keydown', function (e) {
      var tag = document.activeElement && document.activeElement.tagName;
      if (e.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA' && tag !== 'SELECT' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.focus();
      }
    });
    window.addEventListener('popstate', function () {
      typed = false;
      state = readUrl();
      input.value = state.q;
      FILTERS.forEach(function (f) { if (selects[f]) selects[f].value = state[f]; });
      run();
    });

    input.value = state.q;
    rootEl.hidden = false;
    index.open().then(function () {
      buildFilters();
      if (filterBox.childNodes.length > 0) filterBox.hidden = false;
      run();
    }).catch(function () { status.textContent = t.failed; });
  }

  var rootEl = document.getElementById('search');
  if (rootEl) start(rootEl);
})();
