use super::*;

/// Every id the app, saved links and the docs rely on.
const REQUIRED_IDS: &[&str] = &[
    "yi-34b",
    "llama-3.1-8b",
    "llama-3.1-70b",
    "llama-3.1-405b",
    "mistral-7b-v0.1",
    "mixtral-8x7b",
    "mixtral-8x22b",
    "deepseek-v2",
    "deepseek-v3",
    "qwen2.5-72b",
    "qwen3-235b-a22b",
    "gemma-2-27b",
    "gemma-3-27b",
    "gpt-oss-120b",
    "gpt-3-175b",
    "jamba-1.5-large",
    "jamba-v0.1",
];

/// Lowercase kebab-case over `[a-z0-9.-]`: no empty part, no leading or trailing dash.
fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty() && part.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'.')
        })
}

/// Half a unit of a figure stated in whole billions.
const ROUNDED_BILLION_HALF_UNIT: f64 = 0.5e9;

fn rel_gap(computed: f64, published: f64) -> f64 {
    (computed - published).abs() / published
}

#[test]
fn computed_params_within_tolerance_of_published() {
    let mut table = String::new();
    let mut failed = false;
    for p in MODELS {
        let (total, active) = p.computed_params_as_published();
        let gap_total = rel_gap(total, p.published_params);
        let gap_active = rel_gap(active, p.published_active_params);
        let active_ok = match p.published_active_count {
            // The names give whole billions (A3B, A17B): the count must round to that figure.
            ActiveCount::Rounded { .. } => (active - p.published_active_params).abs() <= ROUNDED_BILLION_HALF_UNIT,
            _ => gap_active <= PARAMS_TOLERANCE,
        };
        let bad = !(gap_total <= PARAMS_TOLERANCE && active_ok);
        failed |= bad;
        table.push_str(&format!(
            "{} {:<16} total {:>8.2}B vs {:>7.2}B ({:+.2}%)   active {:>7.2}B vs {:>7.2}B ({:+.2}%)\n",
            if bad { "FAIL" } else { "ok  " },
            p.id,
            total / 1e9,
            p.published_params / 1e9,
            100.0 * (total / p.published_params - 1.0),
            active / 1e9,
            p.published_active_params / 1e9,
            100.0 * (active / p.published_active_params - 1.0),
        ));
    }
    assert!(!failed, "computed vs published parameters (tolerance {PARAMS_TOLERANCE}):\n{table}");
}

#[test]
fn id_checker() {
    for good in ["yi-34b", "llama-3.1-70b", "qwen2.5-72b", "gpt-oss-120b"] {
        assert!(is_kebab_id(good), "{good}");
    }
    for bad in ["", "-a", "a-", "a--b", "Yi-34b", "a_b", "a b", "gemma/3"] {
        assert!(!is_kebab_id(bad), "{bad}");
    }
}

#[test]
fn ids_unique_kebab_case_and_required_present() {
    for (i, p) in MODELS.iter().enumerate() {
        assert!(is_kebab_id(p.id), "bad id {:?}", p.id);
        assert!(MODELS[i + 1..].iter().all(|q| q.id != p.id), "duplicate id {}", p.id);
    }
    for id in REQUIRED_IDS {
        assert!(model_by_id(id).is_some(), "missing preset {id}");
    }
    assert!(model_by_id("no-such-model").is_none());
}

#[test]
fn every_row_is_well_formed() {
    for p in MODELS {
        let m = p.spec();
        let id = p.id;
        assert!(!p.label.is_empty(), "{id}: label");
        assert!(!p.source.trim().is_empty(), "{id}: source");
        assert!(p.published_params > 0.0 && p.published_active_params > 0.0, "{id}: published");
        assert!(p.published_active_params <= p.published_params, "{id}: active > total");
        assert!(m.n_layers() > 0, "{id}: no layers");
        assert!(m.layers.iter().all(|g| g.count > 0), "{id}: empty layer group");
        assert!(m.d_model > 0 && m.n_q_heads > 0 && m.n_kv_heads > 0 && m.head_dim > 0, "{id}: shape");
        assert!(m.vocab > 0 && m.d_ff > 0, "{id}: sizes");
        assert!(m.params_override.is_none(), "{id}: presets are computed, not overridden");
        let has_mla = m.layers.iter().any(|g| matches!(g.attention, Attention::Mla { .. }));
        if !has_mla {
            assert_eq!(m.n_q_heads % m.n_kv_heads, 0, "{id}: query heads not a multiple of KV heads");
        }
        // One group per distinct attention kind.
        for (i, g) in m.layers.iter().enumerate() {
            assert!(m.layers[i + 1..].iter().all(|h| h.attention != g.attention), "{id}: kinds not aggregated");
        }
        if let Some(moe) = m.moe {
            assert!(moe.top_k >= 1 && moe.top_k <= moe.n_experts, "{id}: top_k {} of {}", moe.top_k, moe.n_experts);
            assert!(moe.n_moe_layers >= 1 && moe.n_moe_layers <= m.n_layers(), "{id}: MoE layers");
            assert!(moe.d_expert > 0, "{id}: expert width");
            assert_eq!(moe.n_shared_experts == 0, moe.d_shared_expert == 0, "{id}: shared experts");
        }
        let (total, active) = m.computed_params();
        assert!(total.is_finite() && active > 0.0 && active <= total, "{id}: {total} / {active}");
    }
}

#[test]
fn mamba_numbers_as_documented() {
    // Jamba 1.5 Large, worked out in `jamba_1_5_large`'s doc comment.
    match mamba1_mixer(8192, MAMBA_EXPAND, MAMBA_D_STATE, MAMBA_D_CONV, 8192 / MAMBA_DT_RANK_DIVISOR) {
        Attention::KvLess { state_bytes_per_seq, mixer_params, extra_flop_per_token } => {
            assert_eq!(mixer_params, 420_282_368.0);
            assert_eq!(state_bytes_per_seq, 622_592.0);
            assert_eq!(extra_flop_per_token, 9.0 * 16384.0 * 16.0 + 2.0 * 16384.0);
        }
        other => panic!("not KV-less: {other:?}"),
    }
    // Jamba v0.1, in `jamba_v0_1`'s.
    match mamba1_mixer(4096, MAMBA_EXPAND, MAMBA_D_STATE, MAMBA_D_CONV, 256) {
        Attention::KvLess { state_bytes_per_seq, mixer_params, .. } => {
            assert_eq!(mixer_params, 105_283_584.0);
            assert_eq!(state_bytes_per_seq, 311_296.0);
        }
        other => panic!("not KV-less: {other:?}"),
    }
}

#[test]
fn hybrid_and_windowed_layouts() {
    let layers = |id: &str| model_by_id(id).map(|p| p.spec().layers).unwrap_or_default();
    let kvless = |id: &str| {
        layers(id).iter().filter(|g| matches!(g.attention, Attention::KvLess { .. })).map(|g| g.count).sum::<u32>()
    };
    assert_eq!(kvless("jamba-1.5-large"), 63);
    assert_eq!(kvless("jamba-v0.1"), 28);
    assert_eq!(
        layers("gemma-2-27b"),
        vec![group(23, Attention::SlidingWindow { window_tokens: 4096 }), group(23, Attention::Full)]
    );
    assert_eq!(layers("mistral-7b-v0.1"), vec![group(32, Attention::SlidingWindow { window_tokens: 4096 })]);
}
