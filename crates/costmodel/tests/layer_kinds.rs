//! Issue 10's layer kinds, each checked against a hand computation written out here: state
//! bytes per user (recurrent layers) or KV bytes per token, parameters and FLOP. Sources of
//! each formula are in `costmodel::mixers` and docs/layer-kinds.md. Tolerances: exact (the
//! numbers are integers well inside f64) unless a comment says otherwise.

mod common;
use common::assert_rel;

use costmodel::mixers::{describe_layers, dsa_index_bytes_per_token, dsa_indexer_params, linear_attention, mamba2};
use costmodel::phases::Prepared;
use costmodel::presets::model_by_id;
use costmodel::url::from_query;
use costmodel::{evaluate, Attention, Inputs, LinearRule};

/// The default scenario (16-bit KV, TP 1) with a preset model and `query` on top.
fn preset(id: &str, query: &str) -> Inputs {
    let (s, w) = from_query(&format!("model={id}&{query}"));
    assert!(w.is_empty(), "{w:?}");
    let inputs = s.resolve().inputs;
    assert_eq!(inputs.model, model_by_id(id).map(|p| p.spec()).unwrap_or_else(|| panic!("no {id}")));
    inputs
}

#[test]
fn gated_deltanet_layer_of_qwen3_next() {
    // Qwen3-Next-80B-A3B: d 2048, 16 key heads and 32 value heads of 128, conv 4.
    // K = 16·128 = 2048, V = 32·128 = 4096.
    // Parameters: in_proj_qkvz 2048·(2·2048 + 2·4096) = 25,165,824; in_proj_ba 2048·2·32 =
    // 131,072; conv1d (2·2048 + 4096)·4 = 32,768; out_proj 4096·2048 = 8,388,608.
    // Sum 33,718,272.
    // State: 32·128·128 = 524,288 (one d_k × d_v matrix per value head) + conv 3·8192 = 24,576
    // → 548,864 elements × 2 B = 1,097,728 B.
    // FLOP beyond the matmuls: 7 per state element (decay, S·k, rank-1 write, read-out) ·
    // 524,288 = 3,670,016, plus the convolution 2·4·8192 = 65,536 → 3,735,552.
    let s = linear_attention(2048, LinearRule::GatedDeltaNet, 16, 32, 128, 128, 4);
    assert_eq!(s.mixer_params, 33_718_272.0);
    assert_eq!(s.state_bytes_per_seq, 1_097_728.0);
    assert_eq!(s.extra_flop_per_token, 3_735_552.0);
}

#[test]
fn qwen3_next_state_is_constant_in_context_and_read_every_step() {
    // 12 gated full layers × 2 (K, V) × 2 KV heads × 256 × 2 B = 24,576 B per token; 36 Gated
    // DeltaNet layers × 1,097,728 B = 39,518,208 B of state per user, whatever the context.
    // At 8,192 tokens: 24,576 · 8,192 + 39,518,208 = 201,326,592 + 39,518,208 = 240,844,800 B.
    let r8 = evaluate(&preset("qwen3-next-80b-a3b", "ctx=8192"));
    let r16 = evaluate(&preset("qwen3-next-80b-a3b", "ctx=16384"));
    assert_eq!(r8.kv_bytes_per_token, 24_576.0);
    assert_eq!(r8.state_bytes_per_user, Some(39_518_208.0));
    assert_eq!(r8.kv_bytes_per_user, 240_844_800.0);
    // Doubling the context adds only the full layers' 24,576 · 8,192 B.
    assert_eq!(r16.kv_bytes_per_user - r8.kv_bytes_per_user, 201_326_592.0);
    assert_eq!(r16.state_bytes_per_user, r8.state_bytes_per_user);
    assert_eq!(r8.state_kinds.as_deref(), Some("Gated DeltaNet"));
    // A decode step reads it and a swap moves it: at 8,192 tokens one user's bytes on the GPU
    // (TP 1) are the 240,844,800 above; a swap (half duplex) moves them out and in.
    let inputs = preset("qwen3-next-80b-a3b", "ctx=8192");
    let p = Prepared::new(&inputs);
    assert_eq!(p.kv_gpu.bytes(8192.0), 240_844_800.0);
    assert_eq!(p.kv_gpu.bytes(0.0), 39_518_208.0);
    let host = p.host_bw_bytes_per_s;
    let factor = if p.full_duplex { 1.0 } else { 2.0 };
    assert_rel(p.swap_s(8192.0), factor * 240_844_800.0 / host, 1e-12);
}

