/* Material's search worker, answered by Pagefind (installed by policysite.finish.search).
 *
 * Material's search UI (box, dialog, result list, keyboard, highlighting)
 * talks to a worker in four messages: SETUP, READY, QUERY and RESULT. This
 * worker speaks them, and answers each query from the site's Pagefind index,
 * which the browser loads a chunk at a time, so an archive is searched whole.
 *
 * The index holds text cut into our words (jieba with the domain lexicon,
 * compounds cut into atoms). A query is cut the same way before Pagefind sees
 * it: the words of the index are in search/words/, a file per first
 * character; each Chinese run becomes the fewest of those words, the last one
 * allowed to be the start of a word (the reader may still be typing).
 * Pages holding the query's words as a run come first; results are grouped
 * by report, newest first, each report's sections the best first, each with
 * the sentence holding the query as typed.
 *
 * One more message, SCOPE, comes from the scope menu of the dialog
 * (javascripts/search.js): a filter on report, place or year. FACETS
 * answers it with what the menu offers.
 */
"use strict"

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3, SCOPE = 100, FACETS = 101
var BUCKETS = 64               // policysite.finish.search.WORD_BUCKETS
var SHOWN = 20                 // results loaded per query: each costs a fragment
var HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g
var ROOT = new URL("../../../", self.location.href)  // assets/javascripts/workers/ → site root

var engine = null              // Pagefind, once loaded
var buckets = new Map()        // bucket number → Promise of a sorted word list
var scope = {}                 // Pagefind filters, e.g. { year: "2022" }
var latest = ""                // the last query, re-run when the scope changes
var asked = 0                  // queries asked: an answer to an older one is dropped

function pagefind() {
  if (!engine)
    engine = import(new URL("pagefind/pagefind.js", ROOT).href).then(function (module) {
      return module.options({ excerptLength: 36 }).then(function () { return module })
    })
  return engine
}

// --- the index's words ---------------------------------------------------------

function words(number) {
  if (!buckets.has(number))
    buckets.set(number, fetch(new URL("search/words/" + number + ".txt", ROOT).href)
      .then(function (response) { return response.ok ? response.text() : "" })
      .then(function (text) { return text ? text.split("\n") : [] })
      .catch(function () { return [] }))
  return buckets.get(number)
}

function lexicon(query) {
  var numbers = new Set()
  for (var run of query.match(HAN) || [])
    for (var char of run) numbers.add(char.codePointAt(0) % BUCKETS)
  var wanted = Array.from(numbers)
  return Promise.all(wanted.map(words)).then(function (lists) {
    var byBucket = new Map()
    wanted.forEach(function (number, i) { byBucket.set(number, lists[i]) })
    return {
      has: function (word) { return indexOf(byBucket.get(word.codePointAt(0) % BUCKETS), word) >= 0 },
      starts: function (text) {
        var list = byBucket.get(text.codePointAt(0) % BUCKETS)
        var at = lowerBound(list, text)
        return at < list.length && list[at].lastIndexOf(text, 0) === 0
      }
    }
  })
}

function lowerBound(list, text) {
  var lo = 0, hi = list.length
  while (lo < hi) {
    var mid = (lo + hi) >> 1
    if (list[mid] < text) lo = mid + 1; else hi = mid
  }
  return lo
}

function indexOf(list, word) {
  var at = lowerBound(list, word)
  return at < list.length && list[at] === word ? at : -1
}

// --- cutting a query --------------------------------------------------------------

// Fewest pieces, each a word of the index or a single character; the final
// piece may be the beginning of a word.
function cutRun(run, words) {
  if (words.has(run) || words.starts(run)) return [run]
  var n = run.length, longest = 12
  var best = [{ cost: 0, from: -1 }]
  for (var end = 1; end <= n; end++) {
    best[end] = null
    for (var start = Math.max(0, end - longest); start < end; start++) {
      if (!best[start]) continue
      var piece = run.slice(start, end)
      var known = words.has(piece) || (end === n && words.starts(piece))
      if (!known && piece.length > 1) continue
      var cost = best[start].cost + (known ? 1 : 1.5)
      if (!best[end] || cost < best[end].cost) best[end] = { cost: cost, from: start }
    }
  }
  var pieces = []
  for (var at = n; at > 0; at = best[at].from) pieces.unshift(run.slice(best[at].from, at))
  return pieces
}

// The query as the index's words: full-width forms folded (５Ｇ → 5G), Chinese
// cut, and each other word as Pagefind stores it (letters and digits: 3+2 → 32).
function cutQuery(query, words) {
  var text = query.normalize("NFKC").toLowerCase()
    .replace(HAN, function (run) { return " " + cutRun(run, words).join(" ") + " " })
  return text.split(/\s+/)
    .map(function (piece) { return piece.replace(/[^\p{L}\p{N}]/gu, "") })
    .filter(Boolean)
}

