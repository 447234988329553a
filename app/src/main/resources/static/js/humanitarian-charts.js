/* Bar charts of grain tonnage (Chart.js from the WebJar); the numbers come in data- attributes of each canvas. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.Chart) {
      return;
    }
    document.querySelectorAll("canvas.hum-chart").forEach(function (canvas) {
      var labels = (canvas.getAttribute("data-labels") || "").split("|");
      var values = (canvas.getAttribute("data-values") || "").split("|").map(Number);
      var horizontal = canvas.getAttribute("data-horizontal") === "true";
      new window.Chart(canvas, {
        type: "bar",
        data: { labels: labels, datasets: [{ label: canvas.getAttribute("data-series"), data: values, backgroundColor: "#2f6db5" }] },
        options: {
          indexAxis: horizontal ? "y" : "x",
          animation: false,
          responsive: true,
          plugins: { legend: { display: false } }
        }
      });
      canvas.setAttribute("data-ready", "true");
    });
  });
}());
