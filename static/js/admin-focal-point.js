// Click the photo to set its focal point: the crops keep that point in view.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var picker = document.querySelector(".focal-picker");
  var x = document.getElementById("id_focal_x");
  var y = document.getElementById("id_focal_y");
  if (!picker || !x || !y) return;
  var marker = picker.querySelector(".focal-picker__marker");

  picker.addEventListener("click", function (event) {
    var box = picker.querySelector("img").getBoundingClientRect();
    var left = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1);
    var top = Math.min(Math.max((event.clientY - box.top) / box.height, 0), 1);
    x.value = left.toFixed(3);
    y.value = top.toFixed(3);
    marker.style.left = (left * 100).toFixed(1) + "%";
    marker.style.top = (top * 100).toFixed(1) + "%";
  });
});
