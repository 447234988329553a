/*
 * The gaps map: Ukraine's admin-1 areas (bundled GeoJSON, no tiles, works offline) coloured by the share of
 * people in need that 4W activities have reached. Data comes from the JSON API; nothing inline. No raion
 * boundaries are bundled, so at raion level each raion's figures are listed in its oblast (a raion's P-code
 * starts with its oblast's).
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

  var nameOf = ParleyMaps.nameOf;
  var text = ParleyMaps.escape;

  function draw(el) {
    Promise.all([
      ParleyMaps.json(el.getAttribute("data-geojson")),
      ParleyMaps.json(el.getAttribute("data-gaps"))
    ]).then(function (res) {
      var byPcode = {};
      res[1].byArea.forEach(function (a) { byPcode[a.pcode] = a; });
      var raionNames = JSON.parse(el.getAttribute("data-raion-names") || "{}");
      var raionsByOblast = {};
      if (el.getAttribute("data-level") === "2") {
        var raions = {};
        res[1].byAreaAndSector.forEach(function (g) {
          var r = raions[g.areaPcode] || (raions[g.areaPcode] = { pcode: g.areaPcode, peopleInNeed: 0, peopleReached: 0 });
          r.peopleInNeed += g.peopleInNeed;
          r.peopleReached += g.peopleReached;
        });
        Object.keys(raions).sort().forEach(function (p) {
          (raionsByOblast[p.substring(0, 4)] = raionsByOblast[p.substring(0, 4)] || []).push(raions[p]);
        });
      }
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
          (raionsByOblast[pcodeOf(f)] || []).forEach(function (r) {
            lines += "<br>· " + text(raionNames[r.pcode] || r.pcode) + ": " + text(el.getAttribute("data-label-reached")) + " "
              + r.peopleReached.toLocaleString() + (r.peopleInNeed > 0 ? " / " + text(el.getAttribute("data-label-need")) + " "
              + r.peopleInNeed.toLocaleString() : "");
          });
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
          path.setAttribute("data-raions", (raionsByOblast[p] || []).map(function (r) { return r.pcode + ":" + r.peopleReached; }).join(" "));
        }
      });
      el.setAttribute("data-ready", "true");
    }).catch(function (e) {
      el.setAttribute("data-error", String(e));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var el = document.getElementById("gap-map");
    if (el && window.L && window.ParleyMaps) {
      draw(el);
    }
  });
}());
