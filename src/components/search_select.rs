//! A select with a filter box: long preset lists (models, accelerators) stay usable by
//! keyboard and on a phone.

use leptos::prelude::*;
use crate::erased::{RwSignal, Signal};

use crate::sources::{load_notes, note_text, SourceNotes};

/// One choice.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectOption {
    /// Value (a preset id).
    pub value: String,
    /// Visible text.
    pub label: String,
    /// Hover text and the "Figures and source" panel's first line (published figures).
    pub title: String,
    // catalog (issue 10)
    /// The `<optgroup>` the choice is listed under (model family, accelerator vendor); options
    /// arrive already grouped and ordered (newest first) from the preset tables.
    pub group: String,
}

// catalog (issue 10)
/// Consecutive options of one group, as the `<optgroup>`s to draw (the data's order is kept;
/// an empty group name is drawn without a heading).
pub(crate) fn grouped(options: Vec<SelectOption>) -> Vec<(String, Vec<SelectOption>)> {
    let mut out: Vec<(String, Vec<SelectOption>)> = Vec::new();
    for o in options {
        match out.last_mut() {
            Some((g, rows)) if *g == o.group => rows.push(o),
            _ => out.push((o.group.clone(), vec![o])),
        }
    }
    out
}

/// A labelled `<select>` whose options are narrowed by a search box. The current choice is
/// always listed, even when the filter hides it.
#[component]
pub fn SearchSelect(
    /// Element id of the `<select>` (the search box gets `<id>-search`).
    id: &'static str,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// The choices.
    options: Vec<SelectOption>,
    /// Current value.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the chosen value.
    on_change: Callback<String>,
    /// The group of `preset-sources.json` holding the choices' source notes (`hardware` or
    /// `models`), fetched when "Figures and source" is first opened.
    source_group: &'static str,
    // hf (issue 10, 11)
    /// Called with the search box's text on every keystroke (the model control offers
    /// "Load <id> from Hugging Face" from it).
    #[prop(optional)]
    on_filter: Option<Callback<String>>,
    /// A choice listed first while it is `Some` (an imported model, by its name).
    #[prop(optional)]
    extra: Option<Signal<Option<SelectOption>>>,
) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let notes = RwSignal::new(SourceNotes::NotLoaded);
    let options = StoredValue::new(options);
    // Words in any order, ignoring case, spaces and dashes (costmodel::search; ux, issue 11).
    let visible = move || {
        let needle = filter.get();
        let current = value.get();
        let first = extra.and_then(|e| e.get());
        options.with_value(|opts| {
            first
                .iter()
                .chain(opts.iter())
                .filter(|o| o.value == current || costmodel::search::matches(&needle, &o.label, &o.value))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let matched = crate::erased::memo(move || {
        let needle = filter.get();
        options.with_value(|opts| opts.iter().filter(|o| costmodel::search::matches(&needle, &o.label, &o.value)).count())
    });
    let count = move || options.with_value(Vec::len);
    let search_id = format!("{id}-search");
    view! {
        <div class="kvs-field kvs-select">
            <label for=id><span class="kvs-label">{label}</span></label>
            <input
                id=search_id
                type="search"
                class="kvs-search"
                placeholder=move || format!("Filter {} presets…", count())
                aria-label="Filter the list"
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    if let Some(cb) = on_filter {
                        cb.run(text.clone());
                    }
                    filter.set(text);
                }
            />
            <p class="kvs-search-status" role="status" data-testid=format!("{id}-matches")>{move || {
                let n = matched.get();
                if filter.with(|f| f.trim().is_empty()) {
                    String::new()
                } else if n == 0 {
                    format!("Nothing matches “{}”: try fewer words, or a family name (llama, qwen, h100).", filter.get().trim())
                } else {
                    format!("{n} of {} match", count())
                }
            }}</p>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>
                // catalog (issue 10): one <optgroup> per family / vendor, in the data's order.
                // One list, rebuilt when the filter or the choice changes (tachys reuses the
                // elements in place): a keyed `<For>` compiled 9 KB of `.wasm` for it (issue 12).
                {move || {
                    grouped(visible())
                        .into_iter()
                        .map(|(name, rows)| {
                            let opts = rows
                                .into_iter()
                                .map(|o| {
                                    let v = o.value.clone();
                                    view! {
                                        <option value=o.value.clone() title=o.title.clone() prop:selected=move || value.get() == v>
                                            {o.label.clone()}
                                        </option>
                                    }
                                })
                                .collect_view();
                            view! { <optgroup label=name>{opts}</optgroup> }
                        })
                        .collect_view()
                }.into_any()}
            </select>
            <details class="kvs-source" on:toggle=move |_| load_notes(source_group, notes)>
                <summary>"Figures and source"</summary>
                <p>{move || {
                    let v = value.get();
                    options.with_value(|opts| opts.iter().find(|o| o.value == v).map(|o| o.title.clone()).unwrap_or_default())
                }}</p>
                <p class="kvs-source-note" data-testid=format!("{id}-source")>{move || notes.with(|n| note_text(n, &value.get()))}</p>
            </details>
        </div>
    }
}
