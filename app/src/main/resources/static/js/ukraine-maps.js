/*
 * What every map of Ukraine on Parley's pages shares: JSON fetched with its failure kept as an error (the map's
 * element then says so in data-error), an admin-1 area's name in the reader's language from the bundled
 * boundaries, and text made safe for Leaflet's HTML tooltips. Loaded before the page's own map script.
 */
(function () {
  "use strict";

  function json(url, accept) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": accept || "application/json" } }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status + " for " + r.url); }
      return r.json();
    });
  }

  function nameOf(feature, lang) {
    var p = feature.properties;
    return (lang === "uk" && p.name_uk) || (lang === "ru" && p.name_ru) || p.name_en;
  }

  function escape(s) {
    var div = document.createElement("div");
    div.textContent = s;
    return div.innerHTML;
  }

  window.ParleyMaps = { json: json, nameOf: nameOf, escape: escape };
}());
