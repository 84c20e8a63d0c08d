//! Entry point of the wasm binary: only mounts the app.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(kvscope_web::App);
}
