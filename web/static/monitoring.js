// caselib 监测预警: the province map (Apache ECharts with the vendored 浙江省 GeoJSON; a click
// on a city filters the list), the 预警说明 and 整改举措 dialogs of the list (the form is
// sent by fetch so its errors show in the dialog without losing the chosen files), the
// 一级指标 › 二级指标 pickers, the trend chart of a warning and the chart of a region's page.
// Every page works without it: the buttons are links to the warning's page, where the
// explanation, the form and the details are.
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  function data(id) {
    var node = document.getElementById(id);
    if (!node) return null;
    try { return JSON.parse(node.textContent); } catch (e) { return null; }
  }
  function onResize(chart) {
    window.addEventListener("resize", function () { chart.resize(); });
  }

  // -- the map --------------------------------------------------------------------------
  var mapBox = $("[data-map]");
  if (mapBox && window.echarts) {
    var counts = data("map-data") || { cities: [] };
    fetch(mapBox.getAttribute("data-geo"), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error("map " + r.status); return r.json(); })
      .then(function (geo) {
        echarts.registerMap("province", geo);
        var chart = echarts.init(mapBox, null, { renderer: "canvas" });
        var selected = mapBox.getAttribute("data-selected") || "";
        var max = Math.max.apply(null, counts.cities.map(function (c) { return c.unresolved; }).concat([1]));
        chart.setOption({
          tooltip: {
            trigger: "item",
            formatter: function (p) {
              var c = p.data || {};
              return p.name + "<br>未整改完成 " + (c.value || 0) + " 条" +
                (c.code ? "<br>待整改 " + c.open + "，整改中 " + c.rectifying + "，已整改 " + c.resolved : "");
            }
          },
          visualMap: {
            min: 0, max: max, left: 8, bottom: 8, text: ["多", "少"], calculable: false,
            inRange: { color: ["#eef5ee", "#f6d365", "#e8743b", "#b7282e"] }, itemHeight: 90
          },
          series: [{
            type: "map", map: "province", roam: false, selectedMode: false,
            layoutCenter: ["50%", "50%"], layoutSize: "98%",
            label: { show: true, fontSize: 11, color: "#1f2933" },
            emphasis: { label: { fontWeight: "bold" }, itemStyle: { areaColor: "#9cc3ee" } },
            itemStyle: { borderColor: "#fff", borderWidth: 1 },
            data: counts.cities.map(function (c) {
              var item = { name: c.name, value: c.unresolved, code: c.code, open: c.open, rectifying: c.rectifying, resolved: c.resolved };
              if (c.code === selected) item.itemStyle = { borderColor: "#1d5fa8", borderWidth: 3 };
              return item;
            })
          }]
        });
        chart.on("click", function (p) {
          if (!p.data || !p.data.code) return;
          var url = new URL(window.location.href);
          url.searchParams.set("region", p.data.code);
          url.searchParams.delete("page");
          window.location.href = url.pathname + "?" + url.searchParams.toString();
        });
        onResize(chart);
        mapBox.setAttribute("data-ready", "1");
        window.caselibMap = chart;
      })
      .catch(function () {
        mapBox.classList.add("map-failed");
        mapBox.textContent = "地图未能加载，请使用下方的地市列表。";
      });
  }

  // -- the filters ----------------------------------------------------------------------
  var filters = $("#warning-filters");
  if (filters) {
    filters.addEventListener("submit", function () {
      $$("input, select", filters).forEach(function (f) { if (f.name && !f.value) f.disabled = true; });
    });
  }
  var groupSel = $("[data-group-select]"), indSel = $("[data-indicator-select]");
  if (groupSel && indSel) {
    var narrow = function () {
      var g = groupSel.value;
      $$("optgroup", indSel).forEach(function (og) {
        var show = !g || og.getAttribute("data-group") === g;
        og.hidden = !show; og.disabled = !show;
      });
      var chosen = indSel.selectedOptions[0];
      if (chosen && chosen.parentNode.tagName === "OPTGROUP" && chosen.parentNode.disabled) indSel.value = "";
    };
    groupSel.addEventListener("change", narrow);
    narrow();
  }

  // -- dialogs --------------------------------------------------------------------------
  function openDialog(dialog, subtitle) {
    var sub = $("[data-dialog-subtitle]", dialog);
    if (sub) sub.textContent = subtitle || "";
    if (typeof dialog.showModal === "function") dialog.showModal(); else dialog.setAttribute("open", "");
  }
  function closeDialog(dialog) {
    if (typeof dialog.close === "function") dialog.close(); else dialog.removeAttribute("open");
  }
  $$(".mon-dialog").forEach(function (dialog) {
    $$("[data-close]", dialog).forEach(function (b) { b.addEventListener("click", function () { closeDialog(dialog); }); });
    dialog.addEventListener("click", function (e) { if (e.target === dialog) closeDialog(dialog); });
  });

  var explain = $("#explain-dialog");
  $$("[data-explain]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      if (!explain) return;
      e.preventDefault();
      $("[data-explanation]", explain).textContent = a.getAttribute("data-explain");
      openDialog(explain, a.getAttribute("data-title"));
    });
  });

  function toast(message) {
    var t = $("[data-toast]");
    if (!t) return;
    t.textContent = message;
    t.hidden = false;
    clearTimeout(t._timer);
    t._timer = setTimeout(function () { t.hidden = true; }, 6000);
  }
  function showErrors(box, d) {
    box.innerHTML = "";
    var list = document.createElement("ul");
    var errors = (d && d.errors && d.errors.length) ? d.errors : [{ message: (d && d.message) || "上传失败，请重试" }];
    errors.forEach(function (x) {
      var li = document.createElement("li");
      li.textContent = x.message;
      list.appendChild(li);
    });
    box.appendChild(list);
    box.hidden = false;
  }

  var rectifyDialog = $("#rectify-dialog");
  var currentRow = null;
  $$("[data-rectify]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      if (!rectifyDialog) return;
      e.preventDefault();
      var form = $("form", rectifyDialog);
      form.reset();
      form.action = a.getAttribute("data-rectify");
      $("[data-errors]", form).hidden = true;
      currentRow = a.closest("[data-warning]");
      openDialog(rectifyDialog, a.getAttribute("data-title"));
    });
  });

  $$("[data-rectify-form]").forEach(function (form) {
    var clear = function () { $("[data-errors]", form).hidden = true; };
    form.addEventListener("change", clear);
    form.addEventListener("input", clear);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var errors = $("[data-errors]", form);
      var files = form.elements.files;
      if (!form.elements.method.value || !files.files.length) {
        showErrors(errors, { errors: [].concat(
          form.elements.method.value ? [] : [{ message: "请选择整改方式" }],
          files.files.length ? [] : [{ message: "请上传佐证材料（可一次选择多个文件）" }]) });
        return;
      }
      var button = $("button[type=submit]", form);
      button.disabled = true;
      button.textContent = "上传中…";
      fetch(form.action, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf, "X-Requested-With": "fetch" }
      }).then(function (r) {
        return r.json().then(function (d) { return { status: r.status, d: d }; },
          function () { return { status: r.status, d: { message: "上传失败（HTTP " + r.status + "）" } }; });
      }).then(function (res) {
        if (res.status !== 201) { showErrors(errors, res.d); return; }
        errors.hidden = true;
        var dialog = form.closest("dialog");
        if (dialog) {
          closeDialog(dialog);
          toast(res.d.message || "上传成功");
          if (currentRow) {
            var badge = $("[data-testid=warning-state]", currentRow);
            if (badge && res.d.warning_state) {
              badge.className = "badge st-" + res.d.warning_state;
              badge.textContent = { open: "待整改", rectifying: "整改中", resolved: "已整改" }[res.d.warning_state];
            }
            var count = $("[data-testid=rectification-count]", currentRow);
            if (count) {
              var n = parseInt(count.textContent.replace(/\D/g, ""), 10) || 0;
              count.textContent = "整改举措 " + (n + 1) + " 次";
            }
          }
        } else {
          window.location.replace(window.location.pathname + "?uploaded=" + res.d.id + "#details");
        }
      }).catch(function () {
        showErrors(errors, { message: "网络异常，上传未完成，请重试" });
      }).then(function () {
        button.disabled = false;
        button.textContent = "保存";
      });
    });
  });

  // -- charts ---------------------------------------------------------------------------
  var trendBox = $("[data-trend-chart]"), trend = data("trend-data");
  if (trendBox && trend && window.echarts && trend.periods.length) {
    var tc = echarts.init(trendBox);
    tc.setOption({
      tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "—" : (+v).toFixed(2) + trend.unit; } },
      legend: { data: [trend.region, "全省平均"], top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: "category", data: trend.periods },
      yAxis: { type: "value", name: trend.unit, scale: true },
      series: [
        { name: trend.region, type: "line", data: trend.values, symbolSize: 8, lineStyle: { width: 3 }, itemStyle: { color: "#b7282e" } },
        { name: "全省平均", type: "line", data: trend.averages, lineStyle: { type: "dashed" }, itemStyle: { color: "#1d5fa8" } }
      ]
    });
    onResize(tc);
  } else if (trendBox) {
    trendBox.hidden = true;
  }

  var regionBox = $("[data-region-chart]"), region = data("region-data");
  if (regionBox && region && window.echarts && region.names.length) {
    // Its height by its number of indicators (set here: the pages' CSP allows no style attribute).
    regionBox.style.height = (+regionBox.getAttribute("data-height") || 320) + "px";
    var rc = echarts.init(regionBox);
    rc.setOption({
      tooltip: {
        trigger: "axis", axisPointer: { type: "shadow" },
        formatter: function (ps) {
          var i = ps[0].dataIndex;
          return region.names[i] + "<br>" + region.region + "：" + region.values[i] +
            "<br>全省平均：" + region.average_texts[i] + "<br>全省最优：" + region.best_texts[i] +
            "<br>得分 " + region.scores[i] + "（平均 " + region.averages[i] + "）";
        }
      },
      legend: { data: [region.region + "得分", "全省平均得分"], top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100 },
      yAxis: { type: "category", data: region.names, inverse: true, axisLabel: { width: 120, overflow: "truncate" } },
      series: [
        {
          name: region.region + "得分", type: "bar", barMaxWidth: 18, itemStyle: { color: "#1f7a4d" },
          data: region.scores.map(function (s, i) { return { value: s, itemStyle: { color: region.beyond[i] ? "#b7282e" : "#1f7a4d" } }; }),
          label: { show: true, position: "right", formatter: "{c}" }
        },
        { name: "全省平均得分", type: "scatter", data: region.averages, symbol: "diamond", symbolSize: 12, itemStyle: { color: "#1d5fa8" } }
      ]
    });
    onResize(rc);
  }
})();
