//! Model architecture presets, one file per family; this module assembles the table.
//!
//! Every row is data: a const [`Arch`] (no code runs per row, no JSON is parsed at run time).
//! Where a Hugging Face `config.json` is stored in `tests/fixtures/hf-configs/`,
//! `tests/import.rs` checks that importing that file with [`crate::import::import_hf_config`]
//! gives exactly the same [`ModelSpec`]; rows without a stored file take their numbers from the
//! config or paper cited in `source`.
//!
//! Conventions shared by every row:
//! - every FFN of these families is gated (SwiGLU or GeGLU: 3 matrices) except GPT-3's;
//! - layers are grouped by attention kind, one group per distinct kind, in order of first
//!   appearance (as the importer groups them), since only the counts matter;
//! - MLA rows set `n_kv_heads` to the config's nominal `num_key_value_heads` (= query heads) and
//!   `head_dim` to the query/key head size `qk_nope_head_dim + qk_rope_head_dim`; neither enters
//!   an MLA layer's formulas, which use the ranks;
//! - an MoE layer's routed experts and a dense layer's FFN both use `d_ff` unless the family has
//!   a separate `moe_intermediate_size`; a family whose every layer is MoE keeps the config's
//!   `intermediate_size` in `d_ff` (unused) so that preset and import compare equal.
//!
//! Published counts are the documents' own figures. Computed counts follow [`crate::model`]
//! (no norms or biases); a test keeps every row within [`PARAMS_TOLERANCE`] of its published
//! figures.
//!
//! Every row names its `family` (the group the app and `kvscope list` show it under) and its
//! release month `released` (`YYYY-MM`, the first public weights), so lists can sort newest
//! first within a family ([`by_family`]).

use crate::spec::{Attention, LayerGroup, ModelSpec, Moe};

mod deepseek;
mod gemma;
mod jamba;
mod llama;
mod microsoft;
mod mistral;
mod openai;
mod qwen;
mod yi;
// arch (issue 10)
mod deepseek_v32;
mod kimi_linear;
mod llama4;
mod minimax01;
mod nemotron_h;
mod qwen3_next;
// catalog (issue 10)
mod allenai;
mod baichuan;
mod bytedance;
mod cohere;
mod huggingface;
mod ibm;
mod internlm;
mod moonshot;
mod tii;
mod zhipu;

pub use jamba::{
    mamba1_mixer, MAMBA_D_CONV, MAMBA_D_STATE, MAMBA_DT_RANK_DIVISOR, MAMBA_ELEMENTWISE_FLOP_PER_CHANNEL, MAMBA_EXPAND,
    MAMBA_SCAN_FLOP_PER_STATE_ELEMENT, STATE_REFERENCE_BYTES,
};

/// Largest relative gap allowed between a preset's computed and published parameter counts.
pub const PARAMS_TOLERANCE: f64 = 0.02;

/// What a published "active parameters" figure includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActiveCount {
    /// Every parameter a token touches, both embedding tables included, as
    /// [`ModelSpec::computed_params`] counts (Mixtral, DeepSeek, Qwen, Jamba).
    AllParams,
    /// The input embedding is left out (it is a lookup, not a matmul) but the output head is
    /// kept: OpenAI's gpt-oss model card counts active parameters this way.
    WithoutInputEmbedding,
    // arch (issue 10)
    /// Both published figures leave out the input embedding and the output head (MiniMax-01's
    /// 456B / 45.9B; Kimi Linear's and Qwen3-Next's "non-embedding" counts).
    NonEmbedding,
    /// The active figure is only the rounded one of the model's name (`A3B`, `A17B`): the
    /// computed active count must round to it (within half a unit of its last digit, one
    /// significant figure for `3e9`, two for `17e9`); `non_embedding` as in
    /// [`ActiveCount::NonEmbedding`] for both figures.
    Rounded {
        /// Both figures leave out the embedding and the output head.
        non_embedding: bool,
    },
    /// DeepSeek-V3.2-Exp keeps DeepSeek-V3's published figures (671B / 37B), which predate the
    /// DSA indexer: both are compared without the indexer's parameters.
    WithoutDsaIndexer,
    // catalog (issue 10)
    /// Both embedding tables are left out (input lookup and output head): the count Z.ai's GLM-4.5
    /// cards publish (GLM-4.5's "32B active" is 32.1B this way, 33.6B with the tables).
    WithoutEmbeddings,
}

