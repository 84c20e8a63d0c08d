//! Hugging Face `config.json` import: every stored fixture imports, hand-checked values per
//! family, preset == import for the fixture-backed presets, the warnings for derived values, the
//! error messages, and (native only) a proptest that no input makes the importer panic.
//!
//! The fixtures are copies of the projects' published config.json files (provenance in their SOURCES.md),
//! embedded with `include_str!` so the test also runs where there is no file system (wasm32).

use costmodel::import::{import_hf_config, ImportError, Imported, MAX_LAYERS, MAX_SIZE, SUPPORTED_MODEL_TYPES};
use costmodel::presets::model_by_id;
use costmodel::{Attention, LayerGroup, Moe};
use serde_json::{json, Value};

/// One stored config: file name, text, and the preset built from it.
struct Fixture {
    file: &'static str,
    json: &'static str,
    preset: &'static str,
}

macro_rules! fixture {
    ($file:literal, $preset:literal) => {
        Fixture { file: $file, json: include_str!(concat!("fixtures/hf-configs/", $file)), preset: $preset }
    };
}

/// Every stored config; each one backs a preset.
const FIXTURES: &[Fixture] = &[
    fixture!("yi-34b.json", "yi-34b"),
    fixture!("llama-3.1-8b.json", "llama-3.1-8b"),
    fixture!("llama-3.1-70b.json", "llama-3.1-70b"),
    fixture!("llama-3.1-405b.json", "llama-3.1-405b"),
    fixture!("mistral-7b-v0.1.json", "mistral-7b-v0.1"),
    fixture!("mixtral-8x7b.json", "mixtral-8x7b"),
    fixture!("mixtral-8x22b.json", "mixtral-8x22b"),
    fixture!("deepseek-v2.json", "deepseek-v2"),
    fixture!("deepseek-v3.json", "deepseek-v3"),
    fixture!("qwen2.5-72b.json", "qwen2.5-72b"),
    fixture!("qwen3-235b-a22b.json", "qwen3-235b-a22b"),
    fixture!("gemma-3-27b.json", "gemma-3-27b"),
    fixture!("gpt-oss-120b.json", "gpt-oss-120b"),
    fixture!("jamba-v0.1.json", "jamba-v0.1"),
    // arch (issue 10)
    fixture!("qwen3-next-80b-a3b.json", "qwen3-next-80b-a3b"),
    fixture!("qwen3.5-397b-a17b.json", "qwen3.5-397b-a17b"),
    fixture!("llama-4-scout.json", "llama-4-scout"),
    fixture!("llama-4-maverick.json", "llama-4-maverick"),
    fixture!("minimax-m1.json", "minimax-m1"),
    // catalog (issue 10)
    fixture!("qwen3-0.6b.json", "qwen3-0.6b"),
    fixture!("qwen3-1.7b.json", "qwen3-1.7b"),
    fixture!("qwen3-4b.json", "qwen3-4b"),
    fixture!("qwen3-14b.json", "qwen3-14b"),
    fixture!("qwen3-32b.json", "qwen3-32b"),
    fixture!("qwen3-30b-a3b.json", "qwen3-30b-a3b"),
    fixture!("qwen3-coder-480b-a35b.json", "qwen3-coder-480b-a35b"),
    fixture!("deepseek-r1.json", "deepseek-r1"),
    fixture!("deepseek-v3.1.json", "deepseek-v3.1"),
    fixture!("gpt-oss-20b.json", "gpt-oss-20b"),
];

fn fixture(file: &str) -> &'static str {
    match FIXTURES.iter().find(|f| f.file == file) {
        Some(f) => f.json,
        None => panic!("no fixture {file}"),
    }
}

#[track_caller]
fn import(json: &str) -> Imported {
    match import_hf_config(json) {
        Ok(i) => i,
        Err(e) => panic!("import failed: {e}"),
    }
}

#[track_caller]
fn import_err(json: &str) -> ImportError {
    match import_hf_config(json) {
        Ok(i) => panic!("expected an error, imported {:?}", i.spec),
        Err(e) => e,
    }
}

/// A fixture as a JSON object, edited by `edit`, back to text.
fn edited(file: &str, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
    let mut v: Value = match serde_json::from_str(fixture(file)) {
        Ok(v) => v,
        Err(e) => panic!("{file}: {e}"),
    };
    match v.as_object_mut() {
        Some(map) => edit(map),
        None => panic!("{file} is not an object"),
    }
    v.to_string()
}

fn warning_fields(i: &Imported) -> Vec<&str> {
    i.warnings.iter().map(|w| w.field.as_str()).collect()
}

fn sliding(window_tokens: u32) -> Attention {
    Attention::SlidingWindow { window_tokens }
}

fn group(count: u32, attention: Attention) -> LayerGroup {
    LayerGroup { count, attention }
}

// ------------------------------------------------------------------------- every fixture

