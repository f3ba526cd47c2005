// caselib: small progressive enhancements. Every page works without them except the
// region picker's cascading and the upload form's helpers.
(function () {
  "use strict";
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var $ = function (sel, root) { return (root || document).querySelector(sel); };
  var $$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  function getJSON(url) {
    return fetch(url, { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (r) { return r.json(); });
  }
  function postForm(url, body) {
    return fetch(url, { method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, "X-Requested-With": "fetch" } })
      .then(function (r) { return r.json().then(function (d) { d._status = r.status; return d; }); });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  // On a phone the facets and the filter panel start folded, so the results come first;
  // the facets open as a drawer over the results, which a choice or a tap outside closes.
  if (window.matchMedia && window.matchMedia("(max-width: 900px)").matches) {
    $$(".facet-box[open], details.filters[open]").forEach(function (d) { d.removeAttribute("open"); });
    $$(".facet-box").forEach(function (box) {
      document.addEventListener("click", function (ev) {
        if (box.open && !box.contains(ev.target)) box.removeAttribute("open");
      });
      $$("a", box).forEach(function (a) { a.addEventListener("click", function () { box.removeAttribute("open"); }); });
    });
  }

  // Forms that delete or deactivate something ask first (data-confirm="…").
  document.addEventListener("submit", function (e) {
    var msg = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) e.preventDefault();
  }, true);

  // A select that submits its form when changed (data-autosubmit; no inline handlers).
  document.addEventListener("change", function (e) {
    var t = e.target;
    if (t && t.hasAttribute && t.hasAttribute("data-autosubmit") && t.form) t.form.submit();
  });

  // Files too large (or empty) are refused before the form sends them: the server would
  // refuse them too, and the typed fields are kept either way.
  $$("form[data-max-bytes] input[type=file]").forEach(function (input) {
    var max = +input.form.getAttribute("data-max-bytes");
    input.addEventListener("change", function () {
      var bad = Array.prototype.filter.call(input.files || [], function (f) { return f.size > max || f.size === 0; });
      var anchor = input.closest(".filepicker") || input;
      var note = anchor.parentNode.querySelector("[data-size-error]");
      if (!bad.length) { if (note) note.remove(); return; }
      if (!note) {
        note = el("p", { "class": "field-error", "data-size-error": "", role: "alert" });
        anchor.insertAdjacentElement("afterend", note);
      }
      note.textContent = bad.map(function (f) {
        return f.size ? "文件“" + f.name + "”超过 " + Math.round(max / 1048576) + " MB 的大小上限，请压缩或拆分后重新选择"
                      : "文件“" + f.name + "”是空的（0 字节），请检查后重新选择";
      }).join("；");
      input.value = "";
      input.dispatchEvent(new Event("input"));
    }, true);
  });

  // Search form: leave empty fields out of the URL, so it stays short to share.
  var searchForm = $("#search-form");
  if (searchForm) {
    searchForm.addEventListener("submit", function () {
      $$("input, select", searchForm).forEach(function (f) {
        if (f.name && !f.value) f.disabled = true;
      });
      var sort = searchForm.elements.sort;
      if (sort && sort.value === "relevance") sort.disabled = true;
    });
  }

  // Live counters: 0/50
  $$("[data-counter-for]").forEach(function (c) {
    var input = document.getElementById(c.getAttribute("data-counter-for"));
    if (!input) return;
    var limit = +(c.getAttribute("data-limit") || input.getAttribute("data-limit") || input.maxLength || 0);
    function update() {
      var n = Array.from(input.value).length;
      c.textContent = n + "/" + limit;
      c.classList.toggle("over", limit > 0 && n > limit);
    }
    input.addEventListener("input", update);
    update();
  });

  // Type-ahead: case names containing what was typed.
  $$("[data-typeahead]").forEach(function (box) {
    var input = $("input", box), list = $(".suggestions", box), timer = null, pick = box.hasAttribute("data-pick");
    var url = input.getAttribute("data-suggest-url");
    function hide() { list.hidden = true; list.innerHTML = ""; }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) { hide(); return; }
      timer = setTimeout(function () {
        getJSON(url + "?q=" + encodeURIComponent(q)).then(function (d) {
          list.innerHTML = "";
          (d.suggestions || []).forEach(function (s) {
            var li = el("li", { role: "option" });
            var a = el("a", { href: "/cases/" + encodeURIComponent(s.case_no), "data-case-no": s.case_no });
            a.appendChild(el("span", {}, s.name));
            a.appendChild(el("small", {}, s.case_no));
            if (pick) a.addEventListener("click", function (ev) { ev.preventDefault(); chooseBorrowed(s.case_no, s.name); hide(); input.value = ""; });
            li.appendChild(a);
            list.appendChild(li);
          });
          list.hidden = !list.children.length;
        }).catch(hide);
      }, 150);
    });
    input.addEventListener("keydown", function (ev) { if (ev.key === "Escape") hide(); });
    document.addEventListener("click", function (ev) { if (!box.contains(ev.target)) hide(); });
  });

  // Set a region picker to a path [{code, name}, ...] (province, city, county).
  function setRegion(picker, path) {
    if (!picker || !path || !path.length) return;
    var hidden = $("[data-region-value]", picker), selects = $$("select", picker);
    hidden.value = path[path.length - 1].code;
    var step = function (i) {
      if (i >= selects.length) return;
      var sel = selects[i], want = path[i] ? path[i].code : "";
      var parent = i === 0 ? null : path[i - 1] && path[i - 1].code;
      var fill = i === 0 ? Promise.resolve(null) : getJSON("/regions?parent=" + parent).then(function (d) {
        sel.length = 1;
        (d.regions || []).forEach(function (r) { sel.appendChild(el("option", { value: r.code }, r.name)); });
        sel.disabled = !(d.regions || []).length;
      });
      fill.then(function () { sel.value = want; if (want) step(i + 1); });
    };
    step(0);
  }

  // Region picker: province › city › county.
  $$("[data-region-picker]").forEach(function (picker) {
    var hidden = $("[data-region-value]", picker), selects = $$("select", picker);
    selects.forEach(function (sel, i) {
      sel.addEventListener("change", function () {
        for (var j = i + 1; j < selects.length; j++) {
          selects[j].length = 1; selects[j].disabled = true;
        }
        var code = sel.value || (i > 0 ? selects[i - 1].value : "");
        hidden.value = code;
        if (sel.value && i + 1 < selects.length) {
          getJSON("/regions?parent=" + sel.value).then(function (d) {
            var next = selects[i + 1];
            (d.regions || []).forEach(function (r) { next.appendChild(el("option", { value: r.code }, r.name)); });
            next.disabled = !(d.regions || []).length;
          });
        }
      });
    });
  });

  // Case page: text rendition / original PDF tabs.
  $$("[data-tabs]").forEach(function (tabs) {
    var root = tabs.parentNode;
    $$(".tab", tabs).forEach(function (t) {
      t.addEventListener("click", function () {
        $$(".tab", tabs).forEach(function (x) { x.classList.toggle("active", x === t); });
        $$("[data-panel]", root).forEach(function (p) {
          var on = p.getAttribute("data-panel") === t.getAttribute("data-tab");
          p.hidden = !on;
          var frame = $("iframe[data-src]", p);
          if (on && frame && !frame.src) frame.src = frame.getAttribute("data-src");
        });
      });
    });
  });

  // A scan being read by OCR: show its progress, reload the page once its text is there.
  $$("[data-status-url]").forEach(function (box) {
    var bar = $("[data-ocr-bar]", box), label = $("[data-ocr-progress]", box);
    function poll() {
      getJSON(box.getAttribute("data-status-url")).then(function (st) {
        var ocr = st.ocr || {};
        if (!st.pending || ocr.state === "failed") { window.location.reload(); return; }
        if (ocr.total && bar) { bar.max = ocr.total; bar.value = ocr.done; }
        if (ocr.total && label) label.textContent = "（已识别 " + ocr.done + "/" + ocr.total + " 页）";
        setTimeout(poll, 3000);
      }).catch(function () { setTimeout(poll, 10000); });
    }
    setTimeout(poll, 2000);
  });

  // Upload form.
  var form = $("#upload-form");
  function chooseBorrowed(caseNo, name) {
    var input = $("#borrowed_from"), chosen = $("#borrow-chosen");
    if (!input) return;
    input.value = caseNo;
    chosen.textContent = "已选择：" + caseNo + "《" + name + "》";
    chosen.classList.add("ok");
  }
  if (form) {
    var typeSel = $("#case_type"), panel = $("[data-borrow-panel]"), list = $("#similar-list"), status = $("#similar-status");
    var isBorrowed = function () { return /borrowed$/.test(typeSel.value); };
    var showSimilar = function (hits) {
      list.innerHTML = "";
      hits.forEach(function (h) {
        var li = el("li"), label = el("label");
        var radio = el("input", { type: "radio", name: "_pick", value: h.case_no });
        radio.addEventListener("change", function () { chooseBorrowed(h.case_no, h.name); });
        label.appendChild(radio);
        label.appendChild(document.createTextNode(" " + h.case_no + "《" + h.name + "》 "));
        label.appendChild(el("small", {}, "相似度 " + Math.round(h.similarity * 100) + "%" + (h.near_duplicate ? "（疑似重复）" : "")));
        li.appendChild(label);
        list.appendChild(li);
      });
      status.textContent = hits.length ? "" : "没有找到相似的案例，可以在下方搜索案例名称。";
    };
    $$('input[name="_pick"]', list).forEach(function (r) {
      r.addEventListener("change", function () { chooseBorrowed(r.value, r.getAttribute("data-name")); });
    });
    var draftText = function () {
      return ["name", "summary", "problem", "solution", "traditional_practice", "innovative_practice", "application_scenario"]
        .map(function (k) { var f = form.elements[k]; return f ? f.value : ""; }).join("\n");
    };
    var findSimilar = function () {
      var body = new FormData();
      body.append("text", draftText());
      body.append("upload_token", $("#upload_token").value);
      status.textContent = "正在查找相似案例…";
      return postForm(form.getAttribute("data-similar-url"), body).then(function (d) { showSimilar(d.similar || []); });
    };
    typeSel.addEventListener("change", function () {
      panel.hidden = !isBorrowed();
      var warningField = $("[data-warning-field]");  // 整改借鉴 may name the warning it answers
      if (warningField) warningField.hidden = typeSel.value !== "rectification_borrowed";
      if (isBorrowed() && !list.children.length) findSimilar();
    });
    $("#refresh-similar").addEventListener("click", findSimilar);

    // Anonymity findings: each place or person name highlighted where it is, replaced with
    // its neutral wording in one click (or all at once).
    $$("[data-findings-for]").forEach(function (box) {
      var field = form.elements[box.getAttribute("data-findings-for")];
      var findings = JSON.parse(box.getAttribute("data-findings") || "[]");
      var preview = $("[data-findings-text]", box);
      function render() {
        var text = field.value, out = [], pos = 0;
        findings.filter(function (f) { return !f.done; }).sort(function (a, b) { return a.start - b.start; })
          .forEach(function (f) {
            if (f.start < pos || text.substr(f.start, f.text.length) !== f.text) return;
            out.push(document.createTextNode(text.slice(pos, f.start)));
            out.push(el("mark", { "class": "finding" }, f.text));
            pos = f.start + f.text.length;
          });
        out.push(document.createTextNode(text.slice(pos)));
        preview.innerHTML = "";
        out.forEach(function (n) { preview.appendChild(n); });
      }
      function replace(i) {
        var f = findings[i];
        if (!f || f.done) return;
        var v = field.value, at = f.start;
        if (v.substr(at, f.text.length) !== f.text) at = v.indexOf(f.text);
        if (at >= 0) {
          field.value = v.slice(0, at) + f.replacement + v.slice(at + f.text.length);
          var delta = f.replacement.length - f.text.length;
          findings.forEach(function (g) { if (!g.done && g !== f && g.start > at) g.start += delta; });
        }
        f.done = true;
        var li = box.querySelector('li[data-i="' + i + '"]');
        if (li) { li.classList.add("done"); $("button", li).disabled = true; }
        field.dispatchEvent(new Event("input"));
        render();
      }
      field.addEventListener("input", render);
      $$("[data-replace]", box).forEach(function (b) {
        b.addEventListener("click", function () { replace(+b.getAttribute("data-replace")); });
      });
      $("[data-replace-all]", box).addEventListener("click", function () {
        findings.forEach(function (_, i) { replace(i); });
      });
    });

    var fileInput = $("#file"), fileStatus = $("#file-status");
    fileInput.addEventListener("change", function () {
      var f = fileInput.files[0];
      if (!f) return;
      var body = new FormData();
      body.append("file", f);
      fileStatus.textContent = "正在读取 " + f.name + "…";
      postForm(form.getAttribute("data-inspect-url"), body).then(function (d) {
        if (d._status !== 200) {
          fileStatus.textContent = (d.errors && d.errors[0] ? d.errors[0].message : d.message) || "无法读取该文件";
          fileStatus.classList.add("field-error");
          return;
        }
        fileStatus.classList.remove("field-error");
        $("#upload_token").value = d.upload_token;
        var filled = [], resolved = d.resolved || {};
        // What the filled-in 申报表 says about these wins over the form's defaults (the
        // account's unit and region, 本地首创).
        var fromForm = { case_type: 1, unit: 1 };
        Object.keys(d.fields || {}).forEach(function (k) {
          var v = d.fields[k];
          if (k === "tags") {
            (v || []).forEach(function (t) { $$('input[name="tags"]', form).forEach(function (c) { if (c.value === t) c.checked = true; }); });
            return;
          }
          if (k === "borrowed_from" || k === "region_code") return;
          var field = form.elements[k];
          if (field && (!field.value || fromForm[k]) && field.value !== v) {
            field.value = v; field.dispatchEvent(new Event("input")); filled.push(k);
          }
        });
        if (resolved.borrowed_from) { chooseBorrowed(resolved.borrowed_from, resolved.borrowed_name || ""); filled.push("borrowed_from"); }
        if (resolved.region_path) { setRegion($("#region-field [data-region-picker]"), resolved.region_path); filled.push("region_code"); }
        if (d.fields && d.fields.case_type) { typeSel.dispatchEvent(new Event("change")); }
        fileStatus.textContent = "已读取 " + d.file_name + (filled.length ? "，已按申报表自动填写 " + filled.length + " 项，请核对。" : "。");
        if (d.scan) fileStatus.textContent = "已读取 " + d.file_name + "：这是扫描件，保存后将自动识别文字（识别中可先保存草稿）。";
        showSimilar(d.similar || []);
        var dup = (d.similar || []).filter(function (h) { return h.near_duplicate; });
        if (dup.length) fileStatus.textContent += " 注意：与已有案例“" + dup[0].name + "”高度相似。";
      }).catch(function () { fileStatus.textContent = "读取文件失败，请重试"; });
    });
  }
})();
