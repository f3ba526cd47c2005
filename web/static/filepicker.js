// caselib file picker: a native <input type="file"> shown with Chinese labels (选择文件 /
// 未选择文件 / the chosen names) whatever the browser's language. The input stays in the form
// with its name, multiple, accept and required, so the form submits as before; it is only
// hidden from view (still focusable, still validated). Files dropped on it are taken too.
//
//   <input type="file" name="file" accept=".docx,.pdf" data-filepicker>
//   <script src="/static/filepicker.js" defer></script>
//
// or CaselibFilePicker.enhance(input). Styles: components.css (.filepicker).
(function () {
  "use strict";

  var NONE = "未选择文件";

  function names(input) {
    var files = Array.prototype.map.call(input.files || [], function (f) { return f.name; });
    if (!files.length) return { text: NONE, title: "" };
    if (files.length === 1) return { text: files[0], title: files[0] };
    return { text: "已选择 " + files.length + " 个文件：" + files.join("、"), title: files.join("\n") };
  }

  function enhance(input) {
    if (!input || input.type !== "file" || input.closest(".filepicker")) return null;
    var label = document.createElement("label");
    label.className = "filepicker";
    var button = document.createElement("span");
    button.className = "filepicker-button";
    button.setAttribute("aria-hidden", "true");
    button.textContent = input.getAttribute("data-button") || "选择文件";
    var chosen = document.createElement("span");
    chosen.className = "filepicker-names";
    chosen.setAttribute("aria-live", "polite");
    input.parentNode.insertBefore(label, input);
    label.appendChild(input);
    label.appendChild(button);
    label.appendChild(chosen);
    input.classList.add("filepicker-input");
    if (!input.hasAttribute("aria-label") && !input.labels.length) input.setAttribute("aria-label", "选择文件");

    function update() {
      var shown = names(input);
      chosen.textContent = shown.text;
      chosen.title = shown.title;
      label.classList.toggle("has-files", !!(input.files && input.files.length));
    }
    input.addEventListener("change", update);
    if (input.form) input.form.addEventListener("reset", function () { setTimeout(update, 0); });

    label.addEventListener("dragover", function (e) {
      e.preventDefault();
      label.classList.add("dragging");
    });
    label.addEventListener("dragleave", function () { label.classList.remove("dragging"); });
    label.addEventListener("drop", function (e) {
      e.preventDefault();
      label.classList.remove("dragging");
      var dropped = e.dataTransfer && e.dataTransfer.files;
      if (!dropped || !dropped.length || input.disabled) return;
      if (!input.multiple && dropped.length > 1) return;
      try {
        input.files = dropped;
      } catch (err) {
        return; // an old browser: choosing through the dialog still works
      }
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    update();
    return label;
  }

  window.CaselibFilePicker = { enhance: enhance };

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll('input[type="file"][data-filepicker]'), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", enhanceAll);
  else enhanceAll();
})();