#[test]
fn every_fixture_imports_and_matches_its_preset() {
    for f in FIXTURES {
        let imported = match import_hf_config(f.json) {
            Ok(i) => i,
            Err(e) => panic!("{}: {e}", f.file),
        };
        let preset = match model_by_id(f.preset) {
            Some(p) => p,
            None => panic!("{}: no preset {}", f.file, f.preset),
        };
        assert_eq!(imported.spec, preset.spec(), "{}: import differs from preset {}", f.file, f.preset);
        assert!(!imported.label.is_empty(), "{}", f.file);
        for w in &imported.warnings {
            assert!(w.message.contains(&format!("`{}`", w.field)), "{}: warning does not name its field: {w}", f.file);
        }
    }
}

#[test]
fn fixture_warnings_are_the_expected_ones() {
    let expected: &[(&str, &[&str])] = &[
        ("yi-34b.json", &["head_dim"]),
        ("llama-3.1-8b.json", &["head_dim"]),
        ("llama-3.1-70b.json", &["head_dim"]),
        ("llama-3.1-405b.json", &["head_dim"]),
        ("mistral-7b-v0.1.json", &["head_dim"]),
        ("mixtral-8x7b.json", &["head_dim"]),
        ("mixtral-8x22b.json", &["head_dim"]),
        ("deepseek-v2.json", &[]),
        ("deepseek-v3.json", &["num_nextn_predict_layers"]),
        ("qwen2.5-72b.json", &["head_dim"]),
        ("qwen3-235b-a22b.json", &[]),
        (
            "gemma-3-27b.json",
            &[
                "vision_config",
                "text_config.vocab_size",
                "text_config.tie_word_embeddings",
                "text_config.sliding_window_pattern",
            ],
        ),
        ("gpt-oss-120b.json", &[]),
        ("jamba-v0.1.json", &["head_dim"]),
        // arch (issue 10)
        ("qwen3-next-80b-a3b.json", &[]),
        (
            "qwen3.5-397b-a17b.json",
            &["vision_config", "text_config.intermediate_size", "text_config.decoder_sparse_step"],
        ),
        (
            "llama-4-scout.json",
            &["vision_config", "text_config.tie_word_embeddings", "text_config.no_rope_layer_interval"],
        ),
        (
            "llama-4-maverick.json",
            &["vision_config", "text_config.tie_word_embeddings", "text_config.no_rope_layer_interval"],
        ),
        ("minimax-m1.json", &[]),
        // catalog (issue 10)
        ("qwen3-0.6b.json", &[]),
        ("qwen3-1.7b.json", &[]),
        ("qwen3-4b.json", &[]),
        ("qwen3-14b.json", &[]),
        ("qwen3-32b.json", &[]),
        ("qwen3-30b-a3b.json", &[]),
        ("qwen3-coder-480b-a35b.json", &[]),
        ("deepseek-r1.json", &["num_nextn_predict_layers"]),
        ("deepseek-v3.1.json", &["num_nextn_predict_layers"]),
        ("gpt-oss-20b.json", &[]),
    ];
    assert_eq!(expected.len(), FIXTURES.len());
    for (file, fields) in expected {
        let i = import(fixture(file));
        let mut got = warning_fields(&i);
        let mut want = fields.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{file}: {:?}", i.warnings);
    }
}

// ------------------------------------------------------------------ hand-checked per family

#[test]
fn llama_3_1_70b() {
    let i = import(fixture("llama-3.1-70b.json"));
    let m = &i.spec;
    assert_eq!((m.n_layers(), m.d_model, m.n_q_heads, m.n_kv_heads, m.head_dim), (80, 8192, 64, 8, 128));
    assert_eq!((m.d_ff, m.vocab, m.tied_embeddings, m.ffn_gated), (28672, 128_256, false, true));
    assert_eq!(m.layers, vec![group(80, Attention::Full)]);
    assert!(m.moe.is_none());
    assert_eq!(i.label, "LlamaForCausalLM");
    // Derived, and said so with the numbers.
    assert_eq!(
        i.warnings[0].message,
        "`head_dim` is absent: derived as `hidden_size` / `num_attention_heads` = 8192 / 64 = 128"
    );
}

#[test]
fn mistral_windows_every_layer() {
    let m = import(fixture("mistral-7b-v0.1.json")).spec;
    assert_eq!(m.layers, vec![group(32, sliding(4096))]);
    assert_eq!((m.n_kv_heads, m.head_dim, m.vocab), (8, 128, 32000));
}

#[test]
fn mixtral_moe_on_every_layer_and_no_window() {
    let m = import(fixture("mixtral-8x22b.json")).spec;
    assert_eq!(m.layers, vec![group(56, Attention::Full)]);
    assert_eq!(
        m.moe,
        Some(Moe {
            n_experts: 8,
            top_k: 2,
            d_expert: 16384,
            n_shared_experts: 0,
            d_shared_expert: 0,
            n_moe_layers: 56
        })
    );
}

#[test]
fn qwen2_window_off_when_use_sliding_window_false() {
    let m = import(fixture("qwen2.5-72b.json")).spec;
    assert_eq!(m.layers, vec![group(80, Attention::Full)]);
    // Switched on, layers from `max_window_layers` on get the window.
    let on = edited("qwen2.5-72b.json", |c| {
        c.insert("use_sliding_window".into(), json!(true));
        c.insert("max_window_layers".into(), json!(60));
        c.insert("sliding_window".into(), json!(32768));
    });
    assert_eq!(import(&on).spec.layers, vec![group(60, Attention::Full), group(20, sliding(32768))]);
}

