//! A whole model architecture as one URL value (`arch=`), so a scenario whose model was
//! imported from a `config.json` is a link like any other.
//!
//! Tokens joined by `_`, each a tag letter and its values joined by `-` (only characters a
//! query string carries unescaped):
//!
//! | token | meaning |
//! | --- | --- |
//! | `d4096` `q32` `k8` `h128` `f14336` `v128256` | d_model, query heads, KV heads, head dim, dense FFN width, vocabulary |
//! | `g1` / `g0` | gated FFN (3 matrices) or not; default 1 |
//! | `t1` / `t0` | tied embeddings or not; default 0 |
//! | `L32f` | 32 layers of full attention |
//! | `L24w4096` | 24 sliding-window layers, window 4,096 tokens |
//! | `L61m512-1536-64-128-128` | 61 MLA layers: kv_lora_rank, q_lora_rank (0 = none), rope dim, nope dim, v dim |
//! | `L28s{state}-{mixer}-{flop}` | 28 KV-less layers: state bytes per sequence, mixer parameters, extra FLOP per token |
//! | `L12o` | 12 layers of full attention with an output gate (Qwen3-Next) |
//! | `L36ag16-32-128-128-4` | 36 linear-attention layers: rule (`g` Gated DeltaNet, `k` Kimi Delta, `l` lightning), key heads, value heads, key dim, value dim, conv width |
//! | `L24M128-64-128-8-4` | 24 Mamba-2 layers: heads, head dim, state size, groups, conv width |
//! | `L36c8192` | 36 chunked-local layers, chunk 8,192 tokens |
//! | `L61x512-1536-64-128-128-64-128-2048` | 61 DeepSeek-sparse layers: the 5 MLA values, indexer heads, indexer dim, top-k |
//! | `n28` | 28 layers have a mixer but no FFN (Nemotron-H); default 0 |
//! | `e256-8-2048-1-2048-58` | MoE: experts, active, expert width, shared experts, shared width, MoE layers |
//! | `p7.5e9` | total parameters, overriding the computed count |
//!
//! `L` tokens keep their order (the layer groups). Decoding checks every value against the
//! limits the config import uses and refuses the whole value on the first problem, naming it.

use crate::import::{MAX_LAYERS, MAX_SIZE};
use crate::spec::{Attention, LayerGroup, LinearRule, ModelSpec, Moe};
use crate::units::parse_f64;

/// Most layer groups one value may hold.
pub const MAX_GROUPS: usize = 64;
/// Largest float in a value (parameters, state bytes, FLOP per token).
const MAX_FLOAT: f64 = 1e18;

/// The `arch=` value of `spec`.
pub fn encode(spec: &ModelSpec) -> String {
    let mut t = vec![
        format!("d{}", spec.d_model),
        format!("q{}", spec.n_q_heads),
        format!("k{}", spec.n_kv_heads),
        format!("h{}", spec.head_dim),
        format!("f{}", spec.d_ff),
        format!("g{}", u8::from(spec.ffn_gated)),
        format!("v{}", spec.vocab),
        format!("t{}", u8::from(spec.tied_embeddings)),
    ];
    for g in &spec.layers {
        t.push(match g.attention {
            Attention::Full => format!("L{}f", g.count),
            Attention::GatedFull => format!("L{}o", g.count),
            Attention::SlidingWindow { window_tokens } => format!("L{}w{window_tokens}", g.count),
            Attention::Mla { kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim } => {
                format!("L{}m{kv_lora_rank}-{q_lora_rank}-{qk_rope_head_dim}-{qk_nope_head_dim}-{v_head_dim}", g.count)
            }
            Attention::KvLess { state_bytes_per_seq, mixer_params, extra_flop_per_token } => {
                format!("L{}s{state_bytes_per_seq}-{mixer_params}-{extra_flop_per_token}", g.count)
            }
            Attention::LinearAttention { rule, key_heads, value_heads, key_head_dim, value_head_dim, conv_kernel } => {
                let r = match rule {
                    LinearRule::GatedDeltaNet => 'g',
                    LinearRule::KimiDelta => 'k',
                    LinearRule::Lightning => 'l',
                };
                format!("L{}a{r}{key_heads}-{value_heads}-{key_head_dim}-{value_head_dim}-{conv_kernel}", g.count)
            }
            Attention::Mamba2 { heads, head_dim, d_state, groups, conv_kernel } => {
                format!("L{}M{heads}-{head_dim}-{d_state}-{groups}-{conv_kernel}", g.count)
            }
            Attention::ChunkedLocal { chunk_tokens } => format!("L{}c{chunk_tokens}", g.count),
            Attention::Dsa {
                kv_lora_rank,
                q_lora_rank,
                qk_rope_head_dim,
                qk_nope_head_dim,
                v_head_dim,
                index_heads,
                index_head_dim,
                index_topk,
            } => format!(
                "L{}x{kv_lora_rank}-{q_lora_rank}-{qk_rope_head_dim}-{qk_nope_head_dim}-{v_head_dim}-{index_heads}-{index_head_dim}-{index_topk}",
                g.count
            ),
        });
    }
    if spec.mixer_only_layers > 0 {
        t.push(format!("n{}", spec.mixer_only_layers));
    }
    if let Some(m) = spec.moe {
        t.push(format!("e{}-{}-{}-{}-{}-{}", m.n_experts, m.top_k, m.d_expert, m.n_shared_experts, m.d_shared_expert, m.n_moe_layers));
    }
    if let Some(p) = spec.params_override {
        t.push(format!("p{p}"));
    }
    t.join("_")
}