// Text reduced to what a query is compared with: letters and digits only.
function bare(text) {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")
}

// --- answering ----------------------------------------------------------------------

// Pagefind's excerpt of cut text, read as written: no space between words
// unless both sides are Latin letters or digits ("5G 基站" → "5G基站"), and
// the full stop Pagefind puts after a heading a gap instead.
function joinWords(excerpt) {
  return excerpt.replace(/([^\x00-\x7f](?:<\/mark>)?)\. /g, "$1\u3000").replace(/ +/g, function (space, at, all) {
    var before = all.slice(0, at).replace(/<[^>]*>$/, "").slice(-1)
    var after = all.slice(at + space.length).replace(/^<[^>]*>/, "").charAt(0)
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? " " : ""
  })
}

function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c]
  })
}

function search(query) {
  var ticket = ++asked
  latest = query
  var typed = query.trim()
  // Material asks with the empty box as soon as a page is shown: Pagefind is
  // not loaded for it (javascripts/search.js asks for the scope menu's
  // choices, which loads it, when the reader opens search).
  if (!typed) return post(ticket, { items: [], total: 0 })
  return Promise.all([pagefind(), lexicon(typed)]).then(function (ready) {
    var engine = ready[0], pieces = cutQuery(typed, ready[1])
    if (!pieces.length) return post(ticket, { items: [], total: 0 })
    // The words as a run (a phrase: whole words, in order) first, then every
    // page holding all of them, the last perhaps as a beginning. Both sorted
    // by report, newest first (policysite.finish.search.report_order).
    var run = pieces.join(" "), options = { filters: scope, sort: { report: "desc" } }
    return Promise.all([
      engine.search("\"" + run + "\"", options),
      engine.search(run, options)
    ]).then(function (found) {
      if (ticket !== asked) return
      var runs = new Set(found[0].results.map(function (result) { return result.id }))
      var results = found[1].results.filter(function (result) { return runs.has(result.id) })
        .concat(found[1].results.filter(function (result) { return !runs.has(result.id) }))
      var total = results.length
      return Promise.all(results.slice(0, SHOWN).map(function (result) {
        return result.data().then(function (data) { return { score: result.score, data: data } })
      })).then(function (loaded) {
        if (ticket !== asked) return
        var terms = {}
        pieces.forEach(function (piece) { terms[piece] = true })
        var exact = bare(typed)
        loaded.forEach(function (hit) {
          hit.exact = exact.length > 1 && bare(hit.data.content).indexOf(exact) >= 0
          hit.report = (hit.data.meta || {}).report || ""
        })
        // The years the pages found are from, with their number of pages
        // (Pagefind counts the filters' values over all results, loaded or not).
        var years = (found[1].filters || {}).year || {}
        post(ticket, { items: answer(loaded, typed, terms), total: total, pages: loaded.length, years: years })
      })
    })
  }).catch(function (error) {
    console.error("search:", error)
    post(ticket, { items: [], total: 0 })
  })
}

