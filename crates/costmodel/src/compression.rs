//! KV-cache compression along the paper's four axes (layer, head, token, hidden), with named
//! presets of published methods. Each preset is data with its source; the factor it gives is a
//! multiplier of KV bytes in (0, 1].
//!
//! GQA, MQA and MLA are architecture, not compression: they live in the model.

use serde::{Deserialize, Serialize};

/// The paper's four axes of KV compression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    /// Fewer layers keep their own KV (cross-layer sharing).
    Layer,
    /// Fewer KV heads kept.
    Head,
    /// Fewer context tokens kept.
    Token,
    /// Fewer bits (or a lower rank) per element.
    Hidden,
}

impl Axis {
    /// All four, in the paper's order.
    pub const ALL: [Axis; 4] = [Axis::Layer, Axis::Head, Axis::Token, Axis::Hidden];

    /// The URL key of this axis's setting.
    pub fn key(self) -> &'static str {
        match self {
            Axis::Layer => "kv_layer",
            Axis::Head => "kv_head",
            Axis::Token => "kv_token",
            Axis::Hidden => "kv_hidden",
        }
    }

    /// Display name.
    pub fn label(self) -> &'static str {
        match self {
            Axis::Layer => "layer",
            Axis::Head => "head",
            Axis::Token => "token",
            Axis::Hidden => "hidden",
        }
    }
}

/// What a method keeps.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Keep {
    /// A fixed fraction of the axis.
    Fraction {
        /// The fraction kept, in (0, 1].
        fraction: f64,
    },
    /// A fixed budget of context tokens (token axis only).
    TokenBudget {
        /// Tokens kept.
        tokens: f64,
    },
    /// An effective bit width per element, scale and zero-point overhead included (hidden
    /// axis only); the factor is `bits / kv_bits`, at most 1.
    Bits {
        /// Effective bits per element.
        bits: f64,
    },
}

/// A published KV-compression method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Method {
    /// Permanent URL id.
    pub id: &'static str,
    /// Display name.
    pub label: &'static str,
    /// The axis it compresses.
    pub axis: Axis,
    /// What it keeps.
    pub keep: Keep,
    /// The paper, and how the factor follows from it.
    pub source: &'static str,
}

