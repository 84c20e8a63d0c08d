// Shorter names for the functions a .wasm imports from its wasm-bindgen JS glue (issue 12:
// fewer bytes). Called by minify-js.mjs, after terser, for each NAME.js with a NAME_bg.wasm.
//
// wasm-bindgen names each import after the function it binds plus a 16-digit hash
// (`__wbg_set_nodeValue_7e9217115013d873`), and the name is written twice: in the .wasm's
// import section and as a key of the glue's import object. The hashes do not compress: the
// app's 220 names were 6.9 KB of its gzipped .wasm and glue. Here each becomes a short name
// (`a`, `b`, … `ba`, …) in both files. Nothing else refers to them: the glue passes the object to
// `WebAssembly.instantiate` and the .wasm looks its imports up by these names only.
//
// The .wasm's import section is parsed and written again (lengths are LEB128); every other
// section is copied byte for byte. In the glue, each name must appear exactly once, as a key of
// the import object (`{` or `,` before it, `:` after it); anything else fails the build rather
// than ship a glue that no longer matches its .wasm.

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error('short-imports: the .wasm ends inside a number');
    value += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return [value, at];
    shift += 7;
  }
}

/** An unsigned LEB128 number as bytes. */
function u32(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

/** The offset after a table or memory's limits at `at`. */
function skipLimits(bytes, at) {
  const flags = bytes[at++];
  [, at] = readU32(bytes, at); // min
  if (flags & 0x01) [, at] = readU32(bytes, at); // max
  return at;
}

/** The offset after an import's description (kind byte and what follows it) at `at`. */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0x00: // function: type index
      return readU32(bytes, at)[1];
    case 0x01: // table: reference type, limits
      return skipLimits(bytes, at + 1);
    case 0x02: // memory: limits
      return skipLimits(bytes, at);
    case 0x03: // global: value type, mutability
      return at + 2;
    case 0x04: // tag: attribute, type index
      return readU32(bytes, at + 1)[1];
    default:
      throw new Error(`short-imports: unknown import kind ${kind}`);
  }
}

/** The n-th short name: a … z, A … Z, then two letters and so on. */
function shortName(n) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = letters[n % letters.length];
  for (n = Math.floor(n / letters.length); n > 0; n = Math.floor(n / letters.length)) name += letters[n % letters.length];
  return name;
}

const utf8 = (s) => [...Buffer.from(s, 'utf8')];

/**
 * Renames the imports of `wasm` (a Buffer) and the keys of `js`'s import object alike.
 * Returns { wasm, js, renamed }.
 */
export function shortenImports(wasm, js) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('short-imports: not a .wasm');
  const out = [wasm.subarray(0, 8)];
  const renames = new Map();
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readU32(wasm, at + 1);
    const end = body + size;
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: module name, field name, description, for each import.
    const [count, first] = readU32(wasm, body);
    const section = [...u32(count)];
    let p = first;
    for (let i = 0; i < count; i++) {
      const [moduleLen, m] = readU32(wasm, p);
      const module = wasm.subarray(m, m + moduleLen);
      const [fieldLen, f] = readU32(wasm, m + moduleLen);
      const field = wasm.toString('utf8', f, f + fieldLen);
      const descEnd = skipImportDesc(wasm, f + fieldLen);
      let name = renames.get(field);
      if (name === undefined) {
        name = shortName(renames.size);
        renames.set(field, name);
      }
      section.push(...u32(moduleLen), ...module, ...u32(Buffer.byteLength(name)), ...utf8(name), ...wasm.subarray(f + fieldLen, descEnd));
      p = descEnd;
    }
    if (p !== end) throw new Error('short-imports: the import section has bytes after its imports');
    out.push(Buffer.from([2, ...u32(section.length), ...section]));
    at = end;
  }
  for (const [field, name] of renames) {
    const escaped = field.replace(/[$]/g, '\\$&');
    const everywhere = js.match(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'))?.length ?? 0;
    const key = new RegExp(`(?<=[{,]\\s*)${escaped}(?=\\s*:)`);
    if (everywhere !== 1 || !key.test(js)) throw new Error(`short-imports: ${field} is not once and only as a key of the glue's import object (${everywhere} times)`);
    js = js.replace(key, name);
  }
  return { wasm: Buffer.concat(out), js, renamed: renames.size };
}