#[test]
fn qwen3_moe_head_dim_read_not_derived() {
    let i = import(fixture("qwen3-235b-a22b.json"));
    let m = &i.spec;
    // 4096 / 64 would be 64: the file's 128 is used, with no warning.
    assert_eq!((m.n_layers(), m.d_model, m.n_q_heads, m.n_kv_heads, m.head_dim), (94, 4096, 64, 4, 128));
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    assert_eq!(
        m.moe,
        Some(Moe {
            n_experts: 128,
            top_k: 8,
            d_expert: 1536,
            n_shared_experts: 0,
            d_shared_expert: 0,
            n_moe_layers: 94
        })
    );
    // `mlp_only_layers` and `decoder_sparse_step` move layers back to dense.
    let sparse = edited("qwen3-235b-a22b.json", |c| {
        c.insert("mlp_only_layers".into(), json!([0, 1, 1]));
        c.insert("decoder_sparse_step".into(), json!(2));
    });
    // Odd i (i + 1 even) are sparse: 47 of them; layer 1 is dense-only: 46.
    assert_eq!(import(&sparse).spec.moe.map(|m| m.n_moe_layers), Some(46));
}

#[test]
fn gemma3_text_config_with_defaults() {
    let i = import(fixture("gemma-3-27b.json"));
    let m = &i.spec;
    assert_eq!(m.layers, vec![group(52, sliding(1024)), group(10, Attention::Full)]);
    assert_eq!((m.d_model, m.n_q_heads, m.n_kv_heads, m.head_dim, m.d_ff), (5376, 32, 16, 128, 21504));
    assert_eq!((m.vocab, m.tied_embeddings), (262_208, true));
    let text = |f: &str| i.warnings.iter().find(|w| w.field == f).map(|w| w.message.clone()).unwrap_or_default();
    assert_eq!(
        text("text_config.vocab_size"),
        "`text_config.vocab_size` is absent: using the transformers default for gemma3, 262208"
    );
    assert!(text("text_config.sliding_window_pattern").contains(", 6"));
    assert!(text("text_config.tie_word_embeddings").contains("true"));
    // An explicit pattern or `layer_types` is honoured.
    let every_third = edited("gemma-3-27b.json", |c| {
        if let Some(t) = c.get_mut("text_config").and_then(Value::as_object_mut) {
            t.insert("_sliding_window_pattern".into(), json!(3));
        }
    });
    assert_eq!(import(&every_third).spec.layers, vec![group(42, sliding(1024)), group(20, Attention::Full)]);
}

#[test]
fn qwen2_moe_shared_expert_and_qwen3_dense() {
    // Qwen1.5-MoE-A2.7B's architecture (model card: 14.3B total, 2.7B active).
    let moe = json!({
        "model_type": "qwen2_moe", "hidden_size": 2048, "num_hidden_layers": 24, "num_attention_heads": 16,
        "num_key_value_heads": 16, "intermediate_size": 5632, "moe_intermediate_size": 1408,
        "shared_expert_intermediate_size": 5632, "num_experts": 60, "num_experts_per_tok": 4,
        "decoder_sparse_step": 1, "mlp_only_layers": [], "vocab_size": 151936, "tie_word_embeddings": false,
        "sliding_window": 32768, "use_sliding_window": false, "max_window_layers": 21
    });
    let i = import(&moe.to_string());
    assert_eq!(
        i.spec.moe,
        Some(Moe {
            n_experts: 60,
            top_k: 4,
            d_expert: 1408,
            n_shared_experts: 1,
            d_shared_expert: 5632,
            n_moe_layers: 24
        })
    );
    assert_eq!(i.spec.layers, vec![group(24, Attention::Full)]);
    let (total, active) = i.spec.computed_params();
    assert!((total / 14.3e9 - 1.0).abs() < 0.02 && (active / 2.7e9 - 1.0).abs() < 0.02, "{total} / {active}");
    // Qwen3-8B (dense; model card 8.2B): head_dim 128 read, 36 layers.
    let dense = json!({
        "model_type": "qwen3", "hidden_size": 4096, "num_hidden_layers": 36, "num_attention_heads": 32,
        "num_key_value_heads": 8, "head_dim": 128, "intermediate_size": 12288, "vocab_size": 151936,
        "tie_word_embeddings": false, "sliding_window": null, "use_sliding_window": false
    });
    let i = import(&dense.to_string());
    assert!(i.warnings.is_empty() && i.spec.moe.is_none(), "{:?}", i.warnings);
    assert!((i.spec.computed_params().0 / 8.2e9 - 1.0).abs() < 0.02);
}

#[test]
fn a_stray_sliding_window_does_not_window_llama_or_deepseek() {
    let llama = edited("llama-3.1-8b.json", |c| {
        c.insert("sliding_window".into(), json!(4096));
    });
    assert_eq!(import(&llama).spec.layers, vec![group(32, Attention::Full)]);
    let ds = edited("deepseek-v3.json", |c| {
        c.insert("sliding_window".into(), json!(4096));
    });
    assert_eq!(import(&ds).spec, import(fixture("deepseek-v3.json")).spec);
}

