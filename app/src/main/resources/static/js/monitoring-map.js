/*
 * The monitoring dashboard's map: Ukraine's admin-1 boundaries (bundled, so it works offline), an optional
 * tile layer when the settings name a tile server, the events the reader may see, coloured by state, and for
 * mediators and observers a layer of their own for outside sources (UCDP, ACLED imports): grey dashed rings,
 * never coloured by a state, since nobody verified them. Data comes from data-* attributes and JSON endpoints:
 * no inline script, no inline style.
 */
(function () {
  "use strict";

  var COLOURS = {
    REPORTED: "#8a6d00",
    CORROBORATED: "#b35900",
    VERIFIED: "#b00020",
    REFUTED: "#5f6b7a",
    INCONCLUSIVE: "#6a4c93"
  };

  function getJson(url) {
    return fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json, application/geo+json"}})
      .then(function (r) {
        if (!r.ok) {
          throw new Error(url + ": " + r.status);
        }
        return r.json();
      });
  }

  function popup(feature, base, observersLabel) {
    var p = feature.properties;
    var box = document.createElement("div");
    var a = document.createElement("a");
    a.href = base + p.id;
    a.textContent = "#" + p.id + " " + (p.categoryName || p.category);
    box.appendChild(a);
    var line = document.createElement("div");
    line.textContent = p.state + " · " + p.firstAt.substring(0, 16).replace("T", " ") + " · " + observersLabel + ": " + p.observers
      + (p.attributedParty ? " · " + p.attributedParty : "");
    box.appendChild(line);
    return box;
  }

  function init(el) {
    if (typeof L === "undefined") {
      return;
    }
    var map = L.map(el, {zoomSnap: 0.25, attributionControl: true}).setView([48.6, 31.2], 5.5);
    var tiles = el.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, {maxZoom: 18}).addTo(map);
    }
    var base = el.getAttribute("data-event-base");
    var observersLabel = el.getAttribute("data-label-observers") || "observers";
    getJson(el.getAttribute("data-boundaries")).then(function (geo) {
      var layer = L.geoJSON(geo, {
        style: function () {
          return {color: "#44546a", weight: 1, fillColor: "#dfe6ee", fillOpacity: 0.5};
        },
        onEachFeature: function (f, l) {
          var lang = document.documentElement.lang;
          var name = f.properties["name_" + lang] || f.properties.name_en;
          l.bindTooltip(name, {sticky: true});
        }
      }).addTo(map);
      layer.bringToBack();
      map.fitBounds(layer.getBounds(), {padding: [8, 8]});
    }).catch(function () { /* the events still show */ });
    var layers = {};
    getJson(el.getAttribute("data-events")).then(function (events) {
      var count = 0;
      var layer = L.geoJSON(events, {
        pointToLayer: function (f, latlng) {
          count++;
          return L.circleMarker(latlng, {
            radius: 5 + Math.min(6, f.properties.observers || 0),
            color: COLOURS[f.properties.state] || "#333",
            weight: 2,
            fillOpacity: 0.6,
            className: "event-marker state-" + f.properties.state
          });
        },
        onEachFeature: function (f, l) {
          l.bindPopup(popup(f, base, observersLabel));
        }
      }).addTo(map);
      layers[el.getAttribute("data-label-events") || "events"] = layer;
      el.setAttribute("data-loaded", String(count));
      return outside(el, map, layers);
    }).catch(function () {
      el.setAttribute("data-loaded", "error");
    });
  }

  function outsidePopup(feature) {
    var p = feature.properties;
    var box = document.createElement("div");
    var head = document.createElement("strong");
    head.textContent = p.source + " " + p.externalId;
    box.appendChild(head);
    var line = document.createElement("div");
    line.textContent = (p.categoryName || p.category) + " · " + p.observedFrom.substring(0, 10)
      + (p.place ? " · " + p.place : "") + (p.deathsBest != null ? " · † " + p.deathsBest : "");
    box.appendChild(line);
    return box;
  }

  /* Outside sources, for those who may see them: a layer apart, switched on and off beside the events. */
  function outside(el, map, layers) {
    var url = el.getAttribute("data-outside");
    if (!url) {
      return null;
    }
    return getJson(url).then(function (reports) {
      var count = 0;
      var layer = L.geoJSON(reports, {
        pointToLayer: function (f, latlng) {
          count++;
          return L.circleMarker(latlng, {
            radius: 4, color: "#5f6b7a", weight: 1.5, dashArray: "3 3", fill: false, className: "outside-marker"
          });
        },
        onEachFeature: function (f, l) {
          l.bindPopup(outsidePopup(f));
        }
      }).addTo(map);
      layer.bringToBack();
      layers[el.getAttribute("data-label-outside") || "outside sources"] = layer;
      L.control.layers(null, layers, {collapsed: false}).addTo(map);
      el.setAttribute("data-outside-loaded", String(count));
    }).catch(function () {
      el.setAttribute("data-outside-loaded", "error");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("#monitoring-map").forEach(init);
  });
})();