/// An integer named `what` from `raw`, within `min..=max`.
fn int(what: &str, raw: &str, min: u64, max: u64) -> Result<u32, String> {
    match raw.parse::<u64>() {
        Ok(v) if (min..=max).contains(&v) => Ok(v as u32),
        _ => Err(format!("{what} must be a whole number from {min} to {max}; got {}", crate::scenario::quote_value(raw))),
    }
}

/// A float named `what` from `raw`, within `0..=MAX_FLOAT` (or above 0 with `positive`).
fn float(what: &str, raw: &str, positive: bool) -> Result<f64, String> {
    match parse_f64(raw) {
        Some(v) if v.is_finite() && v <= MAX_FLOAT && (v > 0.0 || (!positive && v == 0.0)) => Ok(v),
        _ => {
            let low = if positive { "above 0" } else { "from 0" };
            Err(format!("{what} must be a number {low} to {MAX_FLOAT:e}; got {}", crate::scenario::quote_value(raw)))
        }
    }
}

/// `n` values of a token, split at `-`.
fn parts<'a>(what: &str, raw: &'a str, n: usize) -> Result<Vec<&'a str>, String> {
    let v: Vec<&str> = raw.split('-').collect();
    if v.len() == n {
        Ok(v)
    } else {
        Err(format!("{what} needs {n} values joined by `-`; got {}", crate::scenario::quote_value(raw)))
    }
}

