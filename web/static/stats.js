/* 入库考核统计: the dashboard's charts (vendored Apache ECharts, no CDN). The figures come
   from the page itself (#stats-data, the same JSON as GET /api/v1/stats). */
(function () {
  "use strict";
  var holder = document.getElementById("stats-data");
  if (!holder || !window.echarts) { return; }
  var data = JSON.parse(holder.textContent);
  var charts = [];
  var font = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var colors = { original: "#1F7A4D", innovation: "#1D5FA8", rectification: "#D08A00", score: "#B7282E", published: "#6B7C93" };

  function mount(id, option) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    option.textStyle = { fontFamily: font };
    option.animation = false;
    chart.setOption(option);
    el.setAttribute("data-ready", "1");
    charts.push(chart);
    return chart;
  }

  var narrow = window.matchMedia("(max-width: 600px)").matches;
  var names = data.rows.map(function (r) { return r.name; });
  var scored = data.rows.length && data.rows[0].score !== null;
  var axis = {
    type: "category", data: names,
    axisLabel: { interval: 0, rotate: names.length > 6 || narrow ? 40 : 0, fontSize: 11,
      formatter: function (v) { return v.length > 8 ? v.slice(0, 8) + "…" : v; } }
  };
  var grid = { left: 40, right: 16, top: 36, bottom: names.length > 6 || narrow ? 90 : 40, containLabel: false };

  var series = [];
  if (scored) {
    series.push({ name: "得分", type: "bar", data: data.rows.map(function (r) { return r.score; }), itemStyle: { color: colors.score } });
  }
  series.push({ name: "入库", type: "bar", data: data.rows.map(function (r) { return r.published; }), itemStyle: { color: colors.published } });
  mount("chart-bar", {
    tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: grid, xAxis: axis,
    yAxis: { type: "value", minInterval: 1 }, series: series
  });

  function stackedType(name, field, color) {
    return { name: name, type: "bar", stack: "type", itemStyle: { color: color },
      data: data.rows.map(function (r) { return r[field]; }) };
  }
  mount("chart-types", {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } }, legend: { top: 0 }, grid: grid, xAxis: axis,
    yAxis: { type: "value", minInterval: 1 },
    series: [
      stackedType("本地首创", "original", colors.original),
      stackedType("创新借鉴", "innovation_borrowed", colors.innovation),
      stackedType("整改借鉴", "rectification_borrowed", colors.rectification)
    ]
  });

  mount("chart-trend", {
    tooltip: { trigger: "axis" }, legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 60 },
    xAxis: { type: "category", data: data.trend.map(function (m) { return m.month; }) },
    yAxis: { type: "value", minInterval: 1 },
    dataZoom: data.trend.length > 24 ? [{ type: "slider", height: 16, bottom: 8, start: 100 - Math.round(2400 / data.trend.length), end: 100 }] : [],
    series: [
      { name: "报送", type: "line", data: data.trend.map(function (m) { return m.submitted; }), itemStyle: { color: colors.innovation } },
      { name: "入库", type: "line", data: data.trend.map(function (m) { return m.published; }), itemStyle: { color: colors.score } }
    ]
  });

  var mapEl = document.getElementById("chart-map");
  if (mapEl) {
    fetch(mapEl.getAttribute("data-map"), { credentials: "same-origin" })
      .then(function (resp) { if (!resp.ok) { throw new Error(resp.status); } return resp.json(); })
      .then(function (geo) {
        echarts.registerMap("zhejiang", geo);
        var values = data.rows.filter(function (r) { return !r.own; }).map(function (r) { return { name: r.name, value: r.score, published: r.published }; });
        var scores = values.map(function (v) { return v.value; });
        var max = Math.max.apply(null, scores.concat([1]));
        var min = Math.min.apply(null, scores.concat([0]));
        mount("chart-map", {
          tooltip: { trigger: "item", formatter: function (p) {
            var d = p.data || {}; return p.name + "<br>得分 " + (d.value === undefined ? "—" : d.value) + "　入库 " + (d.published || 0);
          } },
          visualMap: { min: min, max: max, left: 8, bottom: 8, text: ["高", "低"], calculable: true,
            inRange: { color: ["#fdecea", "#f2a39d", "#B7282E"] }, itemHeight: narrow ? 80 : 120 },
          series: [{ name: "得分", type: "map", map: "zhejiang", roam: false, data: values,
            label: { show: !narrow, fontSize: 10 }, emphasis: { label: { show: true } } }]
        });
      })
      .catch(function () { mapEl.innerHTML = '<p class="chart-error">地图暂不可用</p>'; });
  }

  // A year and a date range are either-or: choosing one clears the other.
  var form = document.querySelector("[data-testid=stats-filters]");
  if (form) {
    var year = form.querySelector("select[name=year]");
    var dates = form.querySelectorAll("input[type=date]");
    year.addEventListener("change", function () {
      if (year.value) { dates.forEach(function (d) { d.value = ""; }); }
    });
    dates.forEach(function (d) {
      d.addEventListener("change", function () { if (d.value) { year.value = ""; } });
    });
  }

  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) { return; }
    pending = window.setTimeout(function () {
      pending = null;
      charts.forEach(function (c) { c.resize(); });
    }, 120);
  });
})();
