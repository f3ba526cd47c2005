// caselib PDF viewer: renders a PDF page by page with the vendored PDF.js (pdfjs-dist legacy
// build), lazily (a page is drawn when it comes near the screen, and let go when it is far
// away), with 缩小 / 放大 / 适合宽度 and 第 N / M 页. Fits the width by default where the page
// is wider than the screen (phones). Plain script, no build step:
//
//   <div data-pdf-viewer data-src="/cases/X/file?inline=1" data-download="/cases/X/file"></div>
//   <script src="/static/pdfviewer.js" defer></script>
//
// or CaselibPdfViewer.mount(element, {src, download, vendor}). If PDF.js or the file cannot be
// loaded, the element shows a message and the download link instead. The element gets
// data-state="loading" | "ready" | "error" and fires "pdfviewer:ready" / "pdfviewer:error".
(function () {
  "use strict";

  var script = document.currentScript;
  var STATIC = script && script.src ? script.src.replace(/[^\/]*$/, "") : "/static/";
  var CSS_UNITS = 96 / 72; // PDF points to CSS pixels at 100 %
  var STEP = 1.25;
  var MIN_SCALE = 0.25;
  var MAX_SCALE = 5;
  var KEEP = 3; // pages kept drawn on either side of the visible ones
  var MAX_PIXELS = 16777216; // per canvas; the device pixel ratio is lowered beyond it

  var libraries = {};

  function loadPdfjs(vendor) {
    if (window.pdfjsLib && window.pdfjsLib.getDocument) return Promise.resolve(window.pdfjsLib);
    if (libraries[vendor]) return libraries[vendor];
    var loading = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      if (!("noModule" in tag)) {
        reject(new Error("此浏览器不支持 JavaScript 模块"));
        return;
      }
      tag.type = "module";
      tag.src = vendor + "build/pdf.min.mjs";
      tag.onload = function () {
        if (window.pdfjsLib && window.pdfjsLib.getDocument) resolve(window.pdfjsLib);
        else reject(new Error("PDF.js 未能加载"));
      };
      tag.onerror = function () { reject(new Error("PDF.js 未能加载")); };
      document.head.appendChild(tag);
    });
    libraries[vendor] = loading;
    loading.catch(function () { delete libraries[vendor]; });
    return loading;
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text != null) e.textContent = text;
    return e;
  }

  function Viewer(container, options) {
    options = options || {};
    this.container = container;
    this.src = options.src || container.getAttribute("data-src");
    this.download = options.download || container.getAttribute("data-download") || this.src;
    this.vendor = options.vendor || container.getAttribute("data-vendor") || STATIC + "vendor/pdfjs-dist/";
    this.scale = null; // CSS pixels per PDF point
    this.fit = true;
    this.pages = [];
    this.current = 1;
    this.queue = [];
    this.busy = false;
    this.doc = null;
    this.destroyed = false;
    this._build();
    this._whenShown(this._open.bind(this));
  }

  Viewer.prototype._build = function () {
    var c = this.container;
    c.classList.add("pdfv");
    c.setAttribute("data-state", "loading");
    c.innerHTML = "";
    var bar = el("div", { "class": "pdfv-toolbar", role: "toolbar", "aria-label": "PDF 页面工具" });
    this.zoomOutButton = el("button", { type: "button", "class": "pdfv-btn", "data-action": "zoom-out", title: "缩小" }, "缩小");
    this.zoomLabel = el("span", { "class": "pdfv-zoom", "aria-live": "polite" }, "");
    this.zoomInButton = el("button", { type: "button", "class": "pdfv-btn", "data-action": "zoom-in", title: "放大" }, "放大");
    this.fitButton = el("button", { type: "button", "class": "pdfv-btn", "data-action": "fit-width", title: "适合宽度", "aria-pressed": "true" }, "适合宽度");
    this.pageLabel = el("span", { "class": "pdfv-pageno", "aria-live": "polite" }, "正在加载…");
    [this.zoomOutButton, this.zoomLabel, this.zoomInButton, this.fitButton, this.pageLabel].forEach(function (x) { bar.appendChild(x); });
    this.toolbar = bar;
    this.area = el("div", { "class": "pdfv-pages" });
    c.appendChild(bar);
    c.appendChild(this.area);
    var self = this;
    this.zoomOutButton.addEventListener("click", function () { self.zoom(self.scale / STEP); });
    this.zoomInButton.addEventListener("click", function () { self.zoom(self.scale * STEP); });
    this.fitButton.addEventListener("click", function () { self.fitWidth(); });
    this._setButtons(false);
  };

  Viewer.prototype._setButtons = function (on) {
    [this.zoomOutButton, this.zoomInButton, this.fitButton].forEach(function (b) { b.disabled = !on; });
  };

  // Hidden (a tab not chosen yet): wait until the element is on screen, so PDF.js is only
  // fetched for people who look at the PDF, and the width to fit is known.
  Viewer.prototype._whenShown = function (start) {
    var c = this.container;
    if (!("IntersectionObserver" in window)) { start(); return; }
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; }) && c.clientWidth > 0) {
        seen.disconnect();
        start();
      }
    }, { rootMargin: "200px" });
    seen.observe(c);
  };

  Viewer.prototype._open = function () {
    var self = this;
    if (!this.src) { this._fail(new Error("没有指定 PDF 文件")); return; }
    loadPdfjs(this.vendor).then(function (pdfjs) {
      pdfjs.GlobalWorkerOptions.workerSrc = self.vendor + "build/pdf.worker.min.mjs";
      return pdfjs.getDocument({
        url: self.src,
        cMapUrl: self.vendor + "cmaps/",
        cMapPacked: true,
        standardFontDataUrl: self.vendor + "standard_fonts/",
        isEvalSupported: false,
        disableAutoFetch: true // pages are fetched (HTTP ranges) as they are shown
      }).promise;
    }).then(function (doc) {
      if (self.destroyed) { doc.destroy(); return null; }
      self.doc = doc;
      return doc.getPage(1).then(function (first) {
        self._layout(doc.numPages, first.getViewport({ scale: 1 }));
      });
    }).catch(function (error) { self._fail(error); });
  };

  Viewer.prototype._layout = function (count, base) {
    var self = this;
    for (var n = 1; n <= count; n++) {
      var box = el("div", { "class": "pdfv-page", "data-page": String(n), role: "img", "aria-label": "第 " + n + " 页" });
      this.area.appendChild(box);
      // Until a page is loaded it is taken to be the size of the first one.
      this.pages.push({ number: n, box: box, width: base.width, height: base.height, page: null, canvas: null, drawn: null, task: null, near: false });
    }
    var fit = this._fitScale();
    // Fit the width where the page is wider than the screen (phones); 100 % on a desk.
    this.scale = Math.min(fit, CSS_UNITS);
    this.fit = fit <= CSS_UNITS;
    this.fitButton.setAttribute("aria-pressed", String(this.fit));
    this._sizeBoxes();
    this._observe();
    if ("ResizeObserver" in window) {
      var width = this.container.clientWidth;
      this.resize = new ResizeObserver(function () {
        var now = self.container.clientWidth;
        if (self.fit && now > 0 && Math.abs(now - width) > 1) {
          width = now;
          self._apply(self._fitScale());
        }
      });
      this.resize.observe(this.container);
    }
    this._scroll = function () {
      if (self._ticking) return;
      self._ticking = true;
      window.requestAnimationFrame(function () { self._ticking = false; self._updateCurrent(); });
    };
    window.addEventListener("scroll", this._scroll, { passive: true });
    this.area.addEventListener("scroll", this._scroll, { passive: true });
    this._setButtons(true);
    this._updateLabels();
    this.container.setAttribute("data-state", "ready");
    this.container.dispatchEvent(new CustomEvent("pdfviewer:ready", { detail: { pages: count } }));
  };

  // The scale at which the widest page fills the pages area's inner width.
  Viewer.prototype._fitScale = function () {
    var style = window.getComputedStyle(this.area);
    var inner = this.area.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    var widest = Math.max.apply(null, this.pages.map(function (p) { return p.width; }));
    var fit = Math.max(inner - 2, 50) / widest;
    return fit;
  };

  Viewer.prototype._sizeBoxes = function () {
    var scale = this.scale;
    this.pages.forEach(function (p) {
      p.box.style.width = Math.floor(p.width * scale) + "px";
      p.box.style.height = Math.floor(p.height * scale) + "px";
    });
  };

  Viewer.prototype._observe = function () {
    var self = this;
    if (!("IntersectionObserver" in window)) {
      this.pages.forEach(function (p) { p.near = true; self._want(p); });
      return;
    }
    this.observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        var p = self.pages[+entry.target.getAttribute("data-page") - 1];
        p.near = entry.isIntersecting;
        if (p.near) self._want(p);
      });
      self._release();
    }, { rootMargin: "100% 0px" });
    this.pages.forEach(function (p) { self.observer.observe(p.box); });
  };

  Viewer.prototype._want = function (p) {
    if (p.drawn === this.scale || this.queue.indexOf(p) >= 0) return;
    this.queue.push(p);
    this._next();
  };

  // One page at a time, nearest to the current page first.
  Viewer.prototype._next = function () {
    if (this.busy || this.destroyed) return;
    var current = this.current;
    this.queue = this.queue.filter(function (p) { return p.near; });
    this.queue.sort(function (a, b) { return Math.abs(a.number - current) - Math.abs(b.number - current); });
    var p = this.queue.shift();
    if (!p) return;
    this.busy = true;
    var self = this;
    this._draw(p).catch(function (error) {
      if (!error || error.name !== "RenderingCancelledException") p.box.classList.add("pdfv-failed");
    }).then(function () {
      self.busy = false;
      self._next();
    });
  };

  Viewer.prototype._draw = function (p) {
    var self = this;
    var scale = this.scale;
    var load = p.page ? Promise.resolve(p.page) : this.doc.getPage(p.number);
    return load.then(function (page) {
      p.page = page;
      var base = page.getViewport({ scale: 1 });
      if (base.width !== p.width || base.height !== p.height) {
        p.width = base.width;
        p.height = base.height;
        p.box.style.width = Math.floor(p.width * scale) + "px";
        p.box.style.height = Math.floor(p.height * scale) + "px";
      }
      var viewport = page.getViewport({ scale: scale });
      var ratio = window.devicePixelRatio || 1;
      var pixels = viewport.width * viewport.height * ratio * ratio;
      if (pixels > MAX_PIXELS) ratio = Math.sqrt(MAX_PIXELS / (viewport.width * viewport.height));
      var canvas = el("canvas", { "class": "pdfv-canvas" });
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      // Sized by its page box, so a page drawn at the old zoom stretches until it is redrawn.
      canvas.style.width = "100%";
      canvas.style.height = "100%";
      p.task = page.render({
        canvasContext: canvas.getContext("2d"),
        viewport: viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null
      });
      return p.task.promise.then(function () {
        p.task = null;
        if (scale !== self.scale) { self._want(p); return; }
        if (p.canvas) p.box.removeChild(p.canvas);
        p.box.appendChild(canvas);
        p.canvas = canvas;
        p.drawn = scale;
        p.box.classList.remove("pdfv-failed");
      });
    });
  };

  // Pages far from the screen give their canvas back (phones have little memory).
  Viewer.prototype._release = function () {
    var near = this.pages.filter(function (p) { return p.near; }).map(function (p) { return p.number; });
    if (!near.length) return;
    var low = Math.min.apply(null, near) - KEEP, high = Math.max.apply(null, near) + KEEP;
    this.pages.forEach(function (p) {
      if (p.canvas && (p.number < low || p.number > high)) {
        p.canvas.width = p.canvas.height = 0;
        p.box.removeChild(p.canvas);
        p.canvas = null;
        p.drawn = null;
        if (p.page) { p.page.cleanup(); }
      }
    });
  };

  Viewer.prototype._apply = function (scale) {
    scale = Math.min(Math.max(scale, MIN_SCALE), MAX_SCALE);
    if (!this.doc || Math.abs(scale - this.scale) < 1e-3) { this._updateLabels(); return; }
    var anchor = this.pages[this.current - 1];
    var offset = anchor ? (window.scrollY || window.pageYOffset) - this._top(anchor.box) : 0;
    var ratio = scale / this.scale;
    this.scale = scale;
    this._sizeBoxes();
    this.pages.forEach(function (p) { if (p.task) p.task.cancel(); });
    if (anchor && offset > 0) window.scrollTo(window.scrollX, this._top(anchor.box) + offset * ratio);
    var self = this;
    this.pages.forEach(function (p) { if (p.near) self._want(p); });
    this._updateLabels();
  };

  Viewer.prototype._top = function (node) {
    return node.getBoundingClientRect().top + (window.scrollY || window.pageYOffset);
  };

  Viewer.prototype.zoom = function (scale) {
    this.fit = false;
    this.fitButton.setAttribute("aria-pressed", "false");
    this._apply(scale);
  };

  Viewer.prototype.fitWidth = function () {
    this.fit = true;
    this.fitButton.setAttribute("aria-pressed", "true");
    this._apply(this._fitScale());
  };

  Viewer.prototype._updateCurrent = function () {
    var line = this.toolbar.getBoundingClientRect().bottom + (window.innerHeight - this.toolbar.getBoundingClientRect().bottom) / 3;
    var found = this.current;
    for (var i = 0; i < this.pages.length; i++) {
      var r = this.pages[i].box.getBoundingClientRect();
      if (r.bottom >= line) { found = i + 1; break; }
      found = i + 1;
    }
    if (found !== this.current) {
      this.current = found;
      this._updateLabels();
    }
  };

  Viewer.prototype._updateLabels = function () {
    if (!this.pages.length) return;
    this.pageLabel.textContent = "第 " + this.current + " / " + this.pages.length + " 页";
    this.zoomLabel.textContent = Math.round((this.scale / CSS_UNITS) * 100) + "%";
    this.zoomOutButton.disabled = this.scale <= MIN_SCALE + 1e-3;
    this.zoomInButton.disabled = this.scale >= MAX_SCALE - 1e-3;
  };

  Viewer.prototype._fail = function (error) {
    if (this.destroyed) return;
    var c = this.container;
    c.setAttribute("data-state", "error");
    c.innerHTML = "";
    var box = el("p", { "class": "pdfv-error", role: "alert" }, "无法在线显示该 PDF，请");
    if (this.download) {
      box.appendChild(el("a", { href: this.download, download: "" }, "下载原文"));
      box.appendChild(document.createTextNode("查看。"));
    } else {
      box.appendChild(document.createTextNode("下载原文查看。"));
    }
    c.appendChild(box);
    c.dispatchEvent(new CustomEvent("pdfviewer:error", { detail: { message: String(error && error.message || error) } }));
  };

  Viewer.prototype.destroy = function () {
    this.destroyed = true;
    if (this.observer) this.observer.disconnect();
    if (this.resize) this.resize.disconnect();
    if (this._scroll) {
      window.removeEventListener("scroll", this._scroll);
      this.area.removeEventListener("scroll", this._scroll);
    }
    if (this.doc) this.doc.destroy();
  };

  window.CaselibPdfViewer = {
    mount: function (element, options) { return new Viewer(element, options); }
  };

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pdf-viewer]"), function (element) {
      if (!element.caselibPdfViewer) element.caselibPdfViewer = new Viewer(element);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
