/*
 * A petition's signatures by region on a map of Ukraine's admin-1 areas (the bundled GeoJSON, no tiles:
 * it works offline). Kyiv and Sevastopol, cities with their own status but no polygon in the file, are
 * drawn as circles. Counts come from the petition's JSON API; nothing inline.
 */
(function () {
  "use strict";

  var CITIES = { "UA-30": [50.4501, 30.5234], "UA-40": [44.6167, 33.5254] };

  function colour(n, max) {
    if (!n) { return "#eef1f4"; }
    var share = n / max;
    if (share > 0.75) { return "#08306b"; }
    if (share > 0.5) { return "#2171b5"; }
    if (share > 0.25) { return "#6baed6"; }
    return "#c6dbef";
  }

  var nameOf = ParleyMaps.nameOf;
  var text = ParleyMaps.escape;

  function draw(el) {
    Promise.all([
      ParleyMaps.json(el.getAttribute("data-geojson")),
      ParleyMaps.json(el.getAttribute("data-regions"))
    ]).then(function (res) {
      var counts = res[1].ukraine || {};
      var max = 1;
      Object.keys(counts).forEach(function (k) { max = Math.max(max, counts[k]); });
      var lang = el.getAttribute("data-lang");
      var label = el.getAttribute("data-label-signatures");
      var map = L.map(el, { zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: true });
      map.attributionControl.setPrefix(false);
      var layer = L.geoJSON(res[0], {
        attribution: "© OpenStreetMap contributors (ODbL)",
        style: function (f) {
          return { color: "#5b6776", weight: 1, fillOpacity: 0.8, fillColor: colour(counts[f.properties.iso3166_2], max) };
        },
        onEachFeature: function (f, l) {
          var n = counts[f.properties.iso3166_2] || 0;
          l.bindTooltip("<strong>" + text(nameOf(f, lang)) + "</strong><br>" + text(label) + ": " + n, { sticky: true });
        }
      });
      // The view first: Leaflet cannot place a circle on a map that has none yet (it threw, and the map stayed empty).
      map.fitBounds(layer.getBounds());
      layer.addTo(map);
      Object.keys(CITIES).forEach(function (code) {
        var n = counts[code] || 0;
        var circle = L.circleMarker(CITIES[code], { radius: 7, color: "#5b6776", weight: 1, fillOpacity: 0.9, fillColor: colour(n, max) })
          .bindTooltip("<strong>" + text(el.getAttribute("data-name-" + code)) + "</strong><br>" + text(label) + ": " + n)
          .addTo(map);
        var path = circle.getElement();
        if (path) {
          path.setAttribute("data-code", code);
          path.setAttribute("data-signatures", n);
        }
      });
      layer.eachLayer(function (l) {
        var path = l.getElement();
        if (path) {
          path.setAttribute("data-code", l.feature.properties.iso3166_2);
          path.setAttribute("data-signatures", counts[l.feature.properties.iso3166_2] || 0);
        }
      });
      el.setAttribute("data-ready", "true");
    }).catch(function (e) {
      el.setAttribute("data-error", String(e));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("petition-map");
    if (el && window.L && window.ParleyMaps) {
      draw(el);
    }
  });
}());