/// Decodes an `arch=` value; the message names the part that is wrong and its allowed range.
pub fn decode(value: &str) -> Result<ModelSpec, String> {
    let size = |what: &str, raw: &str| int(what, raw, 1, MAX_SIZE);
    let mut dims: [Option<u32>; 6] = [None; 6];
    let (mut gated, mut tied) = (true, false);
    let mut layers: Vec<LayerGroup> = Vec::new();
    let mut moe = None;
    let mut params_override = None;
    let mut mixer_only_layers = 0;
    for token in value.split('_') {
        let mut chars = token.chars();
        let tag = chars.next().ok_or("an empty part (two `_` in a row)")?;
        let rest = chars.as_str();
        match tag {
            'd' => dims[0] = Some(size("d (d_model)", rest)?),
            'q' => dims[1] = Some(size("q (query heads)", rest)?),
            'k' => dims[2] = Some(size("k (KV heads)", rest)?),
            'h' => dims[3] = Some(size("h (head dim)", rest)?),
            'f' => dims[4] = Some(size("f (FFN width)", rest)?),
            'v' => dims[5] = Some(size("v (vocabulary)", rest)?),
            'g' => gated = int("g (gated FFN)", rest, 0, 1)? == 1,
            't' => tied = int("t (tied embeddings)", rest, 0, 1)? == 1,
            'L' => {
                if layers.len() == MAX_GROUPS {
                    return Err(format!("more than {MAX_GROUPS} layer groups"));
                }
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let (count, kind) = rest.split_at_checked(digits).unwrap_or((rest, ""));
                let count = int("L (layer count)", count, 1, MAX_LAYERS)?;
                let mut kind_chars = kind.chars();
                let attention = match (kind_chars.next(), kind_chars.as_str()) {
                    (Some('f'), "") => Attention::Full,
                    (Some('o'), "") => Attention::GatedFull,
                    (Some('w'), w) => Attention::SlidingWindow { window_tokens: size("Lw (window)", w)? },
                    (Some('m'), m) => {
                        let p = parts("Lm (MLA)", m, 5)?;
                        Attention::Mla {
                            kv_lora_rank: size("Lm kv_lora_rank", p[0])?,
                            q_lora_rank: int("Lm q_lora_rank", p[1], 0, MAX_SIZE)?,
                            qk_rope_head_dim: size("Lm qk_rope_head_dim", p[2])?,
                            qk_nope_head_dim: size("Lm qk_nope_head_dim", p[3])?,
                            v_head_dim: size("Lm v_head_dim", p[4])?,
                        }
                    }
                    (Some('s'), s) => {
                        let p = parts("Ls (KV-less)", s, 3)?;
                        Attention::KvLess {
                            state_bytes_per_seq: float("Ls state bytes", p[0], false)?,
                            mixer_params: float("Ls mixer parameters", p[1], false)?,
                            extra_flop_per_token: float("Ls extra FLOP per token", p[2], false)?,
                        }
                    }
                    (Some('a'), a) => {
                        let mut rc = a.chars();
                        let rule = match rc.next() {
                            Some('g') => LinearRule::GatedDeltaNet,
                            Some('k') => LinearRule::KimiDelta,
                            Some('l') => LinearRule::Lightning,
                            _ => return Err(format!("La (linear attention) starts with its rule g, k or l; got {}", crate::scenario::quote_value(token))),
                        };
                        let p = parts("La (linear attention)", rc.as_str(), 5)?;
                        Attention::LinearAttention {
                            rule,
                            key_heads: size("La key heads", p[0])?,
                            value_heads: size("La value heads", p[1])?,
                            key_head_dim: size("La key head dim", p[2])?,
                            value_head_dim: size("La value head dim", p[3])?,
                            conv_kernel: int("La conv width", p[4], 0, MAX_SIZE)?,
                        }
                    }
                    (Some('M'), m) => {
                        let p = parts("LM (Mamba-2)", m, 5)?;
                        Attention::Mamba2 {
                            heads: size("LM heads", p[0])?,
                            head_dim: size("LM head dim", p[1])?,
                            d_state: size("LM state size", p[2])?,
                            groups: size("LM groups", p[3])?,
                            conv_kernel: int("LM conv width", p[4], 0, MAX_SIZE)?,
                        }
                    }
                    (Some('c'), c) => Attention::ChunkedLocal { chunk_tokens: size("Lc (chunk)", c)? },
                    (Some('x'), x) => {
                        let p = parts("Lx (DeepSeek sparse)", x, 8)?;
                        Attention::Dsa {
                            kv_lora_rank: size("Lx kv_lora_rank", p[0])?,
                            q_lora_rank: int("Lx q_lora_rank", p[1], 0, MAX_SIZE)?,
                            qk_rope_head_dim: size("Lx qk_rope_head_dim", p[2])?,
                            qk_nope_head_dim: size("Lx qk_nope_head_dim", p[3])?,
                            v_head_dim: size("Lx v_head_dim", p[4])?,
                            index_heads: size("Lx index heads", p[5])?,
                            index_head_dim: size("Lx index head dim", p[6])?,
                            index_topk: size("Lx index top-k", p[7])?,
                        }
                    }
                    _ => {
                        return Err(format!(
                            "a layer group is L, a count and f, w<window>, o, m<5 values>, s<3 values>, a<rule and 5 values>, M<5 values>, c<chunk> or x<8 values>; got {}",
                            crate::scenario::quote_value(token)
                        ))
                    }
                };
                layers.push(LayerGroup { count, attention });
            }
            'e' => {
                let p = parts("e (MoE)", rest, 6)?;
                let n_experts = size("e experts", p[0])?;
                moe = Some(Moe {
                    n_experts,
                    top_k: int("e active experts", p[1], 1, u64::from(n_experts))?,
                    d_expert: size("e expert width", p[2])?,
                    n_shared_experts: int("e shared experts", p[3], 0, MAX_SIZE)?,
                    d_shared_expert: int("e shared width", p[4], 0, MAX_SIZE)?,
                    n_moe_layers: int("e MoE layers", p[5], 0, MAX_LAYERS)?,
                });
            }
            'p' => params_override = Some(float("p (parameters)", rest, true)?),
            'n' => mixer_only_layers = int("n (layers without an FFN)", rest, 0, MAX_LAYERS)?,
            _ => return Err(format!("unknown part {} (see the README for the parts)", crate::scenario::quote_value(token))),
        }
    }
    let names = ["d", "q", "k", "h", "f", "v"];
    let mut got = [0u32; 6];
    for (i, (d, name)) in dims.iter().zip(names).enumerate() {
        got[i] = d.ok_or_else(|| format!("the part `{name}` is missing"))?;
    }
    let [d_model, n_q_heads, n_kv_heads, head_dim, d_ff, vocab] = got;
    if n_kv_heads > n_q_heads {
        return Err(format!("k ({n_kv_heads} KV heads) must not exceed q ({n_q_heads} query heads)"));
    }
    let total: u64 = layers.iter().map(|g| u64::from(g.count)).sum();
    if total == 0 || total > MAX_LAYERS {
        return Err(format!("the layer groups must hold 1 to {MAX_LAYERS} layers; they hold {total}"));
    }
    if u64::from(mixer_only_layers) > total {
        return Err(format!("n says {mixer_only_layers} layers without an FFN but the model has {total}"));
    }
    if let Some(m) = moe {
        let ffn_layers = total - u64::from(mixer_only_layers);
        if u64::from(m.n_moe_layers) > ffn_layers {
            return Err(format!("e says {} MoE layers but the model has {ffn_layers}", m.n_moe_layers));
        }
    }
    Ok(ModelSpec {
        d_model,
        n_q_heads,
        n_kv_heads,
        head_dim,
        d_ff,
        ffn_gated: gated,
        vocab,
        tied_embeddings: tied,
        layers,
        moe,
        params_override,
        mixer_only_layers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::MODELS;

    #[test]
    fn every_preset_architecture_survives_a_round_trip() {
        for p in MODELS {
            let spec = p.spec();
            let text = encode(&spec);
            assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b)), "{}: {text}", p.id);
            assert_eq!(decode(&text), Ok(spec), "{}: {text}", p.id);
        }
    }

    #[test]
    fn llama_reads_as_documented() {
        let spec = decode("d4096_q32_k8_h128_f14336_v128256_L32f").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((spec.d_model, spec.n_kv_heads, spec.ffn_gated, spec.tied_embeddings), (4096, 8, true, false));
        assert_eq!(spec.layers, vec![LayerGroup { count: 32, attention: Attention::Full }]);
    }

    #[test]
    fn bad_values_name_the_part_and_the_range() {
        let base = "d4096_q32_k8_h128_f14336_v128256";
        for (value, needle) in [
            (base.to_owned(), "the layer groups must hold 1 to 10000 layers; they hold 0"),
            (format!("{base}_L0f"), "L (layer count) must be a whole number from 1 to 10000; got \"0\""),
            (format!("{base}_L32z"), "a layer group is L, a count and"),
            (format!("{base}_L32w0"), "Lw (window) must be a whole number from 1 to 10000000"),
            (format!("{base}_L32m1-2-3"), "Lm (MLA) needs 5 values"),
            (format!("{base}_L32f_e8-9-100-0-0-32"), "e active experts must be a whole number from 1 to 8"),
            (format!("{base}_L32f_e8-2-100-0-0-33"), "e says 33 MoE layers but the model has 32"),
            (format!("{base}_L32f_pNaN"), "p (parameters) must be a number above 0"),
            (format!("{base}_L32f_z1"), "unknown part \"z1\""),
            (format!("{base}_L32f__"), "an empty part"),
            ("q32_k8_h128_f14336_v128256_L32f".to_owned(), "the part `d` is missing"),
            ("d4096_q8_k32_h128_f14336_v128256_L32f".to_owned(), "k (32 KV heads) must not exceed q (8 query heads)"),
            ("d99999999999_q32_k8_h128_f14336_v128256_L32f".to_owned(), "d (d_model) must be a whole number from 1 to 10000000"),
        ] {
            match decode(&value) {
                Err(e) => assert!(e.contains(needle), "{value}: {e}"),
                Ok(s) => panic!("{value} decoded to {s:?}"),
            }
        }
        let many = format!("{base}{}", "_L1f".repeat(MAX_GROUPS + 1));
        assert!(decode(&many).is_err_and(|e| e.contains("more than 64 layer groups")));
    }
}
