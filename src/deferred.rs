//! `<Deferred>`: a section of the results that, off screen, does not follow every input.
//!
//! Dragging a slider changes the scenario many times a second. The sections below the chart
//! (the session card, the memory plan, the deployment, the tabs) are usually off screen then,
//! yet each change rewrote their text, and the browser laid them out and painted them again
//! before the next frame: about a sixth of an input's main-thread time (issue 12). Inside
//! `<Deferred>`, panels read a state whose evaluation follows the scenario only while the
//! section is on screen ([`watch_visibility_within`], no margin), and otherwise once the state
//! settles (the drag stopped: [`AppState::settled`], 120 ms after the last change) or as soon
//! as the section comes on screen.
//!
//! Why no margin ahead of the screen (charts keep 300 px): a section that is off screen while
//! a slider is dragged is not being scrolled to (the pointer or the keys are on the slider), and
//! once the drag stops it is current within 120 ms, wherever it is. Only a reader who scrolls
//! while dragging can see a section's old numbers, for the one frame before the observer
//! reports it on screen. A 300 px margin had kept the session card, 290 px under the fold of a
//! 1280×900 window, rewriting 7–8 texts per input that nobody could see.

use crate::components::watch_visibility_within;
use crate::state::use_app;
use leptos::context::Provider;
use leptos::html::Div;
use leptos::prelude::*;

/// Wraps `children` in a `<div class="kvs-deferred">` (a plain block: the results column's
/// gap applies between wrappers as between sections) and gives them the deferred state.
#[component]
pub fn Deferred(children: Children) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let near = watch_visibility_within(node, "0px");
    let state = use_app().deferred(near.into());
    // `Provider` gives the state to the children only (a component has no owner of its own:
    // `provide_context` here would reach the sections after this one too).
    view! {
        <div class="kvs-deferred" node_ref=node>
            <Provider value=state>{children()}</Provider>
        </div>
    }
}
