/* What the site adds to Material's search dialog, beside its search worker
 * (policysite/assets/search-worker.js):
 *   - in an archive, a scope menu: the whole archive (the default), or one
 *     year, place or report. Its choices are the search index's own filters,
 *     which the worker reports; a choice goes back to the worker, which
 *     searches again. A site of one report shows no menu;
 *   - the number of pages found, and of reports when results are grouped
 *     by report;
 *   - a search on every change of the box's text: Material searches on key
 *     presses, and text pasted from a menu or committed by an input method
 *     comes without one.
 * Material keeps its worker to itself; overrides/main.html hands it over.
 */
(function () {
  "use strict"
  var input = document.querySelector(".md-search__input")
  if (!input || input.dataset.changes) return
  input.dataset.changes = "1"
  function changed() { input.dispatchEvent(new KeyboardEvent("keyup")) }  // what Material listens to
  input.addEventListener("input", function (event) { if (!event.isComposing) changed() })
  input.addEventListener("compositionend", changed)
})()

;(function start(tries) {
  "use strict"
  var RESULT = 3, SCOPE = 100, FACETS = 101
  var box = document.querySelector(".ps-search-scope")
  var worker = window.__searchWorker
  if (!box || box.dataset.ready) return
  if (!worker) {  // Material creates its worker once the page is set up
    if (tries < 50) setTimeout(start, 100, tries + 1)
    return
  }
  box.dataset.ready = "1"
  var menu = box.querySelector("select")
  var query = document.querySelector(".md-search__input")
  var meta = document.querySelector(".md-search-result__meta")
  var GROUPS = [["year", "年份"], ["place", "地区"], ["report", "报告"]]
  var collator = new Intl.Collator("zh-Hans-CN-u-co-pinyin")

  worker.addEventListener("message", function (event) {
    var message = event.data || {}
    if (message.type === RESULT) setTimeout(count, 0, message.data || {})
    if (message.type === FACETS) offer(message.data || {})
  })
  // The menu's choices are asked for when the reader first opens search:
  // a page view that never searches loads nothing of the index.
  var asked = false
  function ask() {
    if (asked) return
    asked = true
    worker.postMessage({ type: FACETS })
  }
  if (query) query.addEventListener("focus", ask)
  var toggle = document.getElementById("__search")
  if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) ask() })

  // Pages found, listed by report (newest first) when they are from several,
  // and the years they are from: each a button that scopes the search to it.
  function count(result) {
    var items = (result.items || []).length, pages = result.pages || items
    if (!meta || !items) return
    var grouped = pages > items
    var years = Object.keys(result.years || {}).filter(function (year) { return result.years[year] > 0 })
      .sort(function (a, b) { return collator.compare(b, a) })
    if (!grouped && result.total <= pages && years.length < 2) return  // Material's own count is right
    meta.textContent = result.total + " 个符合条件的页面" + (grouped ? "，按报告列出（新的在前）" : "")
      + (result.total > pages ? "，显示前 " + pages + " 个" : "")
    if (years.length < 2) return
    meta.appendChild(document.createTextNode("。见于："))
    years.forEach(function (year, i) {
      var button = document.createElement("button")
      button.type = "button"
      button.className = "ps-search-year"
      button.textContent = year + "年（" + result.years[year] + "）"
      button.addEventListener("click", function () { choose(["year", year]) })
      if (i) meta.appendChild(document.createTextNode("、"))
      meta.appendChild(button)
    })
  }

  function choose(pair) {
    var value = JSON.stringify(pair)
    if (!Array.prototype.some.call(menu.options, function (option) { return option.value === value })) return
    menu.value = value
    menu.dispatchEvent(new Event("change"))
  }

  function offer(filters) {
    if (Object.keys(filters.report || {}).length < 2) return
    GROUPS.forEach(function (group) {
      var values = Object.keys(filters[group[0]] || {})
      if (values.length < 2 && group[0] !== "report") return
      values.sort(group[0] === "year" ? function (a, b) { return collator.compare(b, a) } : collator.compare)
      var optgroup = document.createElement("optgroup")
      optgroup.label = group[1]
      values.forEach(function (value) {
        var option = document.createElement("option")
        option.value = JSON.stringify([group[0], value])
        option.textContent = group[0] === "year" ? value + "年" : value
        optgroup.appendChild(option)
      })
      menu.appendChild(optgroup)
    })
    box.hidden = false
  }

  menu.addEventListener("change", function () {
    var filter = {}
    if (menu.value) {
      var pair = JSON.parse(menu.value)
      filter[pair[0]] = pair[1]
    }
    worker.postMessage({ type: SCOPE, data: filter })
  })

  // Material closes the dialog on Tab and takes arrow keys for the results:
  // Tab from the query reaches the menu, and the menu keeps its own keys.
  if (query)
    query.addEventListener("keydown", function (event) {
      if (event.key === "Tab" && !event.shiftKey && !box.hidden) {
        event.preventDefault()
        event.stopPropagation()
        menu.focus()
      }
    })
  menu.addEventListener("keydown", function (event) {
    if (event.key === "Escape") return
    event.stopPropagation()
    if (event.key === "Tab" && event.shiftKey && query) {
      event.preventDefault()
      query.focus()
    }
  })
})(0)
