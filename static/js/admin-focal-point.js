// Click the photo to set its focal point: the crops keep that point in view.
// Shared by the photo's own page and the story form's photo picker (admin-photo-picker.js).
(function () {
  "use strict";

  function clamp(value) {
    return Math.min(Math.max(value, 0), 1);
  }

  // Makes `picker` (a .focal-picker: an <img> and a .focal-picker__marker) answer clicks
  // and arrow keys; onPick(x, y) receives each new point as fractions of the photo.
  function attachFocalPicker(picker, onPick) {
    var marker = picker.querySelector(".focal-picker__marker");
    var point = { x: 0.5, y: 0.5 };

    function place(x, y, picked) {
      point = { x: clamp(x), y: clamp(y) };
      marker.style.left = (point.x * 100).toFixed(1) + "%";
      marker.style.top = (point.y * 100).toFixed(1) + "%";
      if (picked) onPick(point.x, point.y);
    }

    picker.addEventListener("click", function (event) {
      var box = picker.querySelector("img").getBoundingClientRect();
      place((event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height, true);
    });
    // Keyboard users move the point by arrow keys, a twentieth of the photo at a time.
    picker.tabIndex = 0;
    picker.addEventListener("keydown", function (event) {
      var step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[
        event.key
      ];
      if (!step) return;
      event.preventDefault();
      place(point.x + step[0] * 0.05, point.y + step[1] * 0.05, true);
    });
    return {
      set: function (x, y) {
        place(x, y, false);
      },
    };
  }
  window.attachFocalPicker = attachFocalPicker;

  // The photo's own page: the point goes into the form's hidden focal_x and focal_y.
  document.addEventListener("DOMContentLoaded", function () {
    var picker = document.querySelector(".focal-picker");
    var x = document.getElementById("id_focal_x");
    var y = document.getElementById("id_focal_y");
    if (!picker || !x || !y) return;
    var control = attachFocalPicker(picker, function (left, top) {
      x.value = left.toFixed(3);
      y.value = top.toFixed(3);
    });
    var left = parseFloat(x.value);
    var top = parseFloat(y.value);
    control.set(isNaN(left) ? 0.5 : left, isNaN(top) ? 0.5 : top);
  });
})();
