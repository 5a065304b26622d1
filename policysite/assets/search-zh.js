/* Chinese queries for Material's search worker (prepended to it by the hook).
 *
 * The index is cut into words by jieba at build time. A query must be cut the
 * same way, but the worker only knows the index's own words, and its built-in
 * cut returns the first character of a two-character query when that
 * character is itself a word (西关 → 西). So, before the worker sees a query:
 *   - full-width letters and digits become ASCII (５Ｇ → 5G);
 *   - Chinese and Latin/digit runs are split apart (5G基站 → 5G 基站), as the
 *     index splits them;
 *   - each Chinese run is cut into the fewest words of the index, the last
 *     one allowed to be the start of a word (the reader may still be typing);
 *   - when every resulting word is in the index, all of them are required, so
 *     岭南V谷 finds the page naming 岭南V谷 before pages that only say 岭南;
 * and the worker's own cut is switched off, as the query now arrives cut.
 */
(function () {
  "use strict"
  var HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g
  var words = new Set()     // Chinese words of the index
  var known = new Set()     // every word of the index
  var sorted = []           // all words, sorted, for prefix look-ups
  var longest = 1

  // Capture the index's vocabulary when lunr builds it, and hide it from the
  // worker's own query cut (which asks `word in invertedIndex`).
  var pending
  Object.defineProperty(self, "lunr", {
    configurable: true,
    get: function () { return pending },
    set: function (lunr) {
      pending = lunr
      var Index = lunr.Index
      var Patched = function (attrs) {
        Index.call(this, attrs)
        remember(Object.keys(this.invertedIndex))
        this.invertedIndex = new Proxy(this.invertedIndex, { has: function () { return false } })
      }
      Patched.prototype = Index.prototype
      Patched.load = Index.load
      lunr.Index = Patched
    }
  })

  function remember(keys) {
    words = new Set()
    known = new Set(keys)
    for (var i = 0; i < keys.length; i++)
      if (/^[\u3400-\u9fff\uf900-\ufaff]+$/.test(keys[i])) {
        words.add(keys[i])
        if (keys[i].length > longest) longest = keys[i].length
      }
    sorted = keys.slice().sort()
  }

  function startsAWord(text) {
    var lo = 0, hi = sorted.length
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (sorted[mid] < text) lo = mid + 1; else hi = mid
    }
    return lo < sorted.length && sorted[lo].lastIndexOf(text, 0) === 0
  }

  // Fewest pieces, each a word of the index or a single character; the final
  // piece may be the beginning of a word.
  function cut(run) {
    if (words.has(run) || startsAWord(run)) return [run]
    var n = run.length
    var best = [{ cost: 0, from: -1 }]
    for (var end = 1; end <= n; end++) {
      best[end] = null
      for (var start = Math.max(0, end - longest); start < end; start++) {
        if (!best[start]) continue
        var piece = run.slice(start, end)
        var known = words.has(piece) || (end === n && startsAWord(piece))
        if (!known && piece.length > 1) continue
        var cost = best[start].cost + (known ? 1 : 1.5)
        if (!best[end] || cost < best[end].cost) best[end] = { cost: cost, from: start }
      }
    }
    var pieces = []
    for (var at = n; at > 0; at = best[at].from) pieces.unshift(run.slice(best[at].from, at))
    return pieces
  }

  function rewrite(query) {
    if (typeof query !== "string") return query
    var cutQuery = query
      .normalize("NFKC")
      .replace(/([\u3400-\u9fff\uf900-\ufaff])(?=[A-Za-z0-9])|([A-Za-z0-9])(?=[\u3400-\u9fff\uf900-\ufaff])/g, "$1$2 ")
      .replace(HAN, function (run) { return cut(run).join(" ") })
      .trim()
    if (/[+\-"~^:*]/.test(query.replace(/(\d)[+\-](?=\d)/g, "$1"))) return cutQuery  // the reader's own syntax
    var pieces = cutQuery.split(/\s+/)
    var all = pieces.every(function (piece) {
      piece = piece.toLowerCase()
      return known.has(piece) || startsAWord(piece)
    })
    return pieces.length > 1 && all
      ? pieces.map(function (piece) { return "+" + piece + "*" }).join(" ")
      : cutQuery
  }
  self.__searchZh = { rewrite: rewrite, cut: cut }

  // Rewrite queries before the worker's message handler sees them.
  var listen = self.addEventListener.bind(self)
  self.addEventListener = function (type, handler, options) {
    if (type !== "message") return listen(type, handler, options)
    return listen(type, function (event) {
      var message = event.data
      if (message && typeof message.data === "string")
        message = { type: message.type, data: rewrite(message.data) }
      return handler({ data: message })
    }, options)
  }
})();
