//! `<Deferred>`: a section of the results that, off screen, does not follow every input.
//!
//! Dragging a slider changes the scenario many times a second. The sections below the chart
//! (the session card, the memory plan, the deployment, the tabs) are usually off screen then,
//! yet each change rewrote their text, and the browser laid them out and painted them again
//! before the next frame: about a sixth of an input's main-thread time (issue 12). Inside
//! `<Deferred>`, panels read a state whose evaluation follows the scenario only while the
//! section is on or near the screen ([`watch_visibility`], 300 px ahead), and otherwise once the
//! state settles (the drag stopped: [`AppState::settled`]) or when it comes near. What a reader
//! sees is always current: a section is current before it scrolls into view.

use crate::components::watch_visibility;
use crate::state::use_app;
use leptos::context::Provider;
use leptos::html::Div;
use leptos::prelude::*;

/// Wraps `children` in a `<div class="kvs-deferred">` (a plain block: the results column's
/// gap applies between wrappers as between sections) and gives them the deferred state.
#[component]
pub fn Deferred(children: Children) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let near = watch_visibility(node);
    let state = use_app().deferred(near.into());
    // `Provider` gives the state to the children only (a component has no owner of its own:
    // `provide_context` here would reach the sections after this one too).
    view! {
        <div class="kvs-deferred" node_ref=node>
            <Provider value=state>{children()}</Provider>
        </div>
    }
}
