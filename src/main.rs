//! Entry point of the wasm binary: mounts the widget (`?embed=1`) or the full app.

fn main() {
    console_error_panic_hook::set_once();
    if kvscope_web::state::is_embed(&kvscope_web::url::read_search()) {
        leptos::mount::mount_to_body(kvscope_web::Widget);
    } else {
        leptos::mount::mount_to_body(kvscope_web::App);
    }
}
