// caselib date fields: a text field for YYYY-MM-DD with a calendar labelled in Chinese
// (年, 月, 日 一 二 三 四 五 六, 今天, 清除), whatever the browser's language. The field stays a
// plain <input> of the form (typing a date works too; the server checks the format).
//
//   <input name="from" data-datepicker placeholder="年-月-日">
//   <script src="/static/datepicker.js" defer></script>
(function () {
  "use strict";
  var WEEK = ["日", "一", "二", "三", "四", "五", "六"];
  var open = null;

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function fmt(d) { return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }
  function parse(v) {
    var m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec((v || "").trim());
    if (!m) return null;
    var d = new Date(+m[1], +m[2] - 1, +m[3]);
    return isNaN(d) ? null : d;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function close() { if (open) { open.remove(); open = null; } }

  function show(input) {
    close();
    var chosen = parse(input.value), view = chosen || new Date();
    var year = view.getFullYear(), month = view.getMonth();
    var box = el("div", "datepicker");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", "选择日期");
    function render() {
      box.innerHTML = "";
      var head = el("div", "dp-head");
      var prev = el("button", "dp-nav", "‹"), next = el("button", "dp-nav", "›");
      prev.type = next.type = "button";
      prev.setAttribute("aria-label", "上个月");
      next.setAttribute("aria-label", "下个月");
      prev.onclick = function () { month -= 1; if (month < 0) { month = 11; year -= 1; } render(); };
      next.onclick = function () { month += 1; if (month > 11) { month = 0; year += 1; } render(); };
      head.appendChild(prev);
      head.appendChild(el("span", "dp-title", year + " 年 " + (month + 1) + " 月"));
      head.appendChild(next);
      box.appendChild(head);
      var grid = el("div", "dp-grid");
      WEEK.forEach(function (w) { grid.appendChild(el("span", "dp-week", w)); });
      var first = new Date(year, month, 1).getDay(), days = new Date(year, month + 1, 0).getDate();
      for (var i = 0; i < first; i++) grid.appendChild(el("span"));
      for (var d = 1; d <= days; d++) {
        var b = el("button", "dp-day", String(d));
        b.type = "button";
        var value = year + "-" + pad(month + 1) + "-" + pad(d);
        if (input.value === value) b.classList.add("chosen");
        b.setAttribute("aria-label", year + "年" + (month + 1) + "月" + d + "日");
        b.onclick = (function (v) { return function () { input.value = v; input.dispatchEvent(new Event("change", { bubbles: true })); close(); input.focus(); }; })(value);
        grid.appendChild(b);
      }
      box.appendChild(grid);
      var foot = el("div", "dp-foot");
      var today = el("button", "dp-link", "今天"), clear = el("button", "dp-link", "清除");
      today.type = clear.type = "button";
      today.onclick = function () { input.value = fmt(new Date()); close(); };
      clear.onclick = function () { input.value = ""; close(); };
      foot.appendChild(today);
      foot.appendChild(clear);
      box.appendChild(foot);
    }
    render();
    input.parentNode.insertBefore(box, input.nextSibling);
    open = box;
  }

  function enhance(input) {
    if (input.dataset.datepickerReady) return;
    input.dataset.datepickerReady = "1";
    input.setAttribute("autocomplete", "off");
    input.setAttribute("inputmode", "numeric");
    if (!input.placeholder) input.placeholder = "年-月-日";
    input.addEventListener("focus", function () { show(input); });
    input.addEventListener("keydown", function (ev) { if (ev.key === "Escape") close(); });
  }

  document.addEventListener("mousedown", function (ev) {
    if (open && !open.contains(ev.target) && !(ev.target.dataset && ev.target.dataset.datepickerReady)) close();
  });
  function init() { Array.prototype.forEach.call(document.querySelectorAll("input[data-datepicker]"), enhance); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
  window.CaselibDatePicker = { enhance: enhance };
})();
