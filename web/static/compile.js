// caselib: the compilation builder (案例汇编) and a compilation's page.
//
// Builder: the cases offered (recommended for 典型案例汇编, or a search) and the cases chosen,
// in order. Ticking an offered case moves it into the chosen list; unticking a chosen one
// takes it out; ↑ ↓ move a case (the order becomes 手动排序); choosing 按主题 / 按地区 /
// 按评分 shows the order the document will have (chapters by theme in the catalogue's
// order, then by region, rating or case number inside each). The search and the 逐个添加
// box fetch cases without leaving the page. Without JavaScript the page still works: the
// forms reload it and the ticked cases are submitted.
//
// A compilation's page: while its PDF is being made, poll and reload once it is ready.
(function () {
  "use strict";
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  function getJSON(url) {
    return fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (r) { return r.json().then(function (d) { d._status = r.status; return d; }); });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  var pending = $("[data-pdf-status-url]");
  if (pending) {
    var poll = function () {
      getJSON(pending.getAttribute("data-pdf-status-url")).then(function (st) {
        var state = st.pdf && st.pdf.state;
        if (state === "ready" || state === "failed") { window.location.reload(); return; }
        setTimeout(poll, 3000);
      }).catch(function () { setTimeout(poll, 10000); });
    };
    setTimeout(poll, 2000);
  }

  var build = $("#build"), offered = $("#offered"), chosen = $("#chosen");
  if (!build || !offered || !chosen) return;
  var order = $("#order"), filters = $("#filters"), addOne = $("#add-one");
  var addAll = $("[data-add-all]"), countLabel = $("[data-chosen-count]"), empty = $("[data-chosen-empty]");
  var offeredCount = $("[data-offered-count]");

  function items(list) { return $$(".pick-item", list); }
  function chosenNos() { return items(chosen).map(function (li) { return li.getAttribute("data-case-no"); }); }

  function refresh() {
    var n = items(chosen).length;
    countLabel.textContent = "已选 " + n + " 个";
    empty.hidden = n > 0;
    var list = items(chosen);
    list.forEach(function (li, i) {
      var key = li.getAttribute("data-theme-key");
      var prev = list[i - 1], next = list[i + 1];
      $(".pick-move", li).hidden = false;
      $("input", li).checked = true;
      li.classList.toggle("new-theme", !prev || prev.getAttribute("data-theme-key") !== key);
      $('[data-move="up"]', li).disabled = !prev || prev.getAttribute("data-theme-key") !== key;
      $('[data-move="down"]', li).disabled = !next || next.getAttribute("data-theme-key") !== key;
    });
    items(offered).forEach(function (li) { $(".pick-move", li).hidden = true; $("input", li).checked = false; });
    addAll.hidden = !items(offered).length;
    // The filter and add forms carry the chosen cases (for reloads without JavaScript).
    [filters, addOne].forEach(function (f) {
      if (!f) return;
      $$("input[data-keep]", f).forEach(function (i) { i.remove(); });
      chosenNos().forEach(function (no) { f.appendChild(el("input", { type: "hidden", name: "case_nos", value: no, "data-keep": "" })); });
    });
  }

  function keyOf(li) {
    var t = (li.getAttribute("data-theme-key") || "10000,10000").split(",").map(Number);
    return { theme: t, region: li.getAttribute("data-region") || "999999", rating: +li.getAttribute("data-rating") || 0,
      count: +li.getAttribute("data-rating-count") || 0, no: li.getAttribute("data-case-no") };
  }
  function compare(a, b) {
    var ka = keyOf(a), kb = keyOf(b), mode = order.value;
    if (ka.theme[0] !== kb.theme[0]) return ka.theme[0] - kb.theme[0];
    if (ka.theme[1] !== kb.theme[1]) return ka.theme[1] - kb.theme[1];
    if (mode === "hand") return 0;
    if (mode === "region" && ka.region !== kb.region) return ka.region < kb.region ? -1 : 1;
    if (mode === "rating") {
      if (ka.rating !== kb.rating) return kb.rating - ka.rating;
      if (ka.count !== kb.count) return kb.count - ka.count;
    }
    return ka.no < kb.no ? -1 : ka.no > kb.no ? 1 : 0;
  }
  function arrange() {
    var list = items(chosen);
    var indexed = list.map(function (li, i) { return [li, i]; });
    indexed.sort(function (a, b) { return compare(a[0], b[0]) || a[1] - b[1]; });
    indexed.forEach(function (p) { chosen.appendChild(p[0]); });
  }

  function choose(li) { chosen.appendChild(li); arrange(); refresh(); }
  function unchoose(li) { offered.insertBefore(li, offered.firstChild); refresh(); }

  function wire(li) {
    var box = $("input", li);
    box.addEventListener("change", function () {
      if (box.checked && li.parentNode === offered) choose(li);
      else if (!box.checked && li.parentNode === chosen) unchoose(li);
    });
    $$("[data-move]", li).forEach(function (b) {
      b.addEventListener("click", function () {
        var up = b.getAttribute("data-move") === "up";
        var other = up ? li.previousElementSibling : li.nextElementSibling;
        // The document groups cases by theme: a case moves among those of its theme.
        if (!other || other.getAttribute("data-theme-key") !== li.getAttribute("data-theme-key")) return;
        chosen.insertBefore(up ? li : other, up ? other : li);
        order.value = "hand";
        refresh();
        b.focus();
      });
    });
  }

  function item(c) {
    var li = el("li", { "class": "pick-item", "data-case-no": c.case_no, "data-theme-key": c.theme_key.join(","), "data-theme": c.theme || "未分主题",
      "data-region": c.region_code || "999999", "data-rating": c.rating_avg || 0, "data-rating-count": c.rating_count });
    var label = el("label", { "class": "pick-label" });
    label.appendChild(el("input", { type: "checkbox", name: "case_nos", value: c.case_no, form: "build", "data-testid": "pick-" + c.case_no }));
    label.appendChild(document.createTextNode(" "));
    label.appendChild(el("span", { "class": "pick-name" }, c.name));
    li.appendChild(label);
    var meta = [c.case_no, c.theme || "未分主题", c.region || "未知地区"];
    if (c.rating_count) meta.push(c.rating_avg.toFixed(1) + " 星");
    if (c.recommended) meta.push("推荐汇编 " + c.recommended + " 次");
    li.appendChild(el("small", { "class": "pick-meta muted" }, meta.join(" · ")));
    var move = el("span", { "class": "pick-move" });
    move.hidden = true;
    move.appendChild(el("button", { type: "button", "class": "btn small", "data-move": "up", "aria-label": "上移" }, "↑"));
    move.appendChild(el("button", { type: "button", "class": "btn small", "data-move": "down", "aria-label": "下移" }, "↓"));
    li.appendChild(move);
    wire(li);
    return li;
  }

  function show(cases, label) {
    var have = chosenNos();
    offered.innerHTML = "";
    var shown = cases.filter(function (c) { return have.indexOf(c.case_no) < 0; });
    shown.forEach(function (c) { offered.appendChild(item(c)); });
    offeredCount.textContent = label + "：" + shown.length + " 个";
    var none = $("[data-empty]");
    if (none) none.hidden = shown.length > 0;
    refresh();
  }

  // Only the latest request fills the list: a tab's fetch answered after the search that
  // followed it must not replace the search's cases. The list is aria-busy meanwhile.
  var latest = 0;
  function fetchCandidates(params, label) {
    var url = filters.getAttribute("data-candidates-url") + "?" + params.toString();
    var mine = ++latest;
    offeredCount.textContent = "正在查询…";
    offered.setAttribute("aria-busy", "true");
    return getJSON(url).then(function (d) {
      if (mine !== latest) return;
      offered.setAttribute("aria-busy", "false");
      if (d._status !== 200) {
        offeredCount.textContent = (d.errors && d.errors[0] ? d.errors[0].message : d.message) || "查询失败";
        return;
      }
      show(d.cases || [], label);
    }, function () {
      if (mine !== latest) return;
      offered.setAttribute("aria-busy", "false");
      offeredCount.textContent = "查询失败";
    });
  }

  // Tabs: the source of the offered cases.
  $$("[data-source]").forEach(function (tab) {
    tab.addEventListener("click", function (ev) {
      ev.preventDefault();
      $$("[data-source]").forEach(function (t) { t.classList.toggle("active", t === tab); });
      var search = tab.getAttribute("data-source") === "search";
      filters.hidden = !search;
      var params = new URLSearchParams();
      params.set("source", search ? "search" : "recommended");
      if (search) {
        new FormData(filters).forEach(function (v, k) { if (k !== "case_nos" && v) params.set(k, v); });
      }
      fetchCandidates(params, search ? "查询到的已发布案例" : "推荐用于典型案例汇编的已发布案例");
    });
  });
  filters.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var params = new URLSearchParams();
    new FormData(filters).forEach(function (v, k) { if (k !== "case_nos" && v) params.append(k, v); });
    fetchCandidates(params, "查询到的已发布案例");
  });

  // 逐个添加: type-ahead on case names, or a case number.
  var addInput = $("#add-case"), suggestions = $(".suggestions", addOne), timer = null;
  function addCase(caseNo) {
    if (chosenNos().indexOf(caseNo) >= 0) return Promise.resolve();
    var params = new URLSearchParams();
    params.append("case_nos", caseNo);
    return getJSON(filters.getAttribute("data-candidates-url") + "?" + params.toString()).then(function (d) {
      var found = (d.cases || [])[0];
      if (!found) { addInput.setCustomValidity("没有编号为 " + caseNo + " 的已发布案例"); addInput.reportValidity(); return; }
      var existing = items(offered).filter(function (li) { return li.getAttribute("data-case-no") === found.case_no; })[0];
      choose(existing || item(found));
      addInput.value = "";
    });
  }
  function hideSuggestions() { suggestions.hidden = true; suggestions.innerHTML = ""; }
  addInput.addEventListener("input", function () {
    addInput.setCustomValidity("");
    clearTimeout(timer);
    var q = addInput.value.trim();
    if (!q) { hideSuggestions(); return; }
    timer = setTimeout(function () {
      getJSON(addInput.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(q)).then(function (d) {
        suggestions.innerHTML = "";
        (d.suggestions || []).forEach(function (s) {
          var li = el("li", { role: "option" });
          var a = el("a", { href: "#", "data-case-no": s.case_no });
          a.appendChild(el("span", {}, s.name));
          a.appendChild(el("small", {}, s.case_no));
          a.addEventListener("click", function (ev) { ev.preventDefault(); hideSuggestions(); addCase(s.case_no); });
          li.appendChild(a);
          suggestions.appendChild(li);
        });
        suggestions.hidden = !suggestions.children.length;
      }).catch(hideSuggestions);
    }, 150);
  });
  document.addEventListener("click", function (ev) { if (!addOne.contains(ev.target)) hideSuggestions(); });
  addOne.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var v = addInput.value.trim();
    if (v) addCase(v);
  });

  addAll.addEventListener("click", function () {
    items(offered).forEach(function (li) { chosen.appendChild(li); });
    arrange();
    refresh();
  });
  order.addEventListener("change", function () { arrange(); refresh(); });

  items(offered).concat(items(chosen)).forEach(wire);
  // Cases offered ticked (the recommended ones, on a first visit) are chosen.
  items(offered).filter(function (li) { return $("input", li).checked; }).forEach(function (li) { chosen.appendChild(li); });
  arrange();
  refresh();
})();
