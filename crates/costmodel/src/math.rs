//! "Show the math": for every output, the formula and the same formula with this scenario's
//! numbers substituted. Built on demand (never on the sweep path).

use serde::Serialize;

use crate::phases::Prepared;
use crate::report::Report;
use crate::spec::Inputs;
use crate::units::{fmt_bytes, fmt_count, fmt_percent, fmt_seconds, fmt_sig, GB, TFLOPS};

/// One explained output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MathLine {
    /// The output's id (a `Report` field name).
    pub id: &'static str,
    /// The formula in words and symbols.
    pub formula: &'static str,
    /// The formula with this scenario's numbers.
    pub substituted: String,
    /// The result, formatted with its unit.
    pub result: String,
}

/// Explains every output of `report` (computed from `inputs`).
pub fn explain(inputs: &Inputs, report: &Report) -> Vec<MathLine> {
    let p = Prepared::new(inputs);
    let m = &inputs.model;
    let w = inputs.workload;
    let kept = inputs.compression.token.kept_tokens(w.ctx_tokens);
    let b = |x: f64| fmt_bytes(x, false);
    let mut lines = vec![
        MathLine {
            id: "kv_bytes_per_token",
            formula: "Σ layers (2 · H_kv · d_h, or r_kv + d_rope for MLA) · bits/8 · layer · head · hidden factors",
            substituted: format!(
                "{} layers, H_kv {}, d_h {}, {} KV bits, factors {} · {} · {}",
                m.n_layers(),
                m.n_kv_heads,
                m.head_dim,
                fmt_sig(inputs.precision.kv_bits),
                fmt_sig(inputs.compression.layer),
                fmt_sig(inputs.compression.head),
                fmt_sig(inputs.compression.hidden)
            ),
            result: format!("{} bytes", fmt_count(report.kv_bytes_per_token)),
        },
        MathLine {
            id: "kv_bytes_per_user",
            formula: "KV per token · kept tokens (windowed layers capped at the window) + fixed state",
            substituted: match (report.state_bytes_per_user, &report.state_kinds) {
                // arch (issue 10): name the constant state of recurrent layers.
                (Some(state), Some(kinds)) => format!(
                    "{} bytes × {} tokens kept of {} + {} constant {kinds} state",
                    fmt_count(report.kv_bytes_per_token),
                    fmt_count(kept),
                    fmt_count(w.ctx_tokens),
                    b(state)
                ),
                _ => format!(
                    "{} bytes × {} tokens kept of {}",
                    fmt_count(report.kv_bytes_per_token),
                    fmt_count(kept),
                    fmt_count(w.ctx_tokens)
                ),
            },
            result: b(report.kv_bytes_per_user),
        },
        MathLine {
            id: "weights_bytes",
            formula: "P · bits/8 (all experts resident)",
            substituted: format!("{} × {}/8", fmt_sig(report.params), fmt_sig(inputs.precision.weight_bits)),
            result: b(report.weights_bytes),
        },
        MathLine {
            id: "concurrency",
            formula: "floor((HBM · usable − weights/TP − reserve) / KV per user per GPU)",
            substituted: format!(
                "floor(({} × {} − {} − {}) / {})",
                b(inputs.hw.hbm_bytes),
                fmt_sig(inputs.eff.mem_usable),
                b(p.weights_bytes_per_gpu),
                b(p.reserve_bytes_per_gpu),
                b(report.kv_bytes_per_user_per_gpu)
            ),
            result: format!("{} users", fmt_count(report.concurrency)),
        },
    ];
    if let Some(pre) = report.prefill {
        let (linear, attention) = p.prefill_flop(w.ctx_tokens);
        lines.push(MathLine {
            id: "prefill_s",
            formula: "max(linear FLOP / (TP·F·e_gemm) + attention FLOP / (TP·F·e_attn(n)), bytes / (BW·e_bw)) + all-reduces + elementwise kernels and step cost (realistic)",
            substituted: format!(
                "max({:.3e} / {} TFLOP/s + {:.3e} / {} TFLOP/s, {} / {} GB/s) + {} + {}",
                linear,
                fmt_sig(p.gemm_flops_per_s / TFLOPS),
                attention,
                // serving (issue 9): the attention kernel's rate at this prompt length
                fmt_sig(p.attn_flops_per_s_at(w.ctx_tokens) / TFLOPS),
                b(p.weights_bytes_per_gpu + p.kv_gpu.bytes(kept)),
                fmt_sig(p.hbm_bw_bytes_per_s / GB),
                fmt_seconds(pre.comm_s),
                fmt_seconds(pre.serial_s)
            ),
            result: fmt_seconds(pre.total_s),
        });
    }
    if let Some(step) = report.decode_step {
        lines.push(MathLine {
            id: "decode_step_s",
            formula: "max(B · (2 P_act + attention) / (TP·F), (weights read + B · KV) per GPU / BW) + all-reduces + elementwise kernels and step cost (realistic)",
            substituted: format!(
                "B {}: max({}, ({} + {} × {}) / {} GB/s) + {} + {}",
                fmt_count(report.batch),
                fmt_seconds(step.compute_s),
                b(p.decode_weight_bytes_per_gpu(report.batch)),
                fmt_count(report.batch),
                b(report.kv_bytes_per_user_per_gpu),
                fmt_sig(p.hbm_bw_bytes_per_s / GB),
                fmt_seconds(step.comm_s),
                fmt_seconds(step.serial_s)
            ),
            result: fmt_seconds(step.total_s),
        });
    }
    if let Some(d) = report.decode_s {
        lines.push(MathLine {
            id: "decode_s",
            formula: "Σ steps over context n … n+m−1 (closed form: arithmetic series of the roofline terms)",
            substituted: format!("{} steps from {} tokens", fmt_count(w.out_tokens), fmt_count(w.ctx_tokens)),
            result: fmt_seconds(d),
        });
    }
    if let (Some(swap), Some(re)) = (report.swap_s, report.recompute_s) {
        lines.push(MathLine {
            id: "context_switch_s",
            formula: "min(swap = (KV out + KV in) per GPU / host link, recompute = prefill)",
            substituted: format!(
                "min(2 × {} / {} GB/s = {}, {})",
                b(report.kv_bytes_per_user_per_gpu),
                fmt_sig(p.host_bw_bytes_per_s / GB),
                fmt_seconds(swap),
                fmt_seconds(re)
            ),
            result: fmt_seconds(swap.min(re)),
        });
    }
    // serving (issue 9): under continuous batching `turns_per_s` is the engine's (below).
    if let (Some(c), Some(t), None) = (report.cycle, report.turns_per_s, &report.serving) {
        lines.push(MathLine {
            id: "turns_per_s",
            formula: "B / (B · prefill / q + decode at batch B + (U > C ? B · switch : 0))",
            substituted: format!(
                "{} / ({} + {} + {})",
                fmt_count(report.batch),
                fmt_seconds(c.prefill_s),
                fmt_seconds(c.decode_s),
                fmt_seconds(c.switch_s)
            ),
            result: format!("{} turns/s", fmt_sig(t)),
        });
    }
    if let Some(usd) = report.usd_per_turn {
        lines.push(MathLine {
            id: "usd_per_turn",
            formula: "TP · cycle / B / 3600 · price per GPU-hour",
            substituted: format!(
                "{} GPU-s × ${}/h",
                fmt_sig(report.gpu_s_per_turn.unwrap_or(f64::NAN)),
                fmt_sig(inputs.hw.usd_per_gpu_hour)
            ),
            result: format!("${}", fmt_sig(usd)),
        });
    }
    lines.push(MathLine {
        id: "kv_share",
        formula: "KV / total, for HBM, decode bytes, prefill FLOP (attention) and cycle time (switching)",
        substituted: format!(
            "HBM {}, decode bytes {}, prefill FLOP {}, switching {}",
            fmt_percent(report.kv_share.hbm),
            fmt_percent(report.kv_share.decode_bytes),
            fmt_percent(report.kv_share.prefill_flop),
            fmt_percent(report.kv_share.switch_time)
        ),
        result: fmt_percent(report.kv_share.decode_bytes),
    });
    if let Some(d) = &report.engine_detail {
        let g = |x: f64| format!("{:.2} GiB", x / crate::units::GIB);
        lines.push(MathLine {
            id: "engine_kv_bytes_per_gpu",
            formula: "engine budget: planned (gpu_util × CUDA-reported memory; TensorRT-LLM: fraction × memory free after loading and profiling) − weights as loaded − activation peak − non-torch − CUDA graphs",
            substituted: format!(
                "{} × {} = {}; weights {}, activation peak {}, non-torch {}, graphs {}",
                fmt_sig(d.gpu_util),
                g(d.device_bytes),
                g(d.planned_bytes),
                g(d.weights_bytes),
                g(d.activation_bytes),
                g(d.non_torch_bytes),
                g(d.graphs_bytes)
            ),
            result: g(d.available_kv_bytes),
        });
        lines.push(MathLine {
            id: "engine_kv_tokens",
            formula: "blocks = floor(available / (page · layers per group)); tokens = blocks / groups · block size",
            substituted: format!(
                "{} per token charged per GPU, blocks of {} tokens, {} blocks",
                b(d.charged_bytes_per_token),
                fmt_sig(d.block_tokens),
                fmt_count(d.blocks)
            ),
            result: format!("{} tokens", fmt_count(report.engine_kv_tokens.unwrap_or(0.0))),
        });
        lines.push(MathLine {
            id: "engine_max_concurrency",
            formula: "blocks / blocks one request of ctx tokens takes",
            substituted: format!("one {}-token request needs {} per GPU", fmt_count(w.ctx_tokens), b(d.request_bytes)),
            result: format!("{:.2}x", report.engine_max_concurrency.unwrap_or(0.0)),
        });
    }
    // serving (issue 9)
    if let Some(c) = &report.serving {
        lines.extend(crate::serving::explain(inputs, report, c));
    }
    lines
}
