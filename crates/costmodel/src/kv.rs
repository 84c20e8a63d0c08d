//! The KV cache (paper §3, docs/methodology.md §4.1): bytes per token, per user, per GPU.
//!
//! - Full attention stores `2 · H_kv · d_h` elements per token per layer (K and V).
//! - Sliding-window layers store the same, over at most `w` tokens.
//! - MLA stores one latent of `kv_lora_rank + qk_rope_head_dim` elements per token per layer,
//!   shared by every head (no factor 2).
//! - KV-less layers (state-space, linear attention) hold a fixed state per sequence.
//! - Chunked local layers (Llama 4) hold at most one chunk, like a window of the chunk size.
//! - DeepSeek sparse attention stores the MLA latent plus the indexer's FP8 key per token.
//! - Compression multiplies by the layer, head and hidden factors; token compression shrinks the
//!   token count *before* the window cap.
//! - Tensor parallelism splits KV heads across GPUs, but a GPU holds at least one head
//!   (`ceil(H_kv / TP)` per GPU); the MLA latent is replicated on every GPU; KV-less state is
//!   split evenly.

use crate::spec::{Attention, Inputs, ModelSpec};
use crate::units::BITS_PER_BYTE;

/// K and V: two tensors per token per head in a standard attention layer.
pub const KV_TENSORS: f64 = 2.0;
/// The bit width the KV-less state sizes in presets refer to (bf16).
pub const STATE_REFERENCE_BITS: f64 = 16.0;

/// Elements stored per token by one layer of this kind (whole model width, before TP).
///
/// # Formula
/// full / sliding: `2 · H_kv · d_h`; MLA: `kv_lora_rank + qk_rope_head_dim`; KV-less: 0.
pub fn kv_elements_per_token_per_layer(model: &ModelSpec, attention: &Attention) -> f64 {
    match *attention {
        Attention::Full | Attention::GatedFull | Attention::SlidingWindow { .. } | Attention::ChunkedLocal { .. } => {
            KV_TENSORS * f64::from(model.n_kv_heads) * f64::from(model.head_dim)
        }
        Attention::Mla { kv_lora_rank, qk_rope_head_dim, .. } | Attention::Dsa { kv_lora_rank, qk_rope_head_dim, .. } => {
            f64::from(kv_lora_rank) + f64::from(qk_rope_head_dim)
        }
        Attention::KvLess { .. } | Attention::LinearAttention { .. } | Attention::Mamba2 { .. } => 0.0,
    }
}

/// Fraction of a layer's KV that one GPU of a `tp`-way group holds.
///
/// # Formula
/// full / sliding: `ceil(H_kv / TP) / H_kv` (a GPU holds at least one head, so KV heads are
/// replicated when `TP > H_kv`); MLA: 1 (the latent is replicated); KV-less: `1 / TP`.
pub fn kv_fraction_per_gpu(model: &ModelSpec, attention: &Attention, tp: u32) -> f64 {
    let tp = tp.max(1);
    match attention {
        Attention::Full | Attention::GatedFull | Attention::SlidingWindow { .. } | Attention::ChunkedLocal { .. } => {
            let heads = model.n_kv_heads.max(1);
            f64::from(heads.div_ceil(tp)) / f64::from(heads)
        }
        Attention::Mla { .. } | Attention::Dsa { .. } => 1.0,
        Attention::KvLess { .. } | Attention::LinearAttention { .. } | Attention::Mamba2 { .. } => 1.0 / f64::from(tp),
    }
}

/// The parts of the KV cache, as linear pieces of the kept-token count, for one GPU or the
/// whole model. Precomputed once per evaluation so sweeps and the closed-form decode sum can
/// evaluate `bytes(t)` cheaply.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KvShape {
    /// Bytes per kept token of layers that grow without bound (full attention, MLA).
    pub unbounded_bytes_per_token: f64,
    /// Sliding-window groups: (bytes per kept token, window tokens). At most [`MAX_WINDOWS`].
    pub windows: [(f64, f64); MAX_WINDOWS],
    /// How many entries of `windows` are used.
    pub n_windows: usize,
    /// Fixed bytes per sequence (KV-less state).
    pub fixed_bytes: f64,
}

/// Distinct sliding-window sizes one model may have.
pub const MAX_WINDOWS: usize = 4;

impl KvShape {
    // deploy: a pipeline stage holds 1/pp of the layers (issue 13).
    /// The same shape with every part multiplied by `factor`.
    pub fn scaled(self, factor: f64) -> KvShape {
        let mut out = self;
        out.unbounded_bytes_per_token *= factor;
        for w in &mut out.windows[..out.n_windows] {
            w.0 *= factor;
        }
        out.fixed_bytes *= factor;
        out
    }

