// The barometer: average reported and verified implementation levels (0–3) over time, from the canvas's data-points.
(function () {
  'use strict';
  function draw() {
    var canvas = document.getElementById('barometer-chart');
    if (!canvas || typeof window.Chart === 'undefined') {
      return;
    }
    var points = JSON.parse(canvas.getAttribute('data-points') || '[]');
    var chart = new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: points.map(function (p) { return p.date; }),
        datasets: [
          { label: canvas.getAttribute('data-label-reported'), data: points.map(function (p) { return p.reported; }),
            borderColor: '#b45309', backgroundColor: '#b45309', stepped: true },
          { label: canvas.getAttribute('data-label-verified'), data: points.map(function (p) { return p.verified; }),
            borderColor: '#1d4ed8', backgroundColor: '#1d4ed8', stepped: true }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { y: { min: 0, max: 3, ticks: { stepSize: 1 } } }
      }
    });
    canvas.setAttribute('data-ready', String(chart.data.datasets.length));
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
