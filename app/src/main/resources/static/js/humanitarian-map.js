/*
 * The gaps map: Ukraine's admin-1 areas (bundled GeoJSON, no tiles, works offline) coloured by the share of
 * people in need that 4W activities have reached. Data comes from the JSON API; nothing inline.
 */
(function () {
  "use strict";

  function colour(coverage) {
    if (coverage === null || coverage === undefined) { return "#d5dbe1"; }
    if (coverage < 25) { return "#c0392b"; }
    if (coverage < 50) { return "#e67e22"; }
    if (coverage < 75) { return "#f1c40f"; }
    return "#27ae60";
  }

  function pcodeOf(feature) {
    return "UA" + String(feature.properties.koatuu || "").substring(0, 2);
  }

  function nameOf(feature, lang) {
    var p = feature.properties;
    return (lang === "uk" && p.name_uk) || (lang === "ru" && p.name_ru) || p.name_en;
  }

  function text(s) {
    var div = document.createElement("div");
    div.textContent = s;
    return div.innerHTML;
  }

  function draw(el) {
    var json = function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status + " for " + r.url); }
      return r.json();
    };
    Promise.all([
      fetch(el.getAttribute("data-geojson")).then(json),
      fetch(el.getAttribute("data-gaps"), { headers: { "Accept": "application/json" } }).then(json)
    ]).then(function (res) {
      var byPcode = {};
      res[1].byArea.forEach(function (a) { byPcode[a.pcode] = a; });
      var lang = el.getAttribute("data-lang");
      var map = L.map(el, { zoomSnap: 0.25, scrollWheelZoom: false, attributionControl: true });
      map.attributionControl.setPrefix(false);
      var layer = L.geoJSON(res[0], {
        attribution: "© OpenStreetMap contributors (ODbL)",
        style: function (f) {
          var g = byPcode[pcodeOf(f)];
          return { color: "#5b6776", weight: 1, fillOpacity: 0.75, fillColor: colour(g ? g.coverage : null) };
        },
        onEachFeature: function (f, l) {
          var g = byPcode[pcodeOf(f)];
          var lines = "<strong>" + text(nameOf(f, lang)) + "</strong> (" + pcodeOf(f) + ")";
          if (g && g.peopleInNeed > 0) {
            lines += "<br>" + text(el.getAttribute("data-label-need")) + ": " + g.peopleInNeed.toLocaleString()
              + "<br>" + text(el.getAttribute("data-label-reached")) + ": " + g.peopleReached.toLocaleString()
              + "<br>" + text(el.getAttribute("data-label-coverage")) + ": " + g.coverage + " %";
          } else if (g) {
            lines += "<br>" + text(el.getAttribute("data-label-reached")) + ": " + g.peopleReached.toLocaleString();
          } else {
            lines += "<br>" + text(el.getAttribute("data-label-none"));
          }
          l.bindTooltip(lines, { sticky: true, className: "hum-tooltip" });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds());
      layer.eachLayer(function (l) {
        var path = l.getElement();
        var p = pcodeOf(l.feature);
        var g = byPcode[p];
        if (path) {
          path.setAttribute("data-pcode", p);
          path.setAttribute("data-reached", g ? g.peopleReached : 0);
          path.setAttribute("data-coverage", g && g.coverage !== null ? g.coverage : "");
        }
      });
      el.setAttribute("data-ready", "true");
    }).catch(function (e) {
      el.setAttribute("data-error", String(e));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("gap-map");
    if (el && window.L) {
      draw(el);
    }
  });
}());