    /// The KV shape of `inputs`, on one GPU of a `tp`-way group (`Some(tp)`) or for the whole
    /// model (`None`), with all compression factors except the token one (which
    /// [`KvShape::bytes`] applies) folded in.
    pub fn new(inputs: &Inputs, tp: Option<u32>) -> KvShape {
        let model = &inputs.model;
        let c = inputs.compression;
        let bytes_per_element = inputs.precision.kv_bits / BITS_PER_BYTE;
        let factor = c.layer * c.head * c.hidden;
        let mut shape = KvShape {
            unbounded_bytes_per_token: 0.0,
            windows: [(0.0, 0.0); MAX_WINDOWS],
            n_windows: 0,
            fixed_bytes: 0.0,
        };
        for group in &model.layers {
            let gpu_share = tp.map_or(1.0, |tp| kv_fraction_per_gpu(model, &group.attention, tp));
            let layers = f64::from(group.count);
            let per_token = layers
                * kv_elements_per_token_per_layer(model, &group.attention)
                * bytes_per_element
                * factor
                * gpu_share;
            match group.attention {
                Attention::Full | Attention::GatedFull | Attention::Mla { .. } => shape.unbounded_bytes_per_token += per_token,
                // The indexer's FP8 keys are kept for every token beside the latent; their
                // format is fixed, so only the layer factor applies to them.
                Attention::Dsa { index_head_dim, .. } => {
                    shape.unbounded_bytes_per_token += per_token
                        + layers * crate::mixers::dsa_index_bytes_per_token(index_head_dim) * c.layer * gpu_share;
                }
                // A chunk is a window of at most `chunk_tokens` (vLLM frees the blocks of past
                // chunks: `ChunkedLocalAttentionManager`).
                Attention::SlidingWindow { window_tokens } | Attention::ChunkedLocal { chunk_tokens: window_tokens } => {
                    let w = f64::from(window_tokens);
                    if let Some(slot) = shape.windows[..shape.n_windows].iter_mut().find(|(_, sw)| *sw == w) {
                        slot.0 += per_token;
                    } else if shape.n_windows < MAX_WINDOWS {
                        shape.windows[shape.n_windows] = (per_token, w);
                        shape.n_windows += 1;
                    } else {
                        // More distinct windows than slots: charge the extra ones as full
                        // attention (an upper bound; no preset or importable family has more).
                        shape.unbounded_bytes_per_token += per_token;
                    }
                }
                Attention::KvLess { .. } | Attention::LinearAttention { .. } | Attention::Mamba2 { .. } => {
                    let state_bytes_per_seq =
                        group.attention.state_mixer(model.d_model).map_or(0.0, |s| s.state_bytes_per_seq);
                    shape.fixed_bytes += layers * state_bytes_per_seq * inputs.precision.kv_bits
                        / STATE_REFERENCE_BITS
                        * c.layer
                        * c.hidden
                        * gpu_share;
                }
            }
        }
        shape
    }

    /// Bytes for `kept_tokens` tokens kept in the cache (after token compression).
    ///
    /// # Formula
    /// `a · t + Σ_windows b_w · min(t, w) + fixed`.
    pub fn bytes(&self, kept_tokens: f64) -> f64 {
        let mut bytes = self.unbounded_bytes_per_token * kept_tokens + self.fixed_bytes;
        for &(b, w) in &self.windows[..self.n_windows] {
            bytes += b * kept_tokens.min(w);
        }
        bytes
    }

    /// Bytes per token while the context is shorter than every window (the headline
    /// "KV bytes per token").
    pub fn bytes_per_token(&self) -> f64 {
        self.unbounded_bytes_per_token + self.windows[..self.n_windows].iter().map(|(b, _)| b).sum::<f64>()
    }

    /// Largest kept-token count whose bytes fit in `budget_bytes`; `f64::INFINITY` when the
    /// cache stops growing below the budget; `None` when even an empty cache does not fit.
    pub fn max_kept_tokens(&self, budget_bytes: f64) -> Option<f64> {
        if self.fixed_bytes > budget_bytes || budget_bytes.is_nan() {
            return None;
        }
        // Walk the segments between window ends in increasing order; the slope drops at each.
        let mut ends: [f64; MAX_WINDOWS] = [f64::INFINITY; MAX_WINDOWS];
        for (i, &(_, w)) in self.windows[..self.n_windows].iter().enumerate() {
            ends[i] = w;
        }
        crate::sort::sort_stable_by(&mut ends[..self.n_windows], f64::total_cmp);
        let mut start = 0.0;
        for end in ends[..self.n_windows].iter().copied().chain(std::iter::once(f64::INFINITY)) {
            let slope = self.unbounded_bytes_per_token
                + self.windows[..self.n_windows].iter().filter(|(_, w)| *w > start).map(|(b, _)| b).sum::<f64>();
            let at_start = self.bytes(start);
            if slope <= 0.0 {
                if end.is_infinite() {
                    return Some(f64::INFINITY);
                }
            } else {
                let t = start + (budget_bytes - at_start) / slope;
                if t <= end {
                    return Some(t);
                }
            }
            start = end;
        }
        Some(f64::INFINITY)
    }
}

/// Context tokens whose cache is the given kept-token count, inverting the token compression.
pub fn ctx_for_kept_tokens(inputs: &Inputs, kept_tokens: f64) -> f64 {
    use crate::spec::TokenKeep;
    match inputs.compression.token {
        TokenKeep::Fraction { fraction } if fraction > 0.0 => kept_tokens / fraction,
        TokenKeep::Fraction { .. } => f64::INFINITY,
        TokenKeep::Budget { tokens } => {
            if kept_tokens >= tokens {
                f64::INFINITY
            } else {
                kept_tokens
            }
        }
    }
}
