/*
 * A corridor's route on the bundled admin-1 boundaries (no tiles, works offline), with the verified incidents
 * from monitoring near it. The points come in data- attributes; nothing inline.
 */
(function () {
  "use strict";

  function draw(el) {
    var path = JSON.parse(el.getAttribute("data-path") || "[]");
    var incidents = JSON.parse(el.getAttribute("data-incidents") || "[]");
    fetch(el.getAttribute("data-geojson")).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status + " for " + r.url); }
      return r.json();
    }).then(function (boundaries) {
      var points = path.map(function (p) { return [p[0], p[1]]; });
      var all = points.concat(incidents.map(function (i) { return [i[0], i[1]]; }));
      var map = L.map(el, { zoomSnap: 0.25, scrollWheelZoom: false });
      map.attributionControl.setPrefix(false);
      // The view first: layers added to a map without one wait, and have no element to mark yet.
      map.fitBounds(L.latLngBounds(all).pad(0.4), { maxZoom: 10 });
      L.geoJSON(boundaries, {
        attribution: "© OpenStreetMap contributors (ODbL)",
        style: function () { return { color: "#8894a3", weight: 1, fillColor: "#eef2f6", fillOpacity: 0.6 }; }
      }).addTo(map);
      var route = points.length > 1 ? L.polyline(points, { color: "#2f6db5", weight: 4 }) : L.circleMarker(points[0], { radius: 6 });
      route.addTo(map);
      incidents.forEach(function (i) {
        var m = L.circleMarker([i[0], i[1]], { radius: 7, color: "#8b1a10", weight: 2, fillColor: "#c0392b", fillOpacity: 0.9 });
        m.addTo(map);
        var dom = m.getElement();
        if (dom) { dom.setAttribute("data-event-id", i[2]); }
      });
      el.setAttribute("data-ready", "true");
    }).catch(function (e) {
      el.setAttribute("data-error", String(e));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("corridor-map");
    if (el && window.L) {
      draw(el);
    }
  });
}());