#[test]
fn gated_full_attention_costs_a_gate_more_and_caches_the_same() {
    // Qwen3-Next's full layer: Q 2048·16·256 = 8,388,608, gate the same, K and V 2·2048·2·256 =
    // 2,097,152, O 4096·2048 = 8,388,608: 27,262,976 vs 18,874,368 ungated (+ d·H_q·d_h).
    let spec = model_by_id("qwen3-next-80b-a3b").map(|p| p.spec()).unwrap_or_else(|| panic!("preset"));
    assert_eq!(spec.attention_params_per_layer(&Attention::GatedFull), 27_262_976.0);
    assert_eq!(spec.attention_params_per_layer(&Attention::Full), 18_874_368.0);
    assert_eq!(
        costmodel::kv::kv_elements_per_token_per_layer(&spec, &Attention::GatedFull),
        costmodel::kv::kv_elements_per_token_per_layer(&spec, &Attention::Full)
    );
}

#[test]
fn kimi_delta_attention_layer() {
    // Kimi Linear 48B-A3B: d 2304, 32 heads of 128 (K = V = 4096), conv 4.
    // q, k, v 3·2304·4096 = 28,311,552; convs (2·4096 + 4096)·4 = 49,152; decay gate f_a
    // 2304·128 + f_b 128·4096 = 819,200; b_proj 2304·32 = 73,728; output gate g_a + g_b
    // 819,200; o_proj 4096·2304 = 9,437,184. Sum 39,510,016.
    // State 32·128·128 = 524,288 + 3·12,288 = 36,864 → 561,152 elements, 1,122,304 B.
    // FLOP 7·524,288 + 2·4·12,288 = 3,670,016 + 98,304 = 3,768,320.
    let s = linear_attention(2304, LinearRule::KimiDelta, 32, 32, 128, 128, 4);
    assert_eq!(s.mixer_params, 39_510_016.0);
    assert_eq!(s.state_bytes_per_seq, 1_122_304.0);
    assert_eq!(s.extra_flop_per_token, 3_768_320.0);
    // The whole model: 7 MLA layers × (512 + 64) × 2 B = 8,064 B per token; 20 × 1,122,304 =
    // 22,446,080 B of state.
    let r = evaluate(&preset("kimi-linear-48b-a3b", "ctx=1000"));
    assert_eq!(r.kv_bytes_per_token, 8064.0);
    assert_eq!(r.state_bytes_per_user, Some(22_446_080.0));
    assert_eq!(r.kv_bytes_per_user, 8064.0 * 1000.0 + 22_446_080.0);
}

#[test]
fn lightning_attention_layer_of_minimax() {
    // MiniMax-01: d 6144, 64 heads of 128 (8192 wide), no convolution.
    // qkv_proj 6144·3·8192 = 150,994,944; output_gate 6144·8192 = 50,331,648; out_proj
    // 8192·6144 = 50,331,648. Sum 251,658,240.
    // State 64·128·128 = 1,048,576 elements, 2,097,152 B. FLOP 5 · 1,048,576 = 5,242,880
    // (decay, kᵀv write, q·S read-out).
    let s = linear_attention(6144, LinearRule::Lightning, 64, 64, 128, 128, 0);
    assert_eq!(s.mixer_params, 251_658_240.0);
    assert_eq!(s.state_bytes_per_seq, 2_097_152.0);
    assert_eq!(s.extra_flop_per_token, 5_242_880.0);
    // MiniMax-M1: 10 softmax layers × 2·8·128·2 B = 40,960 B per token; 70 × 2 MiB =
    // 146,800,640 B of state.
    let r = evaluate(&preset("minimax-m1", "ctx=1000"));
    assert_eq!(r.kv_bytes_per_token, 40_960.0);
    assert_eq!(r.state_bytes_per_user, Some(146_800_640.0));
}

