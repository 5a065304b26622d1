/* 目标对比: a click on a column heading sorts the table by that column — a
 * report's name in pinyin order, a target by its value (a range by its low
 * end), highest first; a second click reverses. Delegated from the document,
 * so tables of pages reached by instant navigation sort too.
 */
(function () {
  "use strict"
  if (window.__sortableTables) return
  window.__sortableTables = true
  var collator = new Intl.Collator("zh-Hans-CN-u-co-pinyin")

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".sortable th button.sort")
    if (!button) return
    var th = button.closest("th")
    var table = th.closest("table")
    var column = Array.prototype.indexOf.call(th.parentNode.children, th)
    var descending = th.getAttribute("aria-sort") !== "descending"
    Array.prototype.forEach.call(th.parentNode.children, function (cell) { cell.removeAttribute("aria-sort") })
    th.setAttribute("aria-sort", descending ? "descending" : "ascending")
    var body = table.tBodies[0]
    var rows = Array.prototype.slice.call(body.rows)
    rows.sort(function (a, b) {
      var x = value(a.cells[column], column), y = value(b.cells[column], column)
      var order = column === 0 ? collator.compare(x, y)
        : (x === "") - (y === "") || parseFloat(y) - parseFloat(x)
      return column === 0 ? (descending ? order : -order) : (descending ? order : -order)
    })
    rows.forEach(function (row) { body.appendChild(row) })
  })

  // A target's cell carries its value (data-value); the first column sorts by its text; no target sorts last.
  function value(cell, column) {
    var given = cell.getAttribute("data-value")
    return given !== null ? given : column === 0 ? cell.textContent.trim() : ""
  }
})()

/* A table wider than the column scrolls inside its own box (Material's
 * .md-typeset__scrollwrap), never the page: such a box is marked
 * (data-overflow: edge shadows in the stylesheet), gets a line above it
 * saying it scrolls, and can be reached and scrolled from the keyboard.
 * Checked on every page Material shows (instant navigation included) and
 * when the window changes size.
 */
;(function () {
  "use strict"
  if (window.__wideTables) return
  window.__wideTables = true
  var HINT = "表格较宽，可左右滑动查看 →"

  function mark(box) {
    var wide = box.scrollWidth > box.clientWidth + 1
    var hint = box.previousElementSibling
    var has = hint && hint.classList.contains("table-hint")
    if (wide === box.hasAttribute("data-overflow")) return
    if (wide) {
      box.setAttribute("data-overflow", "")
      box.setAttribute("tabindex", "0")
      box.setAttribute("role", "region")
      box.setAttribute("aria-label", "可左右滚动的表格")
      if (!has) {
        hint = document.createElement("p")
        hint.className = "table-hint"
        hint.setAttribute("aria-hidden", "true")
        hint.textContent = HINT
        box.parentNode.insertBefore(hint, box)
      }
    } else {
      ["data-overflow", "tabindex", "role", "aria-label"].forEach(function (name) { box.removeAttribute(name) })
      if (has) hint.remove()
    }
  }

  function check() {
    Array.prototype.forEach.call(document.querySelectorAll("article .md-typeset__scrollwrap"), mark)
  }

  // Material wraps the tables as it shows a page; look once it has.
  function later() { window.requestAnimationFrame(function () { setTimeout(check, 0) }) }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(later)
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", later)
  else later()
  var pending = 0
  window.addEventListener("resize", function () {
    clearTimeout(pending)
    pending = setTimeout(check, 100)
  })
})()
