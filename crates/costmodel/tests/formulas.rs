//! One hand-checked case per formula, on small hand-built architectures. The arithmetic is in
//! the comments; tolerances are 1e-9 relative unless a comment says otherwise.

mod common;
use common::assert_rel;

use costmodel::phases::Prepared;
use costmodel::roofline::allreduce_s;
use costmodel::url::from_query;
use costmodel::{evaluate, Attention, Inputs, LayerGroup, ModelSpec, Moe, TokenKeep};

/// A dense GQA model: 32 layers, d 4096, 32 q heads, 8 KV heads, head dim 128, FFN 14336.
fn dense(layers: Vec<LayerGroup>) -> ModelSpec {
    ModelSpec {
        d_model: 4096,
        n_q_heads: 32,
        n_kv_heads: 8,
        head_dim: 128,
        d_ff: 14336,
        ffn_gated: true,
        vocab: 32000,
        tied_embeddings: false,
        layers,
        moe: None,
        params_override: None,
        mixer_only_layers: 0,
    }
}

fn full(count: u32) -> LayerGroup {
    LayerGroup { count, attention: Attention::Full }
}

/// The paper scenario's hardware and workload, with another model.
fn with_model(model: ModelSpec, query: &str) -> Inputs {
    let (s, w) = from_query(query);
    assert!(w.is_empty(), "{w:?}");
    let mut inputs = s.resolve().inputs;
    inputs.model = model;
    inputs
}

#[test]
fn sliding_window_caps_kv_at_the_window() {
    // 32 layers × 2 × 8 × 128 × 2 B = 131,072 B per token; at 10,000 tokens with a 4,096
    // window: 131,072 × 4,096 = 536,870,912 B.
    let m = dense(vec![LayerGroup { count: 32, attention: Attention::SlidingWindow { window_tokens: 4096 } }]);
    let r = evaluate(&with_model(m, "ctx=10000"));
    assert_eq!(r.kv_bytes_per_token, 131_072.0);
    assert_eq!(r.kv_bytes_per_user, 536_870_912.0);
}

#[test]
fn alternating_windows_cap_only_their_layers() {
    // 16 full + 16 windowed (4,096): 16 × 4,096 B × 10,000 + 16 × 4,096 B × 4,096 tokens.
    let m = dense(vec![full(16), LayerGroup { count: 16, attention: Attention::SlidingWindow { window_tokens: 4096 } }]);
    let r = evaluate(&with_model(m, "ctx=10000"));
    let per_layer_token = 2.0 * 8.0 * 128.0 * 2.0;
    assert_rel(r.kv_bytes_per_user, 16.0 * per_layer_token * (10_000.0 + 4096.0), 1e-12);
}

#[test]
fn mla_stores_one_latent_and_replicates_it_under_tp() {
    // DeepSeek-V3 shape: 61 layers × (512 + 64) × 2 B = 70,272 B per token; with TP 8 every GPU
    // holds the whole latent.
    let mla = Attention::Mla { kv_lora_rank: 512, q_lora_rank: 1536, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128 };
    let mut m = dense(vec![LayerGroup { count: 61, attention: mla }]);
    m.n_q_heads = 128;
    m.n_kv_heads = 128;
    let r = evaluate(&with_model(m, "ctx=1000&tp=8&hw=h200"));
    assert_eq!(r.kv_bytes_per_token, 70_272.0);
    assert_eq!(r.kv_bytes_per_user_per_gpu, r.kv_bytes_per_user);
}

#[test]
fn kv_heads_split_across_gpus_but_never_below_one() {
    // 8 KV heads: TP 4 → 2 heads per GPU (1/4 of the cache); TP 16 → still 1 head (1/8).
    let m = dense(vec![full(32)]);
    let r4 = evaluate(&with_model(m.clone(), "ctx=1000&tp=4&hw=h100-sxm"));
    let r16 = evaluate(&with_model(m, "ctx=1000&tp=16&hw=h100-sxm"));
    assert_rel(r4.kv_bytes_per_user_per_gpu, r4.kv_bytes_per_user / 4.0, 1e-12);
    assert_rel(r16.kv_bytes_per_user_per_gpu, r16.kv_bytes_per_user / 8.0, 1e-12);
}