#[test]
fn mamba2_layer_of_nemotron_h() {
    // Nemotron-H-8B: d 4096, 128 heads of 64 (d_inner 8192), state 128, 8 groups, conv 4.
    // in_proj 4096·(2·8192 + 2·8·128 + 128) = 4096·18,560 = 76,021,760; conv
    // (8192 + 2048)·4 = 40,960; out_proj 8192·4096 = 33,554,432. Sum 109,617,152.
    // State: SSM 8192·128 = 1,048,576 + conv 3·10,240 = 30,720 → 1,079,296 elements,
    // 2,158,592 B. FLOP 5·1,048,576 + 2·4·10,240 = 5,242,880 + 81,920 = 5,324,800.
    let s = mamba2(4096, 128, 64, 128, 8, 4);
    assert_eq!(s.mixer_params, 109_617_152.0);
    assert_eq!(s.state_bytes_per_seq, 2_158_592.0);
    assert_eq!(s.extra_flop_per_token, 5_324_800.0);
    // The whole model: 4 attention layers × 2·8·128·2 B = 16,384 B per token; 24 × 2,158,592
    // = 51,806,208 B of state. Parameters: attention 4 · 41,943,040 = 167,772,160; Mamba-2 24 ·
    // 109,617,152 = 2,630,811,648; 24 MLPs (not gated) 24 · 2 · 4096 · 21504 = 4,227,858,432;
    // embedding and head 2 · 131072 · 4096 = 1,073,741,824. Total 8,100,184,064.
    let inputs = preset("nemotron-h-8b", "ctx=1000");
    let r = evaluate(&inputs);
    assert_eq!(r.kv_bytes_per_token, 16_384.0);
    assert_eq!(r.state_bytes_per_user, Some(51_806_208.0));
    assert_eq!(inputs.model.computed_params().0, 8_100_184_064.0);
    assert_eq!(r.state_kinds.as_deref(), Some("Mamba-2"));
    assert_eq!(describe_layers(&inputs.model), "24 Mamba-2 + 4 full attention (4 of them without an FFN)");
}

#[test]
fn chunked_local_attention_holds_at_most_a_chunk() {
    // Llama 4 Scout: 36 chunked layers (8,192) + 12 global, each 2·8·128·2 = 4,096 B per token.
    // At 100,000 tokens: 36 · 4,096 · 8,192 + 12 · 4,096 · 100,000 = 1,207,959,552 +
    // 4,915,200,000 = 6,123,159,552 B. Below the chunk every layer grows: 48 · 4,096 = 196,608
    // B per token.
    let inputs = preset("llama-4-scout", "ctx=100000");
    let r = evaluate(&inputs);
    assert_eq!(r.kv_bytes_per_token, 196_608.0);
    assert_eq!(r.kv_bytes_per_user, 6_123_159_552.0);
    // Decode attention per query at 100,000 tokens: QKᵀ and AV, 2 · 2 · 40 · 128 = 20,480 FLOP
    // per attended token per layer: 12 · 20,480 · 100,000 + 36 · 20,480 · 8,192 =
    // 24,576,000,000 + 6,039,797,760 = 30,615,797,760 (an upper bound for the chunked part: a
    // token attends `p mod 8192 + 1` tokens).
    let p = Prepared::new(&inputs);
    assert_eq!(p.decode_attention_flop(100_000.0), 30_615_797_760.0);
}

