// The picture's focal point on the photo desk: a click on the subject moves the point
// (templates/admin/articles/imageasset/focal_point.html). A file, not an inline script,
// so the desk's Content-Security-Policy allows it.
document.getElementById("focal-picture").addEventListener("click", function (event) {
  const box = event.target.getBoundingClientRect();
  const x = Math.round((event.clientX - box.left) / box.width * 100);
  const y = Math.round((event.clientY - box.top) / box.height * 100);
  document.getElementById("id_focal_x").value = x;
  document.getElementById("id_focal_y").value = y;
  const marker = document.getElementById("focal-marker");
  marker.style.left = x + "%";
  marker.style.top = y + "%";
});