#[test]
fn kv_less_layers_hold_a_fixed_state() {
    // 4 attention layers + 28 state layers of 1 MB each: KV = 4 × 4,096 B × n + 28 MB.
    let state = Attention::KvLess { state_bytes_per_seq: 1e6, mixer_params: 0.0, extra_flop_per_token: 0.0 };
    let m = dense(vec![full(4), LayerGroup { count: 28, attention: state }]);
    let r1 = evaluate(&with_model(m.clone(), "ctx=1000"));
    let r2 = evaluate(&with_model(m, "ctx=2000"));
    assert_rel(r1.kv_bytes_per_user, 4.0 * 4096.0 * 1000.0 + 28e6, 1e-12);
    assert_rel(r2.kv_bytes_per_user - r1.kv_bytes_per_user, 4.0 * 4096.0 * 1000.0, 1e-12);
}

#[test]
fn moe_reads_the_expected_distinct_experts() {
    // E = 8, k = 2: batch 1 touches 8 (1 − 6/8) = 2 experts per layer, batch 4 touches
    // 8 (1 − 0.75⁴) = 5.46875.
    let mut m = dense(vec![full(32)]);
    m.moe = Some(Moe { n_experts: 8, top_k: 2, d_expert: 14336, n_shared_experts: 0, d_shared_expert: 0, n_moe_layers: 32 });
    let inputs = with_model(m, "ctx=1000&hw=h100-sxm&tp=2");
    let p = Prepared::new(&inputs);
    let expert_bytes = 3.0 * 4096.0 * 14336.0 * 2.0;
    let dense_bytes = p.weights_bytes - 32.0 * 8.0 * expert_bytes;
    assert_rel(p.decode_weight_bytes_per_gpu(1.0), (dense_bytes + 32.0 * 2.0 * expert_bytes) / 2.0, 1e-12);
    assert_rel(p.decode_weight_bytes_per_gpu(4.0), (dense_bytes + 32.0 * 5.468_75 * expert_bytes) / 2.0, 1e-12);
    // At a huge batch every expert is read: all the weights.
    assert_rel(p.decode_weight_bytes_per_gpu(1e6), p.weights_bytes / 2.0, 1e-9);
}

#[test]
fn allreduce_is_latency_plus_ring_bytes() {
    // 2 (TP − 1)/TP · bytes / bw: TP 2, 8 MB over 300 GB/s, no latency: 8e6 / 300e9 = 26.67 µs.
    assert_rel(allreduce_s(8e6, 2, 300e9, 0.0), 8e6 / 300e9, 1e-12);
    assert_eq!(allreduce_s(8e6, 1, 300e9, 1e-5), 0.0);
}

#[test]
fn prefill_comm_is_two_allreduces_per_layer() {
    // Yi-34B, TP 2 on A100 SXM (300 GB/s per direction), peak: 60 layers × 2 × (4,000 × 7,168 ×
    // 2 B) / 300 GB/s (the ring factor 2(2−1)/2 = 1).
    let (s, _) = from_query("model=yi-34b&hw=a100-sxm-80gb&tp=2&ctx=4000");
    let r = evaluate(&s.resolve().inputs);
    let comm = r.prefill.expect("fits").comm_s;
    assert_rel(comm, 60.0 * 2.0 * 4000.0 * 7168.0 * 2.0 / 300e9, 1e-9);
}

#[test]
fn sliding_window_prefill_attention_counts_the_band() {
    // n 10,000, w 4,096, 32 layers, H_q 32, d_h 128: 4 · H · d · (w n − w²/2) per layer.
    let m = dense(vec![LayerGroup { count: 32, attention: Attention::SlidingWindow { window_tokens: 4096 } }]);
    let p = Prepared::new(&with_model(m, "ctx=10000"));
    let expected = 32.0 * 4.0 * 32.0 * 128.0 * (4096.0 * 10_000.0 - 4096.0 * 4096.0 / 2.0);
    assert_rel(p.prefill_attention_flop(10_000.0), expected, 1e-12);
    // Below the window it equals the full causal count 2 n² H d.
    assert_rel(p.prefill_attention_flop(1000.0), 32.0 * 2.0 * 1e6 * 32.0 * 128.0, 1e-12);
}