#[test]
fn gemma2_alternates_from_a_sliding_layer() {
    let config = json!({
        "model_type": "gemma2", "hidden_size": 4608, "num_hidden_layers": 46, "num_attention_heads": 32,
        "num_key_value_heads": 16, "head_dim": 128, "intermediate_size": 36864, "vocab_size": 256000,
        "sliding_window": 4096, "tie_word_embeddings": true
    });
    let i = import(&config.to_string());
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    assert_eq!(Some(&i.spec), model_by_id("gemma-2-27b").map(|p| p.spec()).as_ref());
}

#[test]
fn gpt_oss_layer_types() {
    let m = import(fixture("gpt-oss-120b.json")).spec;
    assert_eq!(m.layers, vec![group(18, sliding(128)), group(18, Attention::Full)]);
    assert_eq!((m.head_dim, m.n_q_heads, m.n_kv_heads), (64, 64, 8));
    assert_eq!(m.moe.map(|x| (x.n_experts, x.top_k, x.d_expert, x.n_moe_layers)), Some((128, 4, 2880, 36)));
}

#[test]
fn deepseek_v3_mla_and_moe() {
    let i = import(fixture("deepseek-v3.json"));
    let m = &i.spec;
    assert_eq!(
        m.layers,
        vec![group(
            61,
            Attention::Mla {
                kv_lora_rank: 512,
                q_lora_rank: 1536,
                qk_rope_head_dim: 64,
                qk_nope_head_dim: 128,
                v_head_dim: 128
            }
        )]
    );
    assert_eq!(
        m.moe,
        Some(Moe {
            n_experts: 256,
            top_k: 8,
            d_expert: 2048,
            n_shared_experts: 1,
            d_shared_expert: 2048,
            n_moe_layers: 58
        })
    );
    assert_eq!(m.d_ff, 18432);
    assert_eq!(i.warnings.len(), 1);
    assert!(i.warnings[0].message.contains("multi-token-prediction layer is excluded"), "{}", i.warnings[0]);
}

#[test]
fn deepseek_v2_and_a_null_q_lora_rank() {
    let m = import(fixture("deepseek-v2.json")).spec;
    assert_eq!(m.moe.map(|x| (x.n_moe_layers, x.n_shared_experts, x.d_shared_expert)), Some((59, 2, 1536)));
    // DeepSeek-V2-Lite projects queries directly: `q_lora_rank: null`.
    let lite = edited("deepseek-v2.json", |c| {
        c.insert("q_lora_rank".into(), Value::Null);
    });
    let ranks = import(&lite).spec.layers.first().map(|g| g.attention);
    assert!(matches!(ranks, Some(Attention::Mla { q_lora_rank: 0, kv_lora_rank: 512, .. })), "{ranks:?}");
}

#[test]
fn jamba_hybrid_layout() {
    let m = import(fixture("jamba-v0.1.json")).spec;
    let count =
        |pred: fn(&Attention) -> bool| m.layers.iter().filter(|g| pred(&g.attention)).map(|g| g.count).sum::<u32>();
    assert_eq!(count(|a| matches!(a, Attention::Full)), 4);
    assert_eq!(count(|a| matches!(a, Attention::KvLess { .. })), 28);
    assert_eq!(m.moe.map(|x| (x.n_experts, x.top_k, x.n_moe_layers, x.d_expert)), Some((16, 2, 16, 14336)));
    let state = m.layers.iter().find_map(|g| match g.attention {
        Attention::KvLess { state_bytes_per_seq, mixer_params, .. } => Some((state_bytes_per_seq, mixer_params)),
        _ => None,
    });
    // (8192·16 + 8192·3) elements × 2 bytes; in_proj + conv + x_proj + dt_proj + A + out_proj.
    assert_eq!(state, Some((311_296.0, 105_283_584.0)));
}

#[test]
fn model_type_from_architectures() {
    let cfg = edited("llama-3.1-8b.json", |c| {
        c.remove("model_type");
    });
    let i = import(&cfg);
    assert_eq!(i.spec, import(fixture("llama-3.1-8b.json")).spec);
    assert!(warning_fields(&i).contains(&"model_type"));
}

// ------------------------------------------------------------------------------- warnings

#[test]
fn head_dim_warning_only_when_derived() {
    let with = edited("llama-3.1-8b.json", |c| {
        c.insert("head_dim".into(), json!(128));
    });
    assert!(import(&with).warnings.is_empty());
    let without = import(fixture("llama-3.1-8b.json"));
    assert!(without.warnings.iter().any(|w| w.message.contains("`head_dim`") && w.message.contains("derived")));
    // A family whose config class has a default says so instead of deriving.
    let qwen3 = edited("qwen3-235b-a22b.json", |c| {
        c.remove("head_dim");
    });
    let i = import(&qwen3);
    assert_eq!(i.spec.head_dim, 128);
    assert_eq!(i.warnings[0].message, "`head_dim` is absent: using the transformers default for qwen3_moe, 128");
}

