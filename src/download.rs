//! Browser downloads: a string as a Blob, or a data URL, through a temporary `<a download>`.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `href` for download as `filename`.
fn click_link(href: &str, filename: &str) -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor".to_owned())?;
    a.set_href(href);
    a.set_download(filename);
    a.set_attribute("hidden", "").map_err(|e| format!("{e:?}"))?;
    let body = document.body().ok_or("no body")?;
    body.append_child(&a).map_err(|e| format!("{e:?}"))?;
    a.click();
    let _ = body.remove_child(&a);
    Ok(())
}

/// Downloads `text` as a file of MIME type `mime`.
pub fn download_text(text: &str, filename: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let result = click_link(&url, filename);
    // The click has started the download; the object URL can go.
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Downloads a data URL (ux, issue 11: the export's high-resolution PNG).
pub fn download_data_url(url: &str, filename: &str) -> Result<(), String> {
    click_link(url, filename)
}
