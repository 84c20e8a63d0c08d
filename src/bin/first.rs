//! The first stage's entry (issue 12): paints the URL's results into the static shell before
//! the app arrives (see `kvscope_web::first`). No Leptos is linked into this binary.

fn main() {
    kvscope_web::first::run();
}
