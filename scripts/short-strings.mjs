// Short ASCII strings from wasm without a TextDecoder call (issue 12: one frame per input).
// Called by minify-js.mjs on each wasm-bindgen JS glue, before terser.
//
// Every string the .wasm hands to JavaScript (a text node's new value, a canvas font or colour,
// an attribute) goes through the glue's `getStringFromWasm0`, which calls
// `TextDecoder.decode`: a call into the browser with a fixed cost, 47 times per slider step
// (tests/bench/input.mjs --counts). Most of those strings are a few ASCII characters. For those
// (under 64 bytes, every byte below 128, so each byte is its character) the patched function
// builds the string in JavaScript, about twice as fast per string in Chromium; any other string
// goes to `TextDecoder` as before, so the result is the same string either way.
//
// wasm-bindgen generates the function; if its text is not found (another wasm-bindgen version),
// the build fails here rather than ship an unpatched or half-patched glue.

const GENERATED =
  /function getStringFromWasm0\(ptr, len\) \{\s*ptr = ptr >>> 0;\s*return decodeText\(getUint8ArrayMemory0\(\)\.subarray\(ptr, ptr \+ len\)\);\s*\}/;

const PATCHED = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const bytes = getUint8ArrayMemory0();
    if (len < 64) {
        let s = '';
        for (let i = ptr, end = ptr + len; i < end; i++) {
            const c = bytes[i];
            if (c > 127) return decodeText(bytes.subarray(ptr, ptr + len));
            s += String.fromCharCode(c);
        }
        return s;
    }
    return decodeText(bytes.subarray(ptr, ptr + len));
}`;

/** The glue `source` with the fast path for short ASCII strings. */
export function shortStrings(source, name) {
  if (!GENERATED.test(source)) throw new Error(`short-strings: getStringFromWasm0 not found in ${name} (another wasm-bindgen version?)`);
  return source.replace(GENERATED, PATCHED);
}