/// An architecture as const data: a [`ModelSpec`] whose layer groups are a static slice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arch {
    /// Hidden size.
    pub d_model: u32,
    /// Query heads.
    pub n_q_heads: u32,
    /// KV heads.
    pub n_kv_heads: u32,
    /// Head dimension.
    pub head_dim: u32,
    /// Dense FFN width.
    pub d_ff: u32,
    /// Gated FFN.
    pub ffn_gated: bool,
    /// Vocabulary.
    pub vocab: u32,
    /// Tied input and output embeddings.
    pub tied_embeddings: bool,
    /// The layer groups.
    pub layers: &'static [LayerGroup],
    /// MoE FFNs.
    pub moe: Option<Moe>,
    // arch (issue 10)
    /// Layers with a mixer but no FFN ([`ModelSpec::mixer_only_layers`]).
    pub mixer_only_layers: u32,
}

impl Arch {
    /// The architecture as the cost model takes it.
    pub fn spec(&self) -> ModelSpec {
        ModelSpec {
            d_model: self.d_model,
            n_q_heads: self.n_q_heads,
            n_kv_heads: self.n_kv_heads,
            head_dim: self.head_dim,
            d_ff: self.d_ff,
            ffn_gated: self.ffn_gated,
            vocab: self.vocab,
            tied_embeddings: self.tied_embeddings,
            layers: self.layers.to_vec(),
            moe: self.moe,
            params_override: None,
            mixer_only_layers: self.mixer_only_layers,
        }
    }

    /// The same architecture with MoE FFNs.
    pub const fn with_moe(self, moe: Moe) -> Arch {
        Arch { moe: Some(moe), ..self }
    }
}

/// One model preset.
#[derive(Debug, Clone, Copy)]
pub struct ModelPreset {
    /// Permanent URL id, lowercase kebab-case (`llama-3.1-70b`).
    pub id: &'static str,
    /// Display name.
    pub label: &'static str,
    /// The family the preset is listed under (`Llama`, `Qwen`, `DeepSeek`).
    pub family: &'static str,
    /// Release month of the first public weights, `YYYY-MM` (sorts as text).
    pub released: &'static str,
    /// Published total parameter count.
    pub published_params: f64,
    /// Published active parameters per token (MoE), or the total for dense models.
    pub published_active_params: f64,
    /// What `published_active_params` includes.
    pub published_active_count: ActiveCount,
    /// Where the architecture and the published count come from.
    pub source: &'static str,
    /// The architecture.
    pub arch: Arch,
}

impl ModelPreset {
    /// The architecture as the cost model takes it.
    pub fn spec(&self) -> ModelSpec {
        self.arch.spec()
    }

    /// Computed (total, active per token) parameters, the active count following the same
    /// convention as `published_active_params`, so the two can be compared.
    pub fn computed_params_as_published(&self) -> (f64, f64) {
        let spec = self.spec();
        let (total, active) = spec.computed_params();
        let one_table = f64::from(spec.vocab) * f64::from(spec.d_model);
        match self.published_active_count {
            ActiveCount::AllParams | ActiveCount::Rounded { non_embedding: false } => (total, active),
            ActiveCount::WithoutInputEmbedding => (total, active - one_table),
            // catalog (issue 10): the active figure without either table, the total with both.
            ActiveCount::WithoutEmbeddings => {
                let tables = if spec.tied_embeddings { 1.0 } else { 2.0 };
                (total, active - tables * one_table)
            }
            ActiveCount::NonEmbedding | ActiveCount::Rounded { non_embedding: true } => {
                let emb = spec.embedding_params();
                (total - emb, active - emb)
            }
            ActiveCount::WithoutDsaIndexer => {
                let indexer: f64 = spec
                    .layers
                    .iter()
                    .map(|g| match g.attention {
                        Attention::Dsa { q_lora_rank, index_heads, index_head_dim, .. } => {
                            f64::from(g.count)
                                * crate::mixers::dsa_indexer_params(spec.d_model, q_lora_rank, index_heads, index_head_dim)
                        }
                        _ => 0.0,
                    })
                    .sum();
                (total - indexer, active - indexer)
            }
        }
    }
}

