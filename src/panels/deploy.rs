//! Parallelism (issue 13): the Parallelism group of controls (the `pp`…`net` rows of `FIELDS`,
//! plus `pd=P:D`) and the deployment diagram drawn from the report and `costmodel::deploy::diagram`.

use costmodel::deploy::{diagram, parse_pd, Diagram, DEFAULT_EP_IMBALANCE, DEFAULT_NET_GBITPS};
use costmodel::units::{fmt_count, fmt_seconds, fmt_sig};
use leptos::prelude::*;
use crate::erased::RwSignal;

use crate::panels::fields::override_field;
use crate::state::use_app;

/// The deployment keys of `FIELDS`, in display order, with the value an empty field means.
/// A key and the text an empty field means.
type KeyDefault = (&'static str, fn() -> String);
const KEYS: [KeyDefault; 6] = [
    ("pp", || "1".to_owned()),
    ("dp", || "1".to_owned()),
    ("ep", || "1".to_owned()),
    ("ep_imb", || fmt_sig(DEFAULT_EP_IMBALANCE)),
    ("net", || fmt_sig(DEFAULT_NET_GBITPS)),
    ("pd_overlap", || "0".to_owned()),
];

/// The Parallelism group of the editor.
#[component]
pub fn ParallelismEditor() -> impl IntoView {
    let state = use_app();
    let scenario = state.scenario;
    let pd_error = RwSignal::new(None::<String>);
    let pd_text = scenario.select(move |s| s.pd.map(|(p, d)| format!("{p}:{d}")).unwrap_or_default());
    let commit_pd = move |raw: String| {
        if raw.trim().is_empty() {
            pd_error.set(None);
            scenario.update(|s| s.pd = None);
            return;
        }
        match parse_pd(&raw) {
            Ok(pd) => {
                pd_error.set(None);
                scenario.update(|s| s.pd = Some(pd));
            }
            Err(e) => pd_error.set(Some(e)),
        }
    };
    view! {
        <fieldset class="kvs-group" data-testid="parallelism">
            <legend>"Parallelism"</legend>
            <p class="kvs-note">
                "Beyond the TP group: pipeline stages, data-parallel attention replicas (each keeps its own users' KV), "
                "expert parallelism, and a prefill/decode split whose KV crosses the network. Empty = TP only (today's numbers)."
            </p>
            <div class="kvs-grid2">
                {KEYS.into_iter().map(|(key, default)| override_field(state, key, default)).collect_view()}
                <div class="kvs-field">
                    <label for="input-pd">"Prefill:decode GPUs (pd)"</label>
                    <input
                        id="input-pd"
                        data-testid="input-pd"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        class="kvs-num"
                        placeholder="none, e.g. 32:72"
                        prop:value=move || pd_text.get()
                        aria-invalid=move || crate::format::true_false(pd_error.with(Option::is_some))
                        on:change=move |ev| commit_pd(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                commit_pd(event_target_value(&ev));
                            }
                        }
                    />
                    <small class="kvs-range">"P:D, each 1 to 16384, multiples of tp × pp"</small>
                    <p class="kvs-error" role="alert" data-testid="error-pd">{move || pd_error.get().unwrap_or_default()}</p>
                </div>
            </div>
        </fieldset>
    }
}

/// Fill colour of a GPU: by pool, shaded by pipeline stage.
fn gpu_fill(pool: &str, stage: u32) -> String {
    let (h, s) = match pool {
        "prefill" => (28, 80),
        "decode" => (210, 65),
        _ => (150, 45),
    };
    let l = 45 + (stage % 4) * 10;
    format!("hsl({h} {s}% {l}%)")
}

const CELL: f64 = 22.0;
const GAP: f64 = 4.0;
const NODE_PAD: f64 = 6.0;
const NODE_GAP: f64 = 10.0;

fn svg_view(d: &Diagram) -> impl IntoView {
    let per_row = d.node_gpus.min(8) as f64;
    let rows_per_node = (f64::from(d.node_gpus) / per_row).ceil();
    let node_w = NODE_PAD * 2.0 + per_row * (CELL + GAP) - GAP;
    let node_h = NODE_PAD * 2.0 + rows_per_node * (CELL + GAP) - GAP + 12.0;
    let cols = 4usize;
    let n = d.nodes.len().max(1);
    let rows = n.div_ceil(cols);
    let width = cols.min(n) as f64 * (node_w + NODE_GAP);
    let height = rows as f64 * (node_h + NODE_GAP) + if d.more_nodes > 0 { 18.0 } else { 0.0 };
    let nodes = d
        .nodes
        .iter()
        .enumerate()
        .map(|(i, gpus)| {
            let x0 = (i % cols) as f64 * (node_w + NODE_GAP);
            let y0 = (i / cols) as f64 * (node_h + NODE_GAP);
            let cells = gpus
                .iter()
                .enumerate()
                .map(|(j, g)| {
                    let x = x0 + NODE_PAD + (j as f64 % per_row) * (CELL + GAP);
                    let y = y0 + NODE_PAD + 12.0 + (j as f64 / per_row).floor() * (CELL + GAP);
                    let title = format!("{} · replica {} · stage {} · TP rank {} · EP rank {}", g.pool, g.replica, g.stage, g.tp_rank, g.ep_rank);
                    view! {
                        <rect x=x y=y width=CELL height=CELL rx="3" fill=gpu_fill(g.pool, g.stage) data-pool=g.pool>
                            <title>{title}</title>
                        </rect>
                        <text x=x + CELL / 2.0 y=y + CELL / 2.0 + 4.0 text-anchor="middle" font-size="9" fill="white">{g.replica}</text>
                    }
                })
                .collect_view();
            view! {
                <g class="kvs-node" data-testid="deploy-node">
                    <rect x=x0 y=y0 width=node_w height=node_h rx="6" fill="none" stroke="currentColor" stroke-opacity="0.5" />
                    <text x=x0 + NODE_PAD y=y0 + 12.0 font-size="10" fill="currentColor">{format!("node {}", i + 1)}</text>
                    {cells}
                </g>
            }
        })
        .collect_view();
    let more = (d.more_nodes > 0).then(|| {
        view! { <text x="0" y=height - 4.0 font-size="11" fill="currentColor">{format!("… and {} more nodes", d.more_nodes)}</text> }
    });
    view! {
        <svg class="kvs-deploy-svg" data-testid="deploy-diagram" role="img" aria-label="Deployment diagram: nodes and GPUs by pool, replica and stage"
            viewBox=format!("0 0 {} {}", width.max(1.0), height.max(1.0)) width="100%" style=format!("max-width: {}px; height: auto", width.max(1.0))>
            {nodes}
            {more}
        </svg>
    }
}