#[test]
fn token_budget_keeps_at_most_the_budget() {
    // SnapKV-1024 at 50,000 tokens: 1,024 × 245,760 B.
    let (s, w) = from_query("kv_token=snapkv-1024");
    assert!(w.is_empty());
    let r = evaluate(&s.resolve().inputs);
    assert_eq!(r.kv_bytes_per_user, 1024.0 * 245_760.0);
    assert_eq!(TokenKeep::Budget { tokens: 1024.0 }.kept_tokens(500.0), 500.0);
}

#[test]
fn hidden_bits_method_scales_by_bits() {
    // KIVI-2 at 3 effective bits over 16: factor 3/16 = 0.1875 → 46,080 B per token.
    let (s, _) = from_query("kv_hidden=kivi-2");
    let r = evaluate(&s.resolve().inputs);
    assert_rel(r.kv_bytes_per_token, 245_760.0 * 3.0 / 16.0, 1e-12);
}

#[test]
fn longest_context_that_fits_one_user() {
    // Yi-34B (34.39e9 params computed, 68.78 GB of weights) on an A100-80GB, peak:
    // (85.90e9 − 2 × params) / 245,760 tokens.
    let (s, _) = from_query("ctx=1000000");
    let inputs = s.resolve().inputs;
    let r = evaluate(&inputs);
    assert_eq!(r.concurrency, 0.0);
    let expected = ((85.90e9 - r.weights_bytes) / 245_760.0).floor();
    assert_eq!(r.max_ctx_tokens, Some(expected));
    let nofit = r.no_fit.expect("does not fit");
    assert!(!nofit.weights_too_large);
    assert_eq!(nofit.max_ctx_tokens, Some(expected));
    // TP 2: 122.9 GB of KV per GPU, no. TP 4: 61.44 GB KV + 17.2 GB weights = 78.6 GB ≤ 85.9 GB.
    assert_eq!(nofit.min_tp, Some(4));
    assert!(r.prefill_s.is_none() && r.decode_s.is_none(), "no latency for a scenario that does not fit");
}

#[test]
fn weights_that_do_not_fit_say_so() {
    let (s, _) = from_query("model=llama-3.1-405b&hw=a100-sxm-80gb&ctx=1000");
    let r = evaluate(&s.resolve().inputs);
    let nofit = r.no_fit.expect("405B in bf16 does not fit one GPU");
    assert!(nofit.weights_too_large, "{}", nofit.reason);
    assert!(nofit.reason.contains("weights"));
    assert!(nofit.min_tp.is_some_and(|tp| tp >= 16));
}

#[test]
fn realistic_mode_uses_cited_fractions() {
    // Realistic decode step at batch 1 reads the same bytes at 85% of 2,039 GB/s, plus (issue 9)
    // the elementwise kernels' traffic and the fixed step cost; the KV budget shrinks by 10% of
    // HBM, 1 GiB and the prefill workspace.
    // Elementwise bytes of one token, Yi-34B (60 layers, d 7,168, d_ff 20,480), by hand:
    // 2 (write and read) · 60 · (4 · 7,168 + 2 · 20,480) · 2 bytes = 16,711,680 bytes.
    // Step cost: 60 layers · the per-layer figure of `fractions` (A100: the OTHER row).
    let (peak, _) = from_query("ctx=4000");
    let (real, _) = from_query("ctx=4000&mode=realistic");
    let rp = evaluate(&peak.resolve().inputs);
    let rr = evaluate(&real.resolve().inputs);
    let bw = 2039e9 * 0.85;
    let serial = 16_711_680.0 / bw + 60.0 * costmodel::fractions::step_overhead_per_layer_s();
    assert_rel(rr.decode_step_s.expect("fits"), rp.decode_step_s.expect("fits") / 0.85 + serial, 1e-9);
    // The step cost per layer from its source by hand: Llama-3.2-1B, 2,471,628,800 bytes, at 50%
    // of 3.35 TB/s vs at 85%, over 16 layers: (1.475599e-3 − 0.868000e-3) / 16 = 37.97 µs.
    assert_rel(costmodel::fractions::step_overhead_per_layer_s(), 37.975e-6, 1e-3);
    assert!(rr.concurrency < rp.concurrency);
}