/// Published methods, by axis.
pub const METHODS: &[Method] = &[
    Method {
        id: "cla-2",
        label: "Cross-layer attention, sharing factor 2",
        axis: Axis::Layer,
        keep: Keep::Fraction { fraction: 0.5 },
        source: "Brandon et al., Reducing Transformer Key-Value Cache Size with Cross-Layer Attention, arXiv:2405.12981 (2024): CLA2 shares each KV between 2 adjacent layers, halving the cache.",
    },
    Method {
        id: "cla-3",
        label: "Cross-layer attention, sharing factor 3",
        axis: Axis::Layer,
        keep: Keep::Fraction { fraction: 1.0 / 3.0 },
        source: "Brandon et al., arXiv:2405.12981 (2024): CLA3 shares each KV among 3 layers, a third of the cache.",
    },
    Method {
        id: "minicache",
        label: "MiniCache (merge the deeper half pairwise)",
        axis: Axis::Layer,
        keep: Keep::Fraction { fraction: 0.75 },
        source: "Liu et al., MiniCache: KV Cache Compression in Depth Dimension, arXiv:2405.14366 (2024): merges adjacent layers from the middle to the end, so half the layers keep half: 1 − 1/2 · 1/2 = 0.75.",
    },
    Method {
        id: "duo-attention-gqa",
        label: "DuoAttention (GQA models)",
        axis: Axis::Head,
        keep: Keep::Fraction { fraction: 0.6 },
        source: "Xiao et al., DuoAttention, arXiv:2410.10819 (2024): only retrieval heads keep the full cache; up to 1.67× less memory for GQA models, 1/1.67 = 0.6.",
    },
    Method {
        id: "duo-attention-mha",
        label: "DuoAttention (MHA models)",
        axis: Axis::Head,
        keep: Keep::Fraction { fraction: 0.39 },
        source: "Xiao et al., DuoAttention, arXiv:2410.10819 (2024): up to 2.55× less memory for MHA models, 1/2.55 = 0.39.",
    },
    Method {
        id: "streamingllm-4k",
        label: "StreamingLLM (4 sinks + 4,092 recent)",
        axis: Axis::Token,
        keep: Keep::TokenBudget { tokens: 4096.0 },
        source: "Xiao et al., Efficient Streaming Language Models with Attention Sinks, arXiv:2309.17453 (2023): 4 sink tokens plus a recent window; 4,096 tokens kept in all.",
    },
    Method {
        id: "snapkv-1024",
        label: "SnapKV (1,024-token budget)",
        axis: Axis::Token,
        keep: Keep::TokenBudget { tokens: 1024.0 },
        source: "Li et al., SnapKV: LLM Knows What You are Looking for Before Generation, arXiv:2404.14469 (2024): evaluated with KV budgets of 1,024 to 4,096 tokens.",
    },
    Method {
        id: "snapkv-4096",
        label: "SnapKV (4,096-token budget)",
        axis: Axis::Token,
        keep: Keep::TokenBudget { tokens: 4096.0 },
        source: "Li et al., arXiv:2404.14469 (2024): the 4,096-token budget.",
    },
    Method {
        id: "h2o-20",
        label: "H2O (20% heavy hitters + recent)",
        axis: Axis::Token,
        keep: Keep::Fraction { fraction: 0.2 },
        source: "Zhang et al., H2O: Heavy-Hitter Oracle, arXiv:2306.14048 (2023): 20% of the cache kept (heavy hitters plus recent tokens).",
    },
    Method {
        id: "fp8",
        label: "FP8 KV cache",
        axis: Axis::Hidden,
        keep: Keep::Bits { bits: 8.0 },
        source: "FP8 (E4M3/E5M2) KV cache with a per-tensor scale, as vLLM's kv_cache_dtype=fp8: 8 bits per element, negligible scale overhead.",
    },
    Method {
        id: "kvquant-3",
        label: "KVQuant 3-bit (1% outliers)",
        axis: Axis::Hidden,
        keep: Keep::Bits { bits: 3.33 },
        source: "Hooper et al., KVQuant, arXiv:2401.18079 (2024): 3-bit with 1% dense-and-sparse outliers, a 4.8× reduction from fp16: 16 / 4.8 = 3.33 effective bits.",
    },
    Method {
        id: "kivi-2",
        label: "KIVI 2-bit (group 32)",
        axis: Axis::Hidden,
        keep: Keep::Bits { bits: 3.0 },
        source: "Liu et al., KIVI, arXiv:2402.02750 (2024): 2-bit keys per channel and values per token, groups of 32 with an fp16 scale and zero point: 2 + 2·16/32 = 3 effective bits.",
    },
    Method {
        id: "palu-50",
        label: "Palu low-rank (50%)",
        axis: Axis::Hidden,
        keep: Keep::Fraction { fraction: 0.5 },
        source: "Chang et al., Palu: Compressing KV-Cache with Low-Rank Projection, arXiv:2407.21118 (2024): 50% low-rank compression of the hidden dimension.",
    },
];

/// Look a method up by id.
pub fn method_by_id(id: &str) -> Option<&'static Method> {
    METHODS.iter().find(|m| m.id == id)
}

impl Method {
    /// The factor this method gives at a given KV precision (for bit methods) or for the factor
    /// axes; token budgets are applied per context and return `None` here.
    pub fn fraction(&self, kv_bits: f64) -> Option<f64> {
        match self.keep {
            Keep::Fraction { fraction } => Some(fraction),
            Keep::Bits { bits } => Some((bits / kv_bits).min(1.0)),
            Keep::TokenBudget { .. } => None,
        }
    }

    /// The factor at a context length: budgets become `min(1, budget / ctx)`.
    pub fn fraction_at(&self, kv_bits: f64, ctx_tokens: f64) -> f64 {
        match self.keep {
            Keep::TokenBudget { tokens } => (tokens / ctx_tokens).min(1.0),
            _ => self.fraction(kv_bits).unwrap_or(1.0),
        }
    }
}