/// The deployment panel's texts.
#[derive(Clone, PartialEq)]
struct DeployTexts {
    summary: String,
    users: String,
    weights: String,
    throughput: String,
    pools: Vec<String>,
    transfer: Option<String>,
}

fn deploy_texts(e: &costmodel::Evaluated, b: bool) -> DeployTexts {
    let r = &e.report;
    let dep = &e.inputs.deploy;
    let weights = r.weights_bytes_per_gpu.map_or_else(|| "–".to_owned(), |w| crate::format::bytes(w, b));
    let kv = crate::format::bytes(r.kv_bytes_per_user_per_gpu, b);
    let tps = r.tokens_per_s_per_gpu.map_or_else(|| "–".to_owned(), fmt_sig);
    let comm = r.deploy_comm_s.map_or_else(|| "–".to_owned(), fmt_seconds);
    let gpus = r.gpus.unwrap_or(0);
    DeployTexts {
        summary: format!("{gpus} {} · TP {} × PP {} × DP {} · EP {} · ", if gpus == 1 { "GPU" } else { "GPUs" }, e.inputs.tp, dep.pp, costmodel::deploy::replicas(&e.inputs), dep.ep),
        users: r.deployment_users.map_or_else(|| "–".to_owned(), fmt_count),
        weights: format!("Weights per GPU {weights}; KV per user per GPU {kv}"),
        throughput: format!("Output tokens/s per GPU {tps}; EP/PP communication per decode step {comm}; prefill pipeline bubble {:.0}%", r.pp_bubble.unwrap_or(0.0) * 100.0),
        pools: [("Prefill pool", r.prefill_pool), ("Decode pool", r.decode_pool)]
            .into_iter()
            .filter_map(|(name, p)| p.map(|p| (name, p)))
            .map(|(name, p)| {
                format!(
                    "{name}: {} GPUs, {} replicas, EP {}, weights {} per GPU, {} tokens/s per GPU, bound by {}",
                    p.gpus,
                    p.replicas,
                    p.ep,
                    crate::format::bytes(p.weights_bytes_per_gpu, b),
                    fmt_sig(p.tokens_per_s_per_gpu),
                    p.bound.label()
                )
            })
            .collect(),
        transfer: r.kv_transfer_s.map(|t| format!("KV transfer per prompt {}, {} of it in TTFT", fmt_seconds(t), fmt_seconds(r.kv_transfer_exposed_s.unwrap_or(0.0)))),
    }
}

/// The deployment panel: GPUs, users, per-GPU weights and KV, communication, pools, diagram.
#[component]
pub fn DeploymentPanel() -> impl IntoView {
    let state = use_app();
    let evaluated = state.evaluated;
    let binary = state.binary();
    // The diagram only changes with the deployment's layout, not with every input (a slider
    // move redrew its hundred SVG elements otherwise).
    let drawn = crate::erased::memo(move || evaluated.with(|e| diagram(&e.inputs)));
    // Its texts as one memo (input2, issue 12): the list below keeps its elements and only the
    // text that changed is written (the body was rebuilt, attributes and all, on every input).
    let texts = crate::erased::memo(move || evaluated.with(|e| deploy_texts(e, binary.get())));
    let text = move |f: fn(&DeployTexts) -> &String| crate::erased::text(move || texts.with(|t| f(t).clone()));
    let pools = crate::erased::memo(move || texts.with(|t| t.pools.clone()));
    let transfer = crate::erased::memo(move || texts.with(|t| t.transfer.clone()));
    let body = view! {
        <p class="kvs-note" data-testid="deploy-summary">
            {text(|t| &t.summary)}
            <strong data-testid="deploy-users">{text(|t| &t.users)}</strong>
            " users fit across the deployment"
        </p>
        <ul class="kvs-list">
            <li data-testid="deploy-weights">{text(|t| &t.weights)}</li>
            <li>{text(|t| &t.throughput)}</li>
            {move || pools.get().into_iter().map(|p| view! { <li data-testid="deploy-pool">{p}</li> }).collect_view().into_any()}
            {move || transfer.get().map(|t| view! { <li data-testid="deploy-kv-transfer">{t}</li> }).into_any()}
        </ul>
    };
    view! {
        <section class="kvs-panel" aria-label="Deployment" data-testid="deploy-panel">
            <h2 class="kvs-h2">"Deployment"</h2>
            {body}
            {move || drawn.with(svg_view).into_any()}
            <p class="kvs-note">"Each square is a GPU, each box a node (its fast-link domain). Colour: pool (orange prefill, blue decode, green serving both); shade: pipeline stage; number: data-parallel replica. Hover a GPU for its TP and EP ranks."</p>
        </section>
    }
}
