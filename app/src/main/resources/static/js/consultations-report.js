/*
 * The consultation report's scatter plot: participants on the 2-D opinion map, coloured by group.
 * Data comes from the report API named in the canvas's data-report-url (no inline script: CSP).
 */
(function () {
  "use strict";
  var COLOURS = ["#2563eb", "#ea580c", "#16a34a", "#9333ea", "#ca8a04"];

  function draw(canvas) {
    fetch(canvas.getAttribute("data-report-url"), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (report) {
        var label = canvas.getAttribute("data-group-label") || "Group";
        var groups = Math.max(1, report.groupCount || 1);
        var datasets = [];
        for (var g = 0; g < groups; g++) {
          datasets.push({ label: label + " " + (g + 1), data: [], backgroundColor: COLOURS[g % COLOURS.length], pointRadius: 3 });
        }
        (report.points || []).forEach(function (p) {
          var g = Math.min(groups - 1, Math.max(0, p[2] | 0));
          datasets[g].data.push({ x: p[0], y: p[1] });
        });
        canvas.setAttribute("data-drawn-groups", String(datasets.filter(function (d) { return d.data.length > 0; }).length));
        canvas.setAttribute("data-drawn-points", String((report.points || []).length));
        new window.Chart(canvas, {
          type: "scatter",
          data: { datasets: datasets },
          options: {
            animation: false,
            maintainAspectRatio: false,
            scales: {
              x: { title: { display: true, text: canvas.getAttribute("data-x-label") || "" } },
              y: { title: { display: true, text: canvas.getAttribute("data-y-label") || "" } }
            }
          }
        });
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var canvas = document.getElementById("opinion-map");
    if (canvas && window.Chart) {
      draw(canvas);
    }
  });
})();
