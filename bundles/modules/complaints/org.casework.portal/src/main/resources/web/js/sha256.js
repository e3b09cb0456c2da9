// SHA-256 (FIPS 180-4) for the portal's proof of work. Written out here because the Web Crypto
// API is only offered on HTTPS pages, and the puzzle needs many small synchronous hashes.
'use strict';
(function (global) {
  // Round constants and initial hash: the first 32 bits of the fractional parts of the cube
  // roots of the first 64 primes, and of the square roots of the first 8 primes.
  var primes = [];
  for (var n = 2; primes.length < 64; n++) {
    var isPrime = true;
    for (var d = 2; d * d <= n; d++) {
      if (n % d === 0) { isPrime = false; break; }
    }
    if (isPrime) primes.push(n);
  }
  function frac32(x) { return ((x - Math.floor(x)) * 4294967296) >>> 0; }
  var K = primes.map(function (p) { return frac32(Math.cbrt(p)); });
  var H0 = primes.slice(0, 8).map(function (p) { return frac32(Math.sqrt(p)); });

  function utf8(text) {
    return new TextEncoder().encode(text);
  }

  function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

  /** The SHA-256 digest of a string (UTF-8) as 32 bytes. */
  function sha256(text) {
    var bytes = utf8(text);
    var bitLength = bytes.length * 8;
    var padded = new Uint8Array(((bytes.length + 9 + 63) >> 6) << 6);
    padded.set(bytes);
    padded[bytes.length] = 0x80;
    var view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, Math.floor(bitLength / 4294967296));
    view.setUint32(padded.length - 4, bitLength >>> 0);
    var h = H0.slice();
    var w = new Uint32Array(64);
    for (var offset = 0; offset < padded.length; offset += 64) {
      for (var i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
      for (i = 16; i < 64; i++) {
        var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
        var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
        w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
      }
      var a = h[0], b = h[1], c = h[2], dd = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
      for (i = 0; i < 64; i++) {
        var S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        var ch = (e & f) ^ (~e & g);
        var t1 = (hh + S1 + ch + K[i] + w[i]) >>> 0;
        var S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        var maj = (a & b) ^ (a & c) ^ (b & c);
        var t2 = (S0 + maj) >>> 0;
        hh = g; g = f; f = e; e = (dd + t1) >>> 0; dd = c; c = b; b = a; a = (t1 + t2) >>> 0;
      }
      h[0] = (h[0] + a) >>> 0; h[1] = (h[1] + b) >>> 0; h[2] = (h[2] + c) >>> 0; h[3] = (h[3] + dd) >>> 0;
      h[4] = (h[4] + e) >>> 0; h[5] = (h[5] + f) >>> 0; h[6] = (h[6] + g) >>> 0; h[7] = (h[7] + hh) >>> 0;
    }
    var out = new Uint8Array(32);
    var outView = new DataView(out.buffer);
    for (i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]);
    return out;
  }

  function leadingZeroBits(hash) {
    var count = 0;
    for (var i = 0; i < hash.length; i++) {
      if (hash[i] === 0) { count += 8; continue; }
      return count + Math.clz32(hash[i]) - 24;
    }
    return count;
  }

  /**
   * Finds a nonce whose SHA-256 of "<challenge>:<nonce>" starts with `bits` zero bits, in slices
   * so the page stays responsive; resolves with the nonce.
   */
  function solve(challenge, bits) {
    return new Promise(function (resolve) {
      var n = 0;
      function slice() {
        var stop = n + 4000;
        for (; n < stop; n++) {
          var nonce = n.toString(36);
          if (leadingZeroBits(sha256(challenge + ':' + nonce)) >= bits) {
            resolve(nonce);
            return;
          }
        }
        setTimeout(slice, 0);
      }
      slice();
    });
  }

  global.CaseworkPow = { sha256: sha256, leadingZeroBits: leadingZeroBits, solve: solve };
})(window);
