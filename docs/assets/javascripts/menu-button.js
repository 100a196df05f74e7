// Material's menu button is a <label> for a hidden checkbox: a pointer can use it, a
// keyboard cannot. With JavaScript we swap it for a real <button> that toggles the same
// checkbox and announces its state. Without JavaScript the footer links reach every page.
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  // The drawer and search checkboxes carry no autocomplete="off" (invalid on checkboxes; see
  // overrides/partials/guide/toggles.html), so a browser may restore them ticked on Back:
  // every page starts with the menu closed.
  window.addEventListener("pageshow", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var box = document.getElementById(id);
      if (box && box.checked) {
        box.checked = false;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  });
  var label = document.querySelector("label.guide-menu-button");
  if (!toggle || !label) {
    return;
  }
  var button = document.createElement("button");
  button.type = "button";
  button.className = label.className + " guide-menu-button--js";
  button.innerHTML = label.innerHTML;
  button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  label.replaceWith(button);
  button.addEventListener("click", function () {
    toggle.checked = !toggle.checked;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
  });
  toggle.addEventListener("change", function () {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  });
})();
