// Drops three JS classes that no KV Scope binary uses from each wasm-bindgen JS glue (issue 12:
// fewer bytes). Called by minify-js.mjs on each glue, before terser.
//
// Leptos 0.8 enables `server_fn/browser` unconditionally, which links `wasm-streams`, whose
// `#[wasm_bindgen]` classes (IntoUnderlyingSource, IntoUnderlyingByteSource, IntoUnderlyingSink:
// Rust streams handed to a JS ReadableStream, for server functions) are exported by every
// binary whether or not anything builds one. wasm-bindgen writes each as an exported JS class
// with its FinalizationRegistry: 1.6 KB of minified JS per glue, about 330 B gzipped, in the
// first stage's too, which every widget fetches. KV Scope has no server functions; nothing in
// Rust creates these objects (that would import a `__wrap` of the class from the glue), and
// nothing in JS imports them from the module.
//
// Each class is removed from `export class NAME {` to its `if (Symbol.dispose) NAME.prototype…;`
// line, with its `const NAMEFinalization = …;`; then the glue must mention none of the three
// names, or the build fails rather than ship a glue that refers to a class it no longer has.
// The .wasm keeps its exports for them (removing those saved 56 B gzipped: not worth a pass).

const CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** The glue without the stream classes; `{ js, dropped }`. */
export function dropStreamClasses(js, name) {
  let dropped = 0;
  for (const cls of CLASSES) {
    const body = new RegExp(`export class ${cls} \\{[\\s\\S]*?\\nif \\(Symbol\\.dispose\\) ${cls}\\.prototype\\[Symbol\\.dispose\\] = ${cls}\\.prototype\\.free;\\n`);
    const registry = new RegExp(`const ${cls}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\s*\\? \\{ register: \\(\\) => \\{\\}, unregister: \\(\\) => \\{\\} \\}\\s*: new FinalizationRegistry\\(ptr => wasm\\.__wbg_${cls.toLowerCase()}_free\\(ptr, 1\\)\\);\\n`);
    const hasClass = body.test(js);
    const hasRegistry = registry.test(js);
    if (!hasClass && !hasRegistry) continue;
    if (!hasClass || !hasRegistry) throw new Error(`drop-stream-classes: ${name} has ${cls}'s ${hasClass ? 'class' : 'registry'} but not its ${hasClass ? 'registry' : 'class'} in the expected form`);
    // A class body holds no `\nif (Symbol.dispose)` line of its own: the lazy match ends at its own.
    js = js.replace(body, '').replace(registry, '');
    dropped += 1;
  }
  const left = CLASSES.filter((c) => js.includes(c));
  if (left.length) throw new Error(`drop-stream-classes: ${name} still refers to ${left.join(', ')} after the classes were dropped`);
  return { js, dropped };
}