#[test]
fn kv_heads_default_to_query_heads_with_a_warning() {
    let cfg = edited("llama-3.1-8b.json", |c| {
        c.remove("num_key_value_heads");
    });
    let i = import(&cfg);
    assert_eq!(i.spec.n_kv_heads, 32);
    assert!(i.warnings.iter().any(|w| w.field == "num_key_value_heads" && w.message.contains("multi-head attention")));
}

#[test]
fn tie_word_embeddings_default_is_warned() {
    let cfg = edited("mistral-7b-v0.1.json", |c| {
        c.remove("tie_word_embeddings");
    });
    let i = import(&cfg);
    assert!(!i.spec.tied_embeddings);
    assert!(warning_fields(&i).contains(&"tie_word_embeddings"));
}

// --------------------------------------------------------------------------------- errors

#[track_caller]
fn assert_message(json: &str, expected: &str) {
    assert_eq!(import_err(json).to_string(), expected);
}

#[test]
fn missing_fields_are_named() {
    let cfg = edited("llama-3.1-8b.json", |c| {
        c.remove("num_attention_heads");
    });
    assert_message(&cfg, "`num_attention_heads` is missing: the number of query heads, a positive integer");
    let cfg = edited("deepseek-v3.json", |c| {
        c.remove("kv_lora_rank");
    });
    assert_message(&cfg, "`kv_lora_rank` is missing: the rank of the compressed KV latent, a positive integer");
    let cfg = edited("gemma-3-27b.json", |c| {
        c.remove("text_config");
    });
    assert_message(&cfg, "`text_config` is missing: the text model's settings, an object (gemma3 nests them there)");
    assert_message(
        "{}",
        &format!(
            "`model_type` is missing: the model family, one of {} (or `architectures` naming a supported class)",
            SUPPORTED_MODEL_TYPES.join(", ")
        ),
    );
}