#[test]
fn deepseek_sparse_attention_caches_the_indexer_and_attends_top_k() {
    // Indexer keys: 128 FP8 bytes + one FP32 scale per 128 = 132 B per token per layer.
    assert_eq!(dsa_index_bytes_per_token(128), 132.0);
    // DeepSeek-V3.2-Exp: 61 layers × ((512 + 64) · 2 B + 132 B) = 61 × 1,284 = 78,324 B/token
    // (DeepSeek-V3: 61 × 1,152 = 70,272).
    let inputs = preset("deepseek-v3.2-exp", "ctx=100000&hw=h200&tp=8");
    let r = evaluate(&inputs);
    assert_eq!(r.kv_bytes_per_token, 78_324.0);
    // Decode attention per query at 100,000 tokens: the indexer scores every token, 2 · 64 ·
    // 128 = 16,384 FLOP each; MLA (absorbed) reads the top 2,048 at 2 · 128 · (2 · 512 + 64) =
    // 278,528 FLOP each: 61 · (16,384 · 100,000 + 278,528 · 2,048) = 61 · (1,638,400,000 +
    // 570,425,344) = 61 · 2,208,825,344 = 134,738,345,984. Dense MLA would be 61 · 278,528 · 100,000 =
    // 1,699,020,800,000: 12.6 × more.
    let p = Prepared::new(&inputs);
    assert_eq!(p.decode_attention_flop(100_000.0), 134_738_345_984.0);
    // Prefill of 100,000 tokens: the indexer, causal, 61 · 64 · 128 · n² = 61 · 8,192 · 10¹⁰ =
    // 4.99712e15; MLA over min(i, 2048) keys: 61 · 278,528 · (2048 · n − 2048² / 2) =
    // 16,990,208 · 202,702,848 = 3.443963e15 (to 1e-6).
    let expected = 61.0 * 8192.0 * 1e10 + 16_990_208.0 * 202_702_848.0;
    assert_rel(p.prefill_attention_flop(100_000.0), expected, 1e-12);
    // The indexer's parameters: wq_b 1536 · 64 · 128 = 12,582,912, wk 7168 · 128 = 917,504,
    // weights_proj 7168 · 64 = 458,752 → 13,959,168 per layer.
    assert_eq!(dsa_indexer_params(7168, 1536, 64, 128), 13_959_168.0);
}

#[test]
fn new_kinds_travel_in_arch_links_and_old_links_are_unchanged() {
    for id in ["qwen3-next-80b-a3b", "kimi-linear-48b-a3b", "minimax-m1", "nemotron-h-8b", "llama-4-scout", "deepseek-v3.2-exp"] {
        let spec = model_by_id(id).map(|p| p.spec()).unwrap_or_else(|| panic!("{id}"));
        let text = costmodel::arch::encode(&spec);
        assert_eq!(costmodel::arch::decode(&text), Ok(spec), "{id}: {text}");
    }
    let nemotron = model_by_id("nemotron-h-8b").map(|p| costmodel::arch::encode(&p.spec())).unwrap_or_default();
    assert_eq!(nemotron, "d4096_q32_k8_h128_f21504_g0_v131072_t0_L24M128-64-128-8-4_L4f_n4");
    let qwen = model_by_id("qwen3-next-80b-a3b").map(|p| costmodel::arch::encode(&p.spec())).unwrap_or_default();
    assert_eq!(qwen, "d2048_q16_k2_h256_f5120_g1_v151936_t0_L36ag16-32-128-128-4_L12o_e512-10-512-1-512-48");
    // A link written before issue 10 decodes to the same model and encodes back to itself.
    let old = "d4096_q32_k8_h128_f14336_g1_v128256_t0_L32f";
    let spec = costmodel::arch::decode(old).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(spec.mixer_only_layers, 0);
    assert_eq!(costmodel::arch::encode(&spec), old);
    for (bad, needle) in [
        ("d4096_q32_k8_h128_f14336_v128256_L32az1-2-3-4-5", "La (linear attention) starts with its rule g, k or l"),
        ("d4096_q32_k8_h128_f14336_v128256_L32M1-2-3", "LM (Mamba-2) needs 5 values"),
        ("d4096_q32_k8_h128_f14336_v128256_L32c0", "Lc (chunk) must be a whole number from 1"),
        ("d4096_q32_k8_h128_f14336_v128256_L32f_n33", "n says 33 layers without an FFN but the model has 32"),
    ] {
        match costmodel::arch::decode(bad) {
            Err(e) => assert!(e.contains(needle), "{bad}: {e}"),
            Ok(s) => panic!("{bad} decoded to {s:?}"),
        }
    }
}
