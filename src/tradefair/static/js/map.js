// Zoom the hall's map (pixels per metre), print it, and bring the highlighted booth into view.
(function () {
  "use strict";
  function start() {
    var svg = document.querySelector(".hall-map");
    if (!svg) return;
    var frame = svg.parentElement;
    var width = parseFloat(svg.getAttribute("data-width")) || 300;
    svg.style.setProperty("--width-m", width);
    var scale = 10;
    function apply() {
      svg.style.setProperty("--scale", scale);
    }
    function fit() {
      scale = Math.max(1, (frame.clientWidth - 4) / (width + 4));
      apply();
    }
    document.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = button.getAttribute("data-zoom");
        if (step === "fit") fit();
        else {
          scale = Math.min(60, Math.max(1, scale * parseFloat(step)));
          apply();
        }
      });
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () {
        window.print();
      });
    });
    apply();
    var found = svg.querySelector(".booth.highlighted rect");
    if (found) {
      // Centre the booth in the frame only: the page itself stays where it is.
      scale = 16;
      apply();
      var box = found.getBBox();
      var origin = svg.viewBox.baseVal;
      frame.scrollLeft = (box.x - origin.x + box.width / 2) * scale - frame.clientWidth / 2;
      frame.scrollTop = (box.y - origin.y + box.height / 2) * scale - frame.clientHeight / 2;
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