/// One group of layers.
pub(crate) const fn group(count: u32, attention: Attention) -> LayerGroup {
    LayerGroup { count, attention }
}

/// A decoder with a gated FFN on every layer and the given layer groups.
#[allow(clippy::too_many_arguments)]
pub(crate) const fn gated(
    d_model: u32,
    n_q_heads: u32,
    n_kv_heads: u32,
    head_dim: u32,
    d_ff: u32,
    vocab: u32,
    tied_embeddings: bool,
    layers: &'static [LayerGroup],
) -> Arch {
    Arch { d_model, n_q_heads, n_kv_heads, head_dim, d_ff, ffn_gated: true, vocab, tied_embeddings, layers, moe: None, mixer_only_layers: 0 }
}

/// MoE FFNs without shared experts.
pub(crate) const fn moe(n_experts: u32, top_k: u32, d_expert: u32, n_moe_layers: u32) -> Moe {
    Moe { n_experts, top_k, d_expert, n_shared_experts: 0, d_shared_expert: 0, n_moe_layers }
}

/// MoE FFNs with `n_shared` shared experts of width `d_shared`.
pub(crate) const fn moe_shared(
    n_experts: u32,
    top_k: u32,
    d_expert: u32,
    n_shared: u32,
    d_shared: u32,
    n_moe_layers: u32,
) -> Moe {
    Moe { n_experts, top_k, d_expert, n_shared_experts: n_shared, d_shared_expert: d_shared, n_moe_layers }
}

/// The family tables, in display order: the paper's model first.
const PARTS: &[&[ModelPreset]] = &[
    yi::ROWS,
    llama::ROWS,
    mistral::ROWS,
    qwen::ROWS,
    gemma::ROWS,
    microsoft::ROWS,
    openai::ROWS,
    deepseek::ROWS,
    jamba::ROWS,
    // arch (issue 10)
    qwen3_next::ROWS,
    llama4::ROWS,
    deepseek_v32::ROWS,
    kimi_linear::ROWS,
    minimax01::ROWS,
    nemotron_h::ROWS,
    // catalog (issue 10)
    moonshot::ROWS,
    zhipu::ROWS,
    cohere::ROWS,
    tii::ROWS,
    allenai::ROWS,
    ibm::ROWS,
    internlm::ROWS,
    baichuan::ROWS,
    bytedance::ROWS,
    huggingface::ROWS,
];

const N_MODELS: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < PARTS.len() {
        n += PARTS[i].len();
        i += 1;
    }
    n
};

/// All model presets: the family tables joined, at compile time.
pub const MODELS: &[ModelPreset] = &{
    let mut out = [yi::ROWS[0]; N_MODELS];
    let mut k = 0;
    let mut i = 0;
    while i < PARTS.len() {
        let mut j = 0;
        while j < PARTS[i].len() {
            out[k] = PARTS[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
};

/// Look a preset up by its id.
pub fn model_by_id(id: &str) -> Option<&'static ModelPreset> {
    MODELS.iter().find(|p| p.id == id)
}

/// The presets grouped by family (families in table order), newest first within a family
/// (ties keep table order).
pub fn by_family() -> Vec<(&'static str, Vec<&'static ModelPreset>)> {
    let mut out: Vec<(&'static str, Vec<&'static ModelPreset>)> = Vec::new();
    for p in MODELS {
        match out.iter_mut().find(|(f, _)| *f == p.family) {
            Some((_, rows)) => rows.push(p),
            None => out.push((p.family, vec![p])),
        }
    }
    for (_, rows) in &mut out {
        crate::sort::sort_stable_by(rows, |a, b| b.released.cmp(a.released));
    }
    out
}

#[cfg(test)]
mod tests;