// Results as Material lists them: one item per report, newest first, the
// report's name heading its matching sections, the best first (as typed,
// then Pagefind's score). Results of one report alone are listed flat.
function answer(loaded, typed, terms) {
  var groups = [], byReport = new Map()
  loaded.forEach(function (hit) {
    if (!byReport.has(hit.report)) {
      byReport.set(hit.report, [])
      groups.push(hit.report)
    }
    byReport.get(hit.report).push(hit)
  })
  groups.forEach(function (report) {
    byReport.get(report).sort(function (a, b) { return (b.exact - a.exact) || (b.score - a.score) })
  })
  function entry(hit, score, named) {
    var meta = hit.data.meta || {}
    var report = named && meta.report ? "<p class=\"ps-search-report\">" + escapeHTML(meta.report) + "</p>" : ""
    return {
      location: hit.data.url.replace(/^\//, ""),
      title: escapeHTML(meta.title || hit.data.url),
      text: report + "<p>" + snippet(hit.data, typed, Object.keys(terms)) + "</p>",
      score: score,
      terms: terms
    }
  }
  if (groups.length < 2) {
    var hits = byReport.get(groups[0]) || []
    return hits.map(function (hit, i) { return [entry(hit, hits.length - i, true)] })
  }
  return groups.map(function (report, g) {
    var hits = byReport.get(report), score = groups.length - g
    var folder = reportFolder(hits[0].data.url)
    var own = hits.findIndex(function (hit) { return new URL(hit.data.url, ROOT).href === folder })
    var head = own >= 0 ? entry(hits.splice(own, 1)[0], score, false)
      : { location: folder, title: escapeHTML(report || folder), text: "", score: score, terms: terms }
    head.title = escapeHTML(report || folder)
    // Equal scores: Material shows every section, folding none away.
    return [head].concat(hits.map(function (hit) { return entry(hit, score, false) }))
  })
}

// A report's own page: the first folder of a page's address under the site's root.
function reportFolder(url) {
  var address = new URL(url, ROOT).href
  if (address.indexOf(ROOT.href) !== 0) return address
  return ROOT.href + address.slice(ROOT.href.length).split("/")[0] + "/"
}

// --- snippets -------------------------------------------------------------------------

var SENTENCE_END = /[。！？；!?\u3000\n]/
var CLAUSE_END = /[，、：,:]/
var LONGEST = 90               // characters of a snippet before it is cut at a clause

// The sentence of the page that holds the query as typed, the query marked
// in it. A page holding it only in pieces: the sentence of its longest piece,
// the pieces marked; Pagefind's excerpt if even that is not found.
function snippet(data, typed, pieces) {
  var text = joinWords(data.content || "")
  var needles = [typed], found = locate(text, typed)
  if (!found) {
    needles = pieces.filter(function (piece) { return bare(piece).length > 1 })
      .sort(function (a, b) { return b.length - a.length })
    for (var n = 0; n < needles.length && !found; n++) found = locate(text, needles[n])
  }
  if (!found) return joinWords(data.excerpt || "")
  var from = found[0], to = found[1]
  var start = from, end = to
  while (start > 0 && !SENTENCE_END.test(text.charAt(start - 1))) start--
  while (end < text.length && !SENTENCE_END.test(text.charAt(end))) end++
  if (end < text.length && text.charAt(end) !== "\u3000" && text.charAt(end) !== "\n") end++
  var head = "", tail = ""
  if (end - start > LONGEST) {  // a long sentence: the clauses around the query
    var clauseStart = from
    while (clauseStart > start && !CLAUSE_END.test(text.charAt(clauseStart - 1))) clauseStart--
    if (clauseStart > start && to - clauseStart < LONGEST) { start = clauseStart; head = "…" }
    var stop = Math.min(end, Math.max(to, start + LONGEST))
    while (stop < end && !CLAUSE_END.test(text.charAt(stop - 1))) stop++
    if (stop < end) { end = stop; tail = "…" }
  }
  return head + marked(text.slice(start, end).trim(), needles) + tail
}

// Text as HTML with every occurrence of the needles marked.
function marked(sentence, needles) {
  var spans = []
  needles.forEach(function (needle) {
    for (var at = locate(sentence, needle); at; at = locate(sentence, needle, at[1])) spans.push(at)
  })
  spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1] })
  var html = "", done = 0
  spans.forEach(function (span) {
    if (span[0] < done) return  // inside one already marked
    html += escapeHTML(sentence.slice(done, span[0])) + "<mark>" + escapeHTML(sentence.slice(span[0], span[1])) + "</mark>"
    done = span[1]
  })
  return html + escapeHTML(sentence.slice(done))
}

// Where text holds the query as typed ([start, end) in text), comparing letters
// and digits only (５Ｇ基站 finds 5G基站), from `after` on; null if nowhere.
function locate(text, typed, after) {
  var wanted = bare(typed)
  if (wanted.length < 1) return null
  var letters = "", at = []
  for (var i = after || 0; i < text.length; i++) {
    var kept = bare(text.charAt(i))
    for (var k = 0; k < kept.length; k++) { letters += kept.charAt(k); at.push(i) }
  }
  var found = letters.indexOf(wanted)
  if (found < 0) return null
  return [at[found], at[found + wanted.length - 1] + 1]
}

function post(ticket, result) {
  if (ticket !== asked) return
  self.postMessage({ type: RESULT, data: result })
}

function facets() {
  return pagefind()
    .then(function (engine) { return engine.filters() })
    .then(function (filters) { self.postMessage({ type: FACETS, data: filters }) })
    .catch(function () { self.postMessage({ type: FACETS, data: {} }) })
}

self.addEventListener("message", function (event) {
  var message = event.data || {}
  switch (message.type) {
    case SETUP:
      // Material sends its (empty) lunr index on every page view; Pagefind
      // loads when the reader first opens search (an empty query), not before.
      self.postMessage({ type: READY })
      break
    case QUERY:
      search(String(message.data || ""))
      break
    case SCOPE:
      scope = message.data || {}
      if (latest.trim()) search(latest)
      break
    case FACETS:
      facets()
      break
  }
})