#[test]
fn swapping_adds_switches_to_the_cycle() {
    // 4 users at 50K on one A100: 1 fits, so every turn swaps: cycle = prefill + decode + switch.
    let (s, _) = from_query("users=4");
    let r = evaluate(&s.resolve().inputs);
    let c = r.cycle.expect("fits");
    assert_eq!(r.batch, 1.0);
    assert_eq!(r.swapped_users, 3.0);
    assert_rel(c.switch_s, r.context_switch_s.expect("fits"), 1e-12);
    assert_rel(c.total_s, c.prefill_s + c.decode_s + c.switch_s, 1e-12);
}

#[test]
fn prefix_reuse_amortizes_prefill() {
    let (s1, _) = from_query("ctx=4000");
    let (s4, _) = from_query("ctx=4000&reuse=4");
    let c1 = evaluate(&s1.resolve().inputs).cycle.expect("fits");
    let c4 = evaluate(&s4.resolve().inputs).cycle.expect("fits");
    assert_rel(c4.prefill_s * 4.0, c1.prefill_s, 1e-12);
}

#[test]
fn amd_mesh_pairs_share_one_peer_link() {
    // MI300X: 448 GB/s per direction all-to-all, but 64 GB/s to any one peer. TP 2 all-reduces
    // run at min(448, 1 × 64) = 64 GB/s; TP 8 at min(448, 7 × 64) = 448 GB/s.
    // Yi-34B prefill of 4,000 tokens: 60 layers × 2 × 57.344 MB × 2(TP−1)/TP / bw.
    let bytes = 4000.0 * 7168.0 * 2.0;
    for (tp, bw) in [(2u32, 64e9), (8, 448e9)] {
        let (s, _) = from_query(&format!("model=yi-34b&hw=mi300x&tp={tp}&ctx=4000"));
        let r = evaluate(&s.resolve().inputs);
        let ring = 2.0 * (f64::from(tp) - 1.0) / f64::from(tp);
        assert_rel(r.prefill.expect("fits").comm_s, 60.0 * 2.0 * ring * bytes / bw, 1e-9);
    }
}

#[test]
fn closed_form_decode_equals_the_step_by_step_sum() {
    // The closed form must equal Σ decode_step over every generated token, including where a
    // window fills, a token budget is reached, or compute overtakes memory mid-generation.
    let m = dense(vec![full(8), LayerGroup { count: 24, attention: Attention::SlidingWindow { window_tokens: 4096 } }]);
    let cases: [(&str, Option<ModelSpec>); 4] = [
        ("ctx=4000&out=300&users=1", Some(m.clone())),         // window fills at 4,096
        ("ctx=3900&out=500&users=64&hw=h100-sxm&tp=2", Some(m)), // big batch: compute-bound
        ("ctx=900&out=400&kv_token=snapkv-1024", None),        // budget reached at 1,024
        ("ctx=20000&out=256&users=3&mode=realistic&tp=2", None),
    ];
    for (q, model) in cases {
        let (s, w) = from_query(q);
        assert!(w.is_empty(), "{w:?}");
        let mut inputs = s.resolve().inputs;
        if let Some(model) = model {
            inputs.model = model;
        }
        let p = Prepared::new(&inputs);
        let r = evaluate(&inputs);
        let batch = r.batch;
        let n = inputs.workload.ctx_tokens;
        let looped: f64 = (0..inputs.workload.out_tokens as u32)
            .map(|i| p.decode_step(batch, inputs.compression.token.kept_tokens(n + f64::from(i))).total_s)
            .sum();
        assert_rel(r.decode_s.expect("fits"), looped, 1e-9);
    }
}
