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
