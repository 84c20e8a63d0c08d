//! The on-demand modules (issue 12: fewer bytes in the app): the Hugging Face config import
//! (`kvscope-import`, src/bin/import.rs) and the JSON and SVG exports (`kvscope-export`,
//! src/bin/export.rs) are not in the app's .wasm. Each is fetched with a dynamic `import()` the
//! first time a reader needs it ([`call`]) or is about to ([`prefetch`]), relative to the page,
//! and kept for the page's life.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// An on-demand module.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Module {
    /// `kvscope-import`: `import_config`.
    Import,
    /// `kvscope-export`: `export_json`, `export_svg`.
    Export,
}

impl Module {
    /// Its file stem (Trunk's names under `trunk serve`) and the global a release build's glue
    /// sets to its hashed names (scripts/first-stage.mjs).
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Module::Import => ("kvscope-import", "__kvs_import"),
            Module::Export => ("kvscope-export", "__kvs_export"),
        }
    }
}

thread_local! {
    /// Each module's namespace once loaded (a promise, so that concurrent requests share one
    /// load), by `Module as usize`. Cleared when the load fails, so that a later request tries
    /// again.
    static MODULES: RefCell<[Option<js_sys::Promise>; 2]> = const { RefCell::new([None, None]) };
}

/// A thrown value's message.
pub fn js_text(e: &JsValue) -> String {
    e.as_string().or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()))).unwrap_or_else(|| "unknown error".to_owned())
}

/// The module's JS glue and .wasm, relative to the page, and the function that loads them:
/// what a release build's glue sets (`window.__kvs_import`, scripts/first-stage.mjs), else the
/// names Trunk gives them (`trunk serve`) and a loader made here.
fn module_files(m: Module) -> (String, String, Option<js_sys::Function>) {
    let (stem, global) = m.names();
    let named = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str(global)).ok())
        .filter(js_sys::Array::is_array)
        .map(|v| js_sys::Array::from(&v))
        .and_then(|a| Some((a.get(0).as_string()?, a.get(1).as_string()?, a.get(2).dyn_into::<js_sys::Function>().ok())));
    named.unwrap_or_else(|| (format!("./{stem}.js"), format!("./{stem}_bg.wasm"), None))
}

/// Why the module could not be loaded: its JS file's name and what failed.
pub struct LoadError {
    /// The module's JS glue, as the page names it (`./kvscope-import-HASH.js`).
    pub file: String,
    /// What failed.
    pub why: String,
}

/// The module's namespace, loaded on the first call (a dynamic `import()` of its glue, which
/// then instantiates its .wasm).
async fn module(m: Module) -> Result<JsValue, LoadError> {
    let (js, wasm, load) = module_files(m);
    let promise = MODULES.with(|cell| -> Result<js_sys::Promise, String> {
        if let Some(p) = cell.borrow()[m as usize].as_ref() {
            return Ok(p.clone());
        }
        // URLs resolved against the page, so the site works at any sub-path (e.g. /kvscope/).
        let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).ok_or("no document")?;
        let absolute = |rel: &str| web_sys::Url::new_with_base(rel, &base).map(|u| u.href()).map_err(|e| js_text(&e));
        // `import()` is syntax, not a function wasm-bindgen can bind: a release build's glue
        // brings the function; under `trunk serve` (development) a Function body holds it.
        let load = load.unwrap_or_else(|| js_sys::Function::new_with_args("j, w", "return import(j).then((m) => m.default({ module_or_path: w }).then(() => m))"));
        let p: js_sys::Promise = load
            .call2(&JsValue::UNDEFINED, &JsValue::from_str(&absolute(&js)?), &JsValue::from_str(&absolute(&wasm)?))
            .map_err(|e| js_text(&e))?
            .dyn_into()
            .map_err(|_| "not a promise".to_owned())?;
        cell.borrow_mut()[m as usize] = Some(p.clone());
        Ok(p)
    });
    let promise = promise.map_err(|why| LoadError { file: js.clone(), why })?;
    match JsFuture::from(promise.clone()).await {
        Ok(module) => Ok(module),
        Err(e) => {
            MODULES.with(|cell| {
                let slot = &mut cell.borrow_mut()[m as usize];
                if slot.as_ref().is_some_and(|p| JsValue::from(p.clone()) == JsValue::from(promise.clone())) {
                    *slot = None;
                }
            });
            Err(LoadError { file: js, why: js_text(&e) })
        }
    }
}

/// Starts loading the module if it is not loaded yet (a reader is about to need it).
pub fn prefetch(m: Module) {
    leptos::task::spawn_local(async move {
        let _ = module(m).await;
    });
}

/// What went wrong in a [`call`].
pub enum CallError {
    /// The module could not be loaded.
    Load(LoadError),
    /// It has no such function, threw, or answered in an unknown form (a stale cache?).
    Call(String),
}

/// Calls module `m`'s function `name` with `args`; its answer, an array of strings, as strings.
pub async fn call(m: Module, name: &str, args: &js_sys::Array) -> Result<Vec<String>, CallError> {
    let module = module(m).await.map_err(CallError::Load)?;
    let f: js_sys::Function = js_sys::Reflect::get(&module, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| CallError::Call(format!("it has no {name} (a stale cache? reload the page)")))?;
    let out = f.apply(&JsValue::UNDEFINED, args).map_err(|e| CallError::Call(js_text(&e)))?;
    Ok(js_sys::Array::from(&out).iter().filter_map(|v| v.as_string()).collect())
}
