//! Entry point of the wasm binary: mounts the widget (`?embed=1`) or the full app.

fn main() {
    console_error_panic_hook::set_once();
    if kvscope_web::state::is_embed(&kvscope_web::url::read_search()) {
        leptos::mount::mount_to_body(kvscope_web::Widget);
    } else {
        leptos::mount::mount_to_body(kvscope_web::App);
    }
    // The static shell of index.html goes in the same task as the mount: the next frame shows
    // the app where the shell was, with no blank frame between them.
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("kvs-shell"))
    {
        shell.remove();
    }
}
