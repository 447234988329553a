// Checks an entry's inclusion in the signed checkpoint, in the browser: RFC 9162 §2.1.3.2.
// (The checkpoint's Ed25519 signature is checked by parley-verify; this checks the Merkle path.)
(function () {
  const button = document.getElementById('verify-entry');
  if (!button) return;
  const out = document.getElementById('verify-result');
  const b64 = s => Uint8Array.from(atob(s), c => c.charCodeAt(0));
  const sha256 = async (...parts) => {
    const len = parts.reduce((n, p) => n + p.length, 0);
    const buf = new Uint8Array(len);
    let at = 0;
    for (const p of parts) { buf.set(p, at); at += p.length; }
    return new Uint8Array(await crypto.subtle.digest('SHA-256', buf));
  };
  const equal = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  async function rootFromProof(index, size, leafHash, proof) {
    if (index >= size) throw new Error('index beyond tree size');
    let fn = index, sn = size - 1, r = leafHash;
    for (const p of proof) {
      if (sn === 0) throw new Error('proof too long');
      if ((fn & 1) === 1 || fn === sn) {
        r = await sha256(Uint8Array.of(1), p, r);
        if ((fn & 1) === 0) { while ((fn & 1) === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); } }
      } else {
        r = await sha256(Uint8Array.of(1), r, p);
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    }
    if (sn !== 0) throw new Error('proof too short');
    return r;
  }

  button.addEventListener('click', async () => {
    out.textContent = '…';
    try {
      const res = await fetch('/api/v1/record/entries/' + button.dataset.index, { headers: { Accept: 'application/json' } });
      const e = await res.json();
      const lines = e.checkpoint.split('\n');
      const size = Number(lines[1]);
      const root = b64(lines[2]);
      const leaf = await sha256(Uint8Array.of(0), new TextEncoder().encode(e.entry));
      const computed = await rootFromProof(e.index, size, leaf, e.inclusionProof.map(b64));
      const ok = equal(computed, root);
      out.textContent = ok ? out.dataset.ok : out.dataset.bad;
      out.className = ok ? 'verified' : 'refuted';
    } catch (err) {
      out.textContent = out.dataset.bad + ' (' + err.message + ')';
      out.className = 'refuted';
    }
  });
})();