#[test]
fn unknown_model_type_lists_the_supported_ones() {
    let msg = import_err(r#"{"model_type": "bert"}"#).to_string();
    assert!(msg.starts_with("`model_type` \"bert\" is not supported: expected one of llama, mistral,"), "{msg}");
    assert!(msg.contains("jamba"), "{msg}");
}

#[test]
fn kv_heads_must_divide_query_heads() {
    let cfg = edited("llama-3.1-8b.json", |c| {
        c.insert("num_key_value_heads".into(), json!(7));
    });
    assert_message(&cfg, "`num_key_value_heads` (7) must divide `num_attention_heads` (32)");
}

#[test]
fn not_json_and_not_an_object() {
    assert_message("hello", "not JSON: expected an object at line 1 column 1 (expected value)");
    assert!(import_err("").to_string().starts_with("not JSON: expected an object at line 1 column 0"));
    assert!(import_err("{\"a\":\n").to_string().contains("line 2"));
    assert_message("[1, 2]", "not a config: expected a JSON object (`{...}`) at the top level, found a list");
}

#[test]
fn out_of_range_values_name_field_and_range() {
    let with = |key: &str, v: Value| {
        edited("llama-3.1-8b.json", |c| {
            c.insert(key.into(), v);
        })
    };
    assert_message(&with("hidden_size", json!(0)), "`hidden_size` is 0: expected an integer from 1 to 10000000");
    assert_message(
        &with("hidden_size", json!(-4096)),
        "`hidden_size` is -4096: expected an integer from 1 to 10000000",
    );
    assert_message(
        &with("hidden_size", json!(4096.5)),
        "`hidden_size` is 4096.5: expected an integer from 1 to 10000000",
    );
    assert_message(
        &with("vocab_size", json!(1e12)),
        "`vocab_size` is 1000000000000.0: expected an integer from 1 to 10000000",
    );
    assert_message(
        &with("num_hidden_layers", json!(MAX_LAYERS + 1)),
        "`num_hidden_layers` is 10001: expected an integer from 1 to 10000",
    );
    assert_message(
        &with("intermediate_size", json!("big")),
        "`intermediate_size` is the string \"big\": expected an integer from 1 to 10000000",
    );
    assert_message(
        &with("num_attention_heads", Value::Null),
        "`num_attention_heads` is null: expected the number of query heads, a positive integer",
    );
    assert_message(
        &with("tie_word_embeddings", json!("no")),
        "`tie_word_embeddings` is the string \"no\": expected true or false",
    );
    assert_message(
        &with("hidden_size", json!(MAX_SIZE + 1)),
        "`hidden_size` is 10000001: expected an integer from 1 to 10000000",
    );
    // The largest allowed values are accepted.
    let big = edited("llama-3.1-8b.json", |c| {
        c.insert("num_hidden_layers".into(), json!(MAX_LAYERS));
        c.insert("vocab_size".into(), json!(MAX_SIZE));
    });
    assert_eq!(import(&big).spec.n_layers(), 10_000);
}

#[test]
fn contradictions_name_both_fields() {
    let short = edited("gpt-oss-120b.json", |c| {
        if let Some(Value::Array(types)) = c.get_mut("layer_types") {
            types.pop();
        }
    });
    assert_message(
        &short,
        "`layer_types` has 35 entries but `num_hidden_layers` is 36: there must be one entry per layer",
    );
    let unknown_kind = edited("gpt-oss-120b.json", |c| {
        if let Some(Value::Array(types)) = c.get_mut("layer_types") {
            types[3] = json!("chunked_attention");
        }
    });
    assert_message(
        &unknown_kind,
        "`layer_types[3]` is the string \"chunked_attention\": expected \"sliding_attention\" or \"full_attention\"",
    );
    let no_window = edited("gpt-oss-120b.json", |c| {
        c.insert("sliding_window".into(), Value::Null);
    });
    assert_message(
        &no_window,
        "`layer_types[0]` is \"sliding_attention\" but `sliding_window` is null or absent: a window size is needed",
    );
    let too_many = edited("mixtral-8x7b.json", |c| {
        c.insert("num_experts_per_tok".into(), json!(10));
    });
    assert_message(
        &too_many,
        "`num_experts_per_tok` (10) is more than `num_local_experts` (8): a token cannot use more experts than a layer has",
    );
    let offset = edited("jamba-v0.1.json", |c| {
        c.insert("attn_layer_offset".into(), json!(8));
    });
    assert_message(&offset, "`attn_layer_offset` (8) must be less than `attn_layer_period` (8)");
    let underivable = edited("llama-3.1-8b.json", |c| {
        c.insert("hidden_size".into(), json!(4097));
    });
    assert_message(
        &underivable,
        "`head_dim` is missing and cannot be derived: `hidden_size` (4097) is not a multiple of `num_attention_heads` (32)",
    );
    let disagree = edited("gpt-oss-120b.json", |c| {
        c.insert("num_experts_per_tok".into(), json!(2));
    });
    assert_message(
        &disagree,
        "`experts_per_token` (4) and `num_experts_per_tok` (2) disagree: both give the experts per token",
    );
    let bad_index = edited("qwen3-235b-a22b.json", |c| {
        c.insert("mlp_only_layers".into(), json!([94]));
    });
    assert_message(
        &bad_index,
        "`mlp_only_layers[0]` is 94: expected a layer index from 0 to 93 (`num_hidden_layers` is 94)",
    );
}

#[test]
fn gemma3_nested_field_names_carry_the_prefix() {
    let cfg = edited("gemma-3-27b.json", |c| {
        if let Some(t) = c.get_mut("text_config").and_then(Value::as_object_mut) {
            t.insert("num_key_value_heads".into(), json!(5));
        }
    });
    assert_message(&cfg, "`text_config.num_key_value_heads` (5) must divide `text_config.num_attention_heads` (32)");
}

// ------------------------------------------------------------------------- no panic, ever

#[cfg(not(target_arch = "wasm32"))]
mod no_panic {
    use super::*;
    use proptest::prelude::*;

    /// Cases per property.
    const CASES: u32 = 256;

    /// A JSON pointer segment (RFC 6901 escaping).
    fn escape(key: &str) -> String {
        key.replace('~', "~0").replace('/', "~1")
    }

    /// Every node below the root as (parent pointer, key in the parent).
    fn nodes(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    out.push((at.to_owned(), k.clone()));
                    nodes(child, &format!("{at}/{}", escape(k)), out);
                }
            }
            Value::Array(list) => {
                for (i, child) in list.iter().enumerate() {
                    out.push((at.to_owned(), i.to_string()));
                    nodes(child, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// A replacement value of kind `kind`.
    fn replacement(kind: u8, n: i64) -> Value {
        match kind % 10 {
            0 => json!(format!("{n}")),
            1 => json!(-n.saturating_abs().max(1)),
            2 => json!(u64::MAX),
            3 => json!(1e300),
            4 => Value::Null,
            5 => json!({ "nested": { "hidden_size": n } }),
            6 => json!([n, "x", null]),
            7 => json!(0),
            8 => json!(true),
            _ => json!(n),
        }
    }

    /// Applies the ops: each removes or replaces one node chosen by `at`.
    fn mutate(mut v: Value, ops: &[(u8, usize, i64)]) -> Value {
        for &(kind, at, n) in ops {
            let mut all = Vec::new();
            nodes(&v, "", &mut all);
            if all.is_empty() {
                break;
            }
            let (parent, key) = &all[at % all.len()];
            let Some(parent) = v.pointer_mut(parent) else { continue };
            let remove = kind >= 200;
            match parent {
                Value::Object(map) if remove => {
                    map.remove(key);
                }
                Value::Object(map) => {
                    map.insert(key.clone(), replacement(kind, n));
                }
                Value::Array(list) => {
                    if let Ok(i) = key.parse::<usize>() {
                        if i < list.len() {
                            if remove {
                                list.remove(i);
                            } else {
                                list[i] = replacement(kind, n);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        v
    }

    /// What a successful import must satisfy.
    fn check(imported: &Imported) -> Result<(), TestCaseError> {
        let m = &imported.spec;
        prop_assert!(m.n_layers() > 0);
        prop_assert!(m.layers.iter().all(|g| g.count > 0));
        if let Some(moe) = m.moe {
            prop_assert!(moe.top_k <= moe.n_experts && moe.n_moe_layers <= m.n_layers());
        }
        let (total, active) = m.computed_params();
        prop_assert!(total.is_finite() && active.is_finite());
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(CASES))]

        #[test]
        fn random_text_never_panics(s in "\\PC{0,200}") {
            if let Ok(i) = import_hf_config(&s) {
                check(&i)?;
            }
        }

        #[test]
        fn jsonish_text_never_panics(s in "[{}\\[\\]\":,0-9a-z_ .eE+-]{0,120}") {
            if let Ok(i) = import_hf_config(&s) {
                check(&i)?;
            }
        }

        #[test]
        fn mutated_fixtures_never_panic(
            which in 0..FIXTURES.len(),
            ops in prop::collection::vec((any::<u8>(), any::<usize>(), any::<i64>()), 1..8),
        ) {
            let fixture = &FIXTURES[which];
            let value: Value = serde_json::from_str(fixture.json)
                .map_err(|e| TestCaseError::fail(format!("{}: {e}", fixture.file)))?;
            let text = mutate(value, &ops).to_string();
            match import_hf_config(&text) {
                Ok(i) => check(&i)?,
                Err(e) => prop_assert!(e.to_string().contains('`') || e.to_string().starts_with("not ")),
            }
        }

        #[test]
        fn truncated_fixtures_never_panic(which in 0..FIXTURES.len(), cut in any::<usize>()) {
            let text = FIXTURES[which].json;
            let cut = cut % (text.len() + 1);
            let prefix: String = text.char_indices().take_while(|(i, _)| *i < cut).map(|(_, c)| c).collect();
            let _ = import_hf_config(&prefix);
        }
    }
}

// ------------------------------------------------------------------------- arch (issue 10)
// Rows without a stored config file: their configs are written here from the values their
// model cards and the third-party copies in SOURCES.md give, so the importer is checked against
// each preset all the same.

fn kimi_linear_config() -> String {
    let kda: Vec<u32> = (1..=27).filter(|i| ![4, 8, 12, 16, 20, 24, 27].contains(i)).collect();
    serde_json::json!({
        "architectures": ["KimiLinearForCausalLM"], "model_type": "kimi_linear",
        "hidden_size": 2304, "num_hidden_layers": 27, "num_attention_heads": 32, "num_key_value_heads": 32,
        "head_dim": 72, "intermediate_size": 9216, "moe_intermediate_size": 1024, "num_experts": 256,
        "num_experts_per_token": 8, "num_shared_experts": 1, "first_k_dense_replace": 1, "moe_layer_freq": 1,
        "kv_lora_rank": 512, "q_lora_rank": null, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64,
        "v_head_dim": 128, "vocab_size": 163840, "tie_word_embeddings": false,
        "linear_attn_config": {"kda_layers": kda, "full_attn_layers": [4, 8, 12, 16, 20, 24, 27],
            "num_heads": 32, "head_dim": 128, "short_conv_kernel_size": 4}
    })
    .to_string()
}

fn nemotron_h_8b_config(pattern: &str) -> String {
    serde_json::json!({
        "architectures": ["NemotronHForCausalLM"], "model_type": "nemotron_h",
        "hidden_size": 4096, "num_hidden_layers": pattern.chars().count(), "hybrid_override_pattern": pattern,
        "num_attention_heads": 32, "num_key_value_heads": 8, "attention_head_dim": 128,
        "intermediate_size": 21504, "mamba_num_heads": 128, "mamba_head_dim": 64, "ssm_state_size": 128,
        "n_groups": 8, "conv_kernel": 4, "vocab_size": 131072, "tie_word_embeddings": false
    })
    .to_string()
}

const NEMOTRON_H_8B_PATTERN: &str = "M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M-";

#[test]
fn issue10_configs_without_files_import_to_their_presets() {
    let spec = |id: &str| model_by_id(id).map(|p| p.spec()).unwrap_or_else(|| panic!("no {id}"));
    assert_eq!(import(&kimi_linear_config()).spec, spec("kimi-linear-48b-a3b"));
    assert_eq!(import(&nemotron_h_8b_config(NEMOTRON_H_8B_PATTERN)).spec, spec("nemotron-h-8b"));
    let nano: String = serde_json::json!({
        "architectures": ["NemotronHForCausalLM"], "model_type": "nemotron_h",
        "hidden_size": 4480, "num_hidden_layers": 56,
        "hybrid_override_pattern": "M-M-M-MM-M-M-M*-M-M-M*-M-M-M-M*-M-M-M-M*-M-MM-M-M-M-M-M-",
        "num_attention_heads": 40, "num_key_value_heads": 8, "head_dim": 128, "intermediate_size": 15680,
        "mamba_num_heads": 128, "mamba_head_dim": 80, "ssm_state_size": 128, "n_groups": 8, "conv_kernel": 4,
        "vocab_size": 131072, "tie_word_embeddings": false
    })
    .to_string();
    assert_eq!(import(&nano).spec, spec("nemotron-nano-9b-v2"));
    // DeepSeek-V3.2-Exp: V3's config with the indexer keys.
    let v32 = edited("deepseek-v3.json", |m| {
        m.insert("model_type".into(), "deepseek_v32".into());
        m.insert("architectures".into(), serde_json::json!(["DeepseekV32ForCausalLM"]));
        m.insert("index_n_heads".into(), 64.into());
        m.insert("index_head_dim".into(), 128.into());
        m.insert("index_topk".into(), 2048.into());
    });
    let i = import(&v32);
    assert_eq!(i.spec, spec("deepseek-v3.2-exp"));
    assert_eq!(warning_fields(&i), vec!["num_nextn_predict_layers"]);
    // MiniMax-Text-01 has M1's architecture.
    let text01 = edited("minimax-m1.json", |m| {
        m.insert("model_type".into(), "MiniMaxText01".into());
    });
    assert_eq!(import(&text01).spec, spec("minimax-text-01"));
}

#[test]
fn issue10_layouts_read_as_the_modelling_code_says() {
    // Qwen3-Next without `layer_types`: every 4th layer full (gated); with a `layer_types`
    // list, the list wins.
    let q = import(fixture("qwen3-next-80b-a3b.json")).spec;
    assert_eq!(q.layers[1], group(12, Attention::GatedFull));
    let listed = edited("qwen3-next-80b-a3b.json", |m| {
        let mut types = vec![serde_json::json!("full_attention"); 8];
        types.extend(vec![serde_json::json!("linear_attention"); 40]);
        m.insert("layer_types".into(), types.into());
    });
    let l = import(&listed).spec;
    assert_eq!((l.layers[0].count, l.layers[0].attention), (8, Attention::GatedFull));
    // Llama 4 with explicit `no_rope_layers`: 1 = RoPE (chunked), 0 = NoPE (global).
    let scout = edited("llama-4-scout.json", |m| {
        if let Some(Value::Object(t)) = m.get_mut("text_config") {
            let list: Vec<u32> = (0..48).map(|i| u32::from(i % 2 == 0)).collect();
            t.insert("no_rope_layers".into(), list.into());
        }
    });
    let s = import(&scout).spec;
    assert_eq!(s.layers, vec![group(24, Attention::ChunkedLocal { chunk_tokens: 8192 }), group(24, Attention::Full)]);
    // Llama 4 without a chunk size: every layer full.
    let unchunked = edited("llama-4-scout.json", |m| {
        if let Some(Value::Object(t)) = m.get_mut("text_config") {
            t.insert("attention_chunk_size".into(), Value::Null);
        }
    });
    assert_eq!(import(&unchunked).spec.layers, vec![group(48, Attention::Full)]);
}

#[test]
fn issue10_bad_configs_name_the_field() {
    let cases: Vec<(String, &str)> = vec![
        (
            nemotron_h_8b_config("M-M-E-M*"),
            "`hybrid_override_pattern[4]` is the character \"E\": expected M (Mamba-2), * (attention) or - (MLP); MoE layers (E) are not supported",
        ),
        (nemotron_h_8b_config("M---"), "has 1 mixer layers (M, *) and 3 MLP layers (-)"),
        (
            kimi_linear_config().replace("\"linear_attn_config\"", "\"other\""),
            "`linear_attn_config` is missing: the KDA settings",
        ),
        (
            edited("minimax-m1.json", |m| {
                m.remove("attn_type_list");
            }),
            "`attn_type_list` is missing",
        ),
        (
            edited("minimax-m1.json", |m| {
                m.insert("attn_type_list".into(), serde_json::json!([0, 1]));
            }),
            "`attn_type_list` has 2 entries but `num_hidden_layers` is 80",
        ),
        (
            edited("qwen3-next-80b-a3b.json", |m| {
                m.remove("linear_num_value_heads");
            }),
            "`linear_num_value_heads` is missing: the Gated DeltaNet value heads",
        ),
        (
            edited("deepseek-v3.json", |m| {
                m.insert("model_type".into(), "deepseek_v32".into());
            }),
            "`index_n_heads` is missing",
        ),
    ];
    for (json, needle) in cases {
        let e = import_err(&json).to_string();
        assert!(e.contains(needle), "{e}\n  expected: {needle}");
    }
}

// catalog (issue 10)
/// Kimi K2's config says `model_type: "kimi_k2"` (a remote-code name) but its class is
/// `DeepseekV3ForCausalLM` (`architectures`): read as `deepseek_v3`, the stored file gives exactly
/// the `kimi-k2-instruct` preset (64 heads, 384 experts, one dense layer, no MTP layer).
#[test]
fn kimi_k2_imports_as_deepseek_v3_to_its_preset() {
    let text = include_str!("fixtures/hf-configs/kimi-k2-instruct.json");
    let mut v: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => panic!("kimi-k2-instruct.json: {e}"),
    };
    assert_eq!(v["model_type"], json!("kimi_k2"));
    assert_eq!(v["architectures"], json!(["DeepseekV3ForCausalLM"]));
    v["model_type"] = json!("deepseek_v3");
    let imported = import(&v.to_string());
    let preset = model_by_id("kimi-k2-instruct").map(|p| p.spec());
    assert_eq!(Some(imported.spec), preset);
}
