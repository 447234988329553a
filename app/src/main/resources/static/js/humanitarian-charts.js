/*
 * Bar charts of the humanitarian pages (Chart.js from the WebJar). The numbers come in data- attributes of each
 * canvas: one series in data-values, or several in data-datasets ([{"label": …, "values": […]}, …]).
 */
(function () {
  "use strict";
  var colours = ["#2f6db5", "#e67e22", "#27ae60", "#8e44ad"];
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll("canvas.hum-chart").forEach(function (canvas) {
      var labels = (canvas.getAttribute("data-labels") || "").split("|");
      var datasets;
      if (canvas.hasAttribute("data-datasets")) {
        datasets = JSON.parse(canvas.getAttribute("data-datasets")).map(function (d, i) {
          return { label: d.label, data: d.values, backgroundColor: colours[i % colours.length] };
        });
      } else {
        var values = (canvas.getAttribute("data-values") || "").split("|").map(Number);
        datasets = [{ label: canvas.getAttribute("data-series"), data: values, backgroundColor: colours[0] }];
      }
      var horizontal = canvas.getAttribute("data-horizontal") === "true";
      new window.Chart(canvas, {
        type: "bar",
        data: { labels: labels, datasets: datasets },
        options: {
          indexAxis: horizontal ? "y" : "x",
          animation: false,
          responsive: true,
          plugins: { legend: { display: datasets.length > 1 } }
        }
      });
      canvas.setAttribute("data-ready", "true");
    });
  });
}());
