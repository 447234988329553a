/*
 * A corridor's route on the bundled admin-1 boundaries (no tiles, works offline), the band around it in which
 * monitoring's verified incidents count against the corridor, and those incidents. The points and the band's
 * half-width in metres come in data- attributes; nothing inline.
 */
(function () {
  "use strict";

  var METRES_PER_DEGREE = 111320;

  /*
   * The band within `metres` of the route: a circle round every point and a quadrilateral along every leg, the
   * same distance to the route as the server counts (nearest point on any leg). Offsets are taken on a local
   * flat projection of each leg, which is what the server does too.
   */
  function buffer(points, metres) {
    // Opaque parts in a translucent pane: where the circles and legs overlap the band stays one shade.
    var style = { pane: "corridorBuffer", className: "corridor-buffer", stroke: false, fillColor: "#e0a526", fillOpacity: 1, interactive: false };
    var parts = points.map(function (p) { return L.circle(p, Object.assign({ radius: metres }, style)); });
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1];
      var cos = Math.cos((a[0] + b[0]) / 2 * Math.PI / 180);
      var dx = (b[1] - a[1]) * cos, dy = b[0] - a[0];
      var length = Math.sqrt(dx * dx + dy * dy);
      if (length === 0) { continue; }
      var offset = metres / METRES_PER_DEGREE;
      var nLat = dx / length * offset, nLon = -dy / length * offset / cos;
      parts.push(L.polygon([[a[0] + nLat, a[1] + nLon], [b[0] + nLat, b[1] + nLon], [b[0] - nLat, b[1] - nLon], [a[0] - nLat, a[1] - nLon]], style));
    }
    return L.featureGroup(parts);
  }

  function draw(el) {
    var path = JSON.parse(el.getAttribute("data-path") || "[]");
    var metres = Number(el.getAttribute("data-buffer-m") || "0");
    var incidents = JSON.parse(el.getAttribute("data-incidents") || "[]");
    ParleyMaps.json(el.getAttribute("data-geojson")).then(function (boundaries) {
      var points = path.map(function (p) { return [p[0], p[1]]; });
      var all = points.concat(incidents.map(function (i) { return [i[0], i[1]]; }));
      var map = L.map(el, { zoomSnap: 0.25, scrollWheelZoom: false });
      map.attributionControl.setPrefix(false);
      var bufferPane = map.createPane("corridorBuffer");
      bufferPane.style.zIndex = 410;
      bufferPane.style.opacity = 0.35;
      map.createPane("corridorRoute").style.zIndex = 420;
      // The view first: layers added to a map without one wait, and have no element to mark yet.
      map.fitBounds(L.latLngBounds(all).pad(0.4), { maxZoom: 10 });
      L.geoJSON(boundaries, {
        attribution: "© OpenStreetMap contributors (ODbL)",
        style: function () { return { color: "#8894a3", weight: 1, fillColor: "#eef2f6", fillOpacity: 0.6 }; }
      }).addTo(map);
      if (metres > 0 && points.length > 0) {
        var band = buffer(points, metres).addTo(map);
        map.fitBounds(band.getBounds().extend(L.latLngBounds(all)).pad(0.2), { maxZoom: 11 });
      }
      var route = points.length > 1 ? L.polyline(points, { pane: "corridorRoute", color: "#2f6db5", weight: 4 })
        : L.circleMarker(points[0], { pane: "corridorRoute", radius: 6 });
      route.addTo(map);
      incidents.forEach(function (i) {
        var m = L.circleMarker([i[0], i[1]], { pane: "corridorRoute", radius: 7, color: "#8b1a10", weight: 2, fillColor: "#c0392b", fillOpacity: 0.9 });
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
    if (el && window.L && window.ParleyMaps) {
      draw(el);
    }
  });
}());
