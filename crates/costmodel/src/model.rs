//! Parameter counts and per-token FLOP of an architecture.
//!
//! Counted: attention projections, FFNs (dense, routed and shared experts, routers), the
//! token mixers of KV-less layers, the input embedding and the output head (unless tied).
//! Not counted: norms and biases (under 0.01% of any preset).

use crate::spec::{Attention, ModelSpec};

/// Matrices in a gated FFN (gate, up, down).
pub const GATED_FFN_MATRICES: f64 = 3.0;
/// Matrices in a plain FFN (up, down).
pub const PLAIN_FFN_MATRICES: f64 = 2.0;

impl ModelSpec {
    /// Number of layers.
    pub fn n_layers(&self) -> u32 {
        self.layers.iter().map(|g| g.count).sum()
    }

    fn ffn_matrices(&self) -> f64 {
        if self.ffn_gated {
            GATED_FFN_MATRICES
        } else {
            PLAIN_FFN_MATRICES
        }
    }

    /// Attention (or mixer) parameters of one layer of the given kind.
    ///
    /// # Formula
    /// Full / sliding: `d·H_q·d_h (Q) + 2·d·H_kv·d_h (K, V) + H_q·d_h·d (O)`.
    /// MLA: `Q (d·r_q + r_q·H_q·(d_nope + d_rope), or d·H_q·(d_nope + d_rope) without r_q)
    /// + d·(r_kv + d_rope) + r_kv·H_q·(d_nope + d_v) + H_q·d_v·d`.
    /// DSA: MLA plus the indexer ([`crate::mixers::dsa_indexer_params`]). Linear attention and
    /// Mamba-2: [`crate::mixers`]. Chunked local: as full attention.
    pub fn attention_params_per_layer(&self, attention: &Attention) -> f64 {
        let d = f64::from(self.d_model);
        let hq = f64::from(self.n_q_heads);
        match *attention {
            Attention::Full | Attention::SlidingWindow { .. } | Attention::ChunkedLocal { .. } => {
                let dh = f64::from(self.head_dim);
                let hkv = f64::from(self.n_kv_heads);
                d * hq * dh + 2.0 * d * hkv * dh + hq * dh * d
            }
            Attention::GatedFull => {
                let gate = d * hq * f64::from(self.head_dim);
                self.attention_params_per_layer(&Attention::Full) + gate
            }
            Attention::Mla { kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim } => {
                let r_kv = f64::from(kv_lora_rank);
                let r_q = f64::from(q_lora_rank);
                let qk = f64::from(qk_rope_head_dim + qk_nope_head_dim);
                let rope = f64::from(qk_rope_head_dim);
                let nope = f64::from(qk_nope_head_dim);
                let dv = f64::from(v_head_dim);
                let q = if q_lora_rank == 0 { d * hq * qk } else { d * r_q + r_q * hq * qk };
                q + d * (r_kv + rope) + r_kv * hq * (nope + dv) + hq * dv * d
            }
            Attention::Dsa { kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim, index_heads, index_head_dim, .. } => {
                let mla = Attention::Mla { kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim };
                self.attention_params_per_layer(&mla)
                    + crate::mixers::dsa_indexer_params(self.d_model, q_lora_rank, index_heads, index_head_dim)
            }
            Attention::KvLess { .. } | Attention::LinearAttention { .. } | Attention::Mamba2 { .. } => {
                attention.state_mixer(self.d_model).map_or(0.0, |s| s.mixer_params)
            }
        }
    }

    /// Parameters of one dense FFN.
    pub fn dense_ffn_params(&self) -> f64 {
        self.ffn_matrices() * f64::from(self.d_model) * f64::from(self.d_ff)
    }

    /// Input embedding plus output head (once if tied).
    pub fn embedding_params(&self) -> f64 {
        let one = f64::from(self.vocab) * f64::from(self.d_model);
        if self.tied_embeddings {
            one
        } else {
            2.0 * one
        }
    }

    /// Computed parameters: (total, active per token), embeddings and head included.
    pub fn computed_params(&self) -> (f64, f64) {
        let d = f64::from(self.d_model);
        let attention: f64 = self
            .layers
            .iter()
            .map(|g| f64::from(g.count) * self.attention_params_per_layer(&g.attention))
            .sum();
        let n_layers = f64::from(self.n_layers().saturating_sub(self.mixer_only_layers));
        let (ffn_total, ffn_active) = match self.moe {
            None => (n_layers * self.dense_ffn_params(), n_layers * self.dense_ffn_params()),
            Some(moe) => {
                let moe_layers = f64::from(moe.n_moe_layers);
                let dense_layers = n_layers - moe_layers;
                let m = self.ffn_matrices();
                let expert = m * d * f64::from(moe.d_expert);
                let shared = f64::from(moe.n_shared_experts) * m * d * f64::from(moe.d_shared_expert);
                let router = d * f64::from(moe.n_experts);
                let dense = dense_layers * self.dense_ffn_params();
                let total = dense + moe_layers * (f64::from(moe.n_experts) * expert + shared + router);
                let active = dense + moe_layers * (f64::from(moe.top_k) * expert + shared + router);
                (total, active)
            }
        };
        let emb = self.embedding_params();
        (attention + ffn_total + emb, attention + ffn_active + emb)
    }

    /// The parameter counts the cost model uses, computed once. With an override of the total,
    /// the computed active count is scaled by the same ratio.
    pub fn params(&self) -> ParamCounts {
        let (computed_total, computed_active) = self.computed_params();
        let scale = match self.params_override {
            Some(p) if computed_total > 0.0 => p / computed_total,
            _ => 1.0,
        };
        let active = computed_active * scale;
        ParamCounts {
            total: self.params_override.unwrap_or(computed_total),
            active,
            active_nonembedding: (active - self.embedding_params()).max(0.0),
            override_scale: scale,
        }
    }

    /// Total parameters used by the cost model: the override when set, else the computed count.
    pub fn total_params(&self) -> f64 {
        self.params().total
    }

    /// Active parameters per token used by the cost model.
    pub fn active_params(&self) -> f64 {
        self.params().active
    }

    /// Parameters of one routed expert in one layer (before any override scaling).
    pub fn expert_params(&self) -> f64 {
        match self.moe {
            Some(moe) => self.ffn_matrices() * f64::from(self.d_model) * f64::from(moe.d_expert),
            None => 0.0,
        }
    }
}

/// Parameter counts as the cost model uses them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamCounts {
    /// Total parameters (all experts).
    pub total: f64,
    /// Active per token.
    pub active: f64,
    /// Active per token without the embedding and the output head (the output head is charged
    /// separately, for the tokens whose logits are computed).
    pub active_nonembedding: f64,
    /// Override of the total over the computed total (1 without an override).
    pub override_scale: f64,
}
