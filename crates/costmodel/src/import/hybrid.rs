//! The config types of issue 10's layer kinds (the transformers modelling code is the
//! reference for every key):
//! - `qwen3_next`, `qwen3_5_moe` / `qwen3_5` (text model in `text_config` when wrapped): Gated
//!   DeltaNet (`linear_num_key_heads`, `linear_num_value_heads`, `linear_key_head_dim`,
//!   `linear_value_head_dim`, `linear_conv_kernel_dim`) and gated full attention, per
//!   `layer_types` or every `full_attention_interval`-th layer; MoE as qwen2_moe (one shared
//!   expert of `shared_expert_intermediate_size`).
//! - `llama4` (`text_config`): chunked attention (`attention_chunk_size`) on the RoPE layers,
//!   full attention on the NoPE layers (`no_rope_layers`, else every
//!   `no_rope_layer_interval`-th, default 4); MoE of `num_local_experts` of
//!   `intermediate_size` plus one shared expert on `moe_layers` (else every
//!   `interleave_moe_layer_step`-th), dense FFNs of `intermediate_size_mlp`.
//! - `minimax` / `minimax_m1`: `attn_type_list` (0 lightning, 1 softmax); MoE on every layer.
//! - `kimi_linear`: `linear_attn_config` (`kda_layers` 1-based, `num_heads`, `head_dim`,
//!   `short_conv_kernel_size`), MLA elsewhere; MoE as DeepSeek (`num_experts`,
//!   `num_experts_per_token`, `num_shared_experts`, `first_k_dense_replace`).
//! - `nemotron_h`: `hybrid_override_pattern` (`M` Mamba-2, `*` attention, `-` MLP); Mamba-2 from
//!   `mamba_num_heads`, `mamba_head_dim`, `ssm_state_size`, `n_groups`, `conv_kernel`; plain
//!   (squared-ReLU) MLPs of `intermediate_size`.
//! - `deepseek_v32`: DeepSeek-V3 with DSA (`index_n_heads`, `index_head_dim`, `index_topk`).

use serde_json::Value;

use super::{count, describe, int_value, Builder, Family, ImportError, Section, MAX_LAYERS, MAX_SIZE};
use crate::spec::{Attention, LinearRule, Moe};

/// `full_attention_interval` default of `Qwen3NextConfig`.
const QWEN3_NEXT_FULL_INTERVAL: u32 = 4;
/// `linear_conv_kernel_dim` default of `Qwen3NextConfig`; `short_conv_kernel_size` of Kimi.
const DEFAULT_LINEAR_CONV: u32 = 4;
/// `no_rope_layer_interval` default of `Llama4TextConfig`.
const LLAMA4_NOPE_INTERVAL: u32 = 4;
/// `intermediate_size_mlp` default of `Llama4TextConfig`.
const LLAMA4_MLP_DEFAULT: u32 = 16384;
/// `conv_kernel` default of `NemotronHConfig`.
const NEMOTRON_H_CONV: u32 = 4;

impl Family {
    /// A family of issue 10, read by this module.
    pub(super) fn is_issue10(self) -> bool {
        matches!(
            self,
            Family::Qwen3Next
                | Family::Qwen35
                | Family::Llama4
                | Family::MiniMax
                | Family::KimiLinear
                | Family::NemotronH
                | Family::DeepseekV32
        )
    }
}

impl Builder<'_> {
    /// The dense FFN width.
    pub(super) fn issue10_d_ff(&mut self) -> Result<u32, ImportError> {
        match self.sec.family {
            Family::Llama4 => self.with_default("intermediate_size_mlp", 1, MAX_SIZE, LLAMA4_MLP_DEFAULT),
            Family::Qwen35 if self.sec.int("intermediate_size", 1, MAX_SIZE)?.is_none() => {
                let w = self.required("moe_intermediate_size", 1, MAX_SIZE, "the width of one routed expert")?;
                let field = self.sec.field("intermediate_size");
                self.warn(
                    field.clone(),
                    format!("`{field}` is absent (every layer is MoE): the dense width is taken as the expert width, {w} (unused)"),
                );
                Ok(w)
            }
            _ => self.required("intermediate_size", 1, MAX_SIZE, "the FFN width"),
        }
    }

    /// A list of `n` entries under `key`, each read by `read` (its field name and value).
    fn per_layer<T>(
        &mut self,
        key: &str,
        n_layers: u32,
        expected: &str,
        mut read: impl FnMut(&str, &Value) -> Option<T>,
    ) -> Result<Option<Vec<T>>, ImportError> {
        let field = self.sec.field(key);
        let list = match self.sec.map.get(key) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::Array(list)) => list,
            Some(other) => {
                return Err(ImportError::WrongType { field, found: describe(other), expected: format!("a list of {expected}, one per layer") })
            }
        };
        self.sec.one_per_layer(&field, list.len(), n_layers)?;
        let mut out = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            let f = format!("{field}[{i}]");
            match read(&f, v) {
                Some(t) => out.push(t),
                None => return Err(ImportError::WrongType { field: f, found: describe(v), expected: expected.to_owned() }),
            }
        }
        Ok(Some(out))
    }

    /// One attention kind per layer (for Nemotron-H: per mixer layer).
    pub(super) fn issue10_layout(
        &mut self,
        n_layers: u32,
        n_q_heads: u32,
        head_dim: u32,
        mla: Option<Attention>,
    ) -> Result<Vec<Attention>, ImportError> {
        let n = usize::try_from(n_layers).unwrap_or(0);
        match self.sec.family {
            Family::Qwen3Next | Family::Qwen35 => {
                let linear = Attention::LinearAttention {
                    rule: LinearRule::GatedDeltaNet,
                    key_heads: self.required("linear_num_key_heads", 1, MAX_SIZE, "the Gated DeltaNet key heads")?,
                    value_heads: self.required("linear_num_value_heads", 1, MAX_SIZE, "the Gated DeltaNet value heads")?,
                    key_head_dim: self.required("linear_key_head_dim", 1, MAX_SIZE, "the Gated DeltaNet key head size")?,
                    value_head_dim: self.required("linear_value_head_dim", 1, MAX_SIZE, "the Gated DeltaNet value head size")?,
                    conv_kernel: self.with_default("linear_conv_kernel_dim", 0, MAX_SIZE, DEFAULT_LINEAR_CONV)?,
                };
                // Qwen3-Next's full layers always gate their output; Qwen3.5 says so in
                // `attn_output_gate` (default true).
                let gated = match self.sec.boolean("attn_output_gate")? {
                    Some(b) => b,
                    None if self.sec.family == Family::Qwen35 => self.defaulted("attn_output_gate", true),
                    None => true,
                };
                let full = if gated { Attention::GatedFull } else { Attention::Full };
                let types = self.per_layer("layer_types", n_layers, "\"linear_attention\" or \"full_attention\"", |_, v| match v.as_str() {
                    Some("linear_attention") => Some(linear),
                    Some("full_attention") => Some(full),
                    _ => None,
                })?;
                if let Some(kinds) = types {
                    return Ok(kinds);
                }
                let every = self.with_default("full_attention_interval", 1, MAX_LAYERS, QWEN3_NEXT_FULL_INTERVAL)?;
                Ok((0..n_layers).map(|i| if (i + 1).is_multiple_of(every) { full } else { linear }).collect())
            }
            Family::Llama4 => {
                let chunk = self.sec.int("attention_chunk_size", 1, MAX_SIZE)?;
                let local = chunk.map_or(Attention::Full, |c| Attention::ChunkedLocal { chunk_tokens: c });
                let rope = self.per_layer("no_rope_layers", n_layers, "1 (RoPE, chunked) or 0 (NoPE, global)", |_, v| match v.as_u64() {
                    Some(1) => Some(true),
                    Some(0) => Some(false),
                    _ => None,
                })?;
                let rope = match rope {
                    Some(r) => r,
                    None => {
                        let every = self.with_default("no_rope_layer_interval", 1, MAX_LAYERS, LLAMA4_NOPE_INTERVAL)?;
                        (0..n_layers).map(|i| !(i + 1).is_multiple_of(every)).collect()
                    }
                };
                Ok(rope.into_iter().map(|r| if r { local } else { Attention::Full }).collect())
            }
            Family::MiniMax => {
                let lightning = Attention::LinearAttention {
                    rule: LinearRule::Lightning,
                    key_heads: n_q_heads,
                    value_heads: n_q_heads,
                    key_head_dim: head_dim,
                    value_head_dim: head_dim,
                    conv_kernel: 0,
                };
                match self.per_layer("attn_type_list", n_layers, "0 (lightning attention) or 1 (softmax attention)", |_, v| match v.as_u64() {
                    Some(0) => Some(lightning),
                    Some(1) => Some(Attention::Full),
                    _ => None,
                })? {
                    Some(kinds) => Ok(kinds),
                    None => Err(ImportError::MissingField {
                        field: self.sec.field("attn_type_list"),
                        expected: "the attention kind of each layer, a list of 0 (lightning) and 1 (softmax)".to_owned(),
                    }),
                }
            }
            Family::KimiLinear => self.kimi_layout(n_layers, mla),
            Family::NemotronH => self.nemotron_layout(n),
            Family::DeepseekV32 => {
                let Some(Attention::Mla { kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim }) = mla else {
                    return Ok(vec![Attention::Full; n]);
                };
                let dsa = Attention::Dsa {
                    kv_lora_rank,
                    q_lora_rank,
                    qk_rope_head_dim,
                    qk_nope_head_dim,
                    v_head_dim,
                    index_heads: self.required("index_n_heads", 1, MAX_SIZE, "the lightning indexer's heads")?,
                    index_head_dim: self.required("index_head_dim", 1, MAX_SIZE, "the lightning indexer's head size")?,
                    index_topk: self.required("index_topk", 1, MAX_SIZE, "the tokens each query attends to")?,
                };
                Ok(vec![dsa; n])
            }
            _ => Ok(vec![Attention::Full; n]),
        }
    }

    /// Kimi Linear: KDA on the 1-based `linear_attn_config.kda_layers`, MLA elsewhere.
    fn kimi_layout(&mut self, n_layers: u32, mla: Option<Attention>) -> Result<Vec<Attention>, ImportError> {
        let field = self.sec.field("linear_attn_config");
        let map = match self.sec.map.get("linear_attn_config") {
            Some(Value::Object(m)) => m,
            None | Some(Value::Null) => {
                return Err(ImportError::MissingField {
                    field,
                    expected: "the KDA settings, an object with kda_layers, num_heads, head_dim".to_owned(),
                })
            }
            Some(other) => return Err(ImportError::WrongType { field, found: describe(other), expected: "an object".to_owned() }),
        };
        let outer = std::mem::replace(&mut self.sec, Section { map, prefix: "linear_attn_config.", family: Family::KimiLinear });
        let read = (|| {
            let heads = self.required("num_heads", 1, MAX_SIZE, "the KDA heads")?;
            let dim = self.required("head_dim", 1, MAX_SIZE, "the KDA head size")?;
            let conv = self.with_default("short_conv_kernel_size", 0, MAX_SIZE, DEFAULT_LINEAR_CONV)?;
            let kda_field = self.sec.field("kda_layers");
            let layers: Vec<u32> = match self.sec.map.get("kda_layers") {
                Some(Value::Array(list)) => list
                    .iter()
                    .enumerate()
                    .map(|(i, v)| int_value(&format!("{kda_field}[{i}]"), v, 1, u64::from(n_layers)))
                    .collect::<Result<_, _>>()?,
                None | Some(Value::Null) => {
                    return Err(ImportError::MissingField { field: kda_field, expected: "the 1-based indices of the KDA layers".to_owned() })
                }
                Some(other) => return Err(ImportError::WrongType { field: kda_field, found: describe(other), expected: "a list of layer numbers".to_owned() }),
            };
            Ok((heads, dim, conv, layers))
        })();
        self.sec = outer;
        let (heads, dim, conv, kda_layers) = read?;
        let kda = Attention::LinearAttention {
            rule: LinearRule::KimiDelta,
            key_heads: heads,
            value_heads: heads,
            key_head_dim: dim,
            value_head_dim: dim,
            conv_kernel: conv,
        };
        let full = mla.unwrap_or(Attention::Full);
        Ok((0..n_layers).map(|i| if kda_layers.contains(&(i + 1)) { kda } else { full }).collect())
    }

    /// Nemotron-H: the mixer layers of `hybrid_override_pattern`, pairing each MLP with one.
    fn nemotron_layout(&mut self, n: usize) -> Result<Vec<Attention>, ImportError> {
        let field = self.sec.field("hybrid_override_pattern");
        let pattern = match self.sec.map.get("hybrid_override_pattern") {
            Some(Value::String(s)) => s.clone(),
            None | Some(Value::Null) => {
                return Err(ImportError::MissingField { field, expected: "the layer pattern, a string of M, * and -".to_owned() })
            }
            Some(other) => return Err(ImportError::WrongType { field, found: describe(other), expected: "a string of M, * and -".to_owned() }),
        };
        if pattern.chars().count() != n {
            let layers_field = self.sec.field("num_hidden_layers");
            return Err(ImportError::Contradiction {
                field: field.clone(),
                other_field: layers_field.clone(),
                detail: format!("`{field}` has {} characters but `{layers_field}` is {n}: one per layer", pattern.chars().count()),
            });
        }
        let mamba = if pattern.contains('M') {
            Attention::Mamba2 {
                heads: self.required("mamba_num_heads", 1, MAX_SIZE, "the Mamba-2 heads")?,
                head_dim: self.required("mamba_head_dim", 1, MAX_SIZE, "the Mamba-2 head size")?,
                d_state: self.required("ssm_state_size", 1, MAX_SIZE, "the SSM state size")?,
                groups: self.required("n_groups", 1, MAX_SIZE, "the Mamba-2 B/C groups")?,
                conv_kernel: self.with_default("conv_kernel", 0, MAX_SIZE, NEMOTRON_H_CONV)?,
            }
        } else {
            Attention::Full
        };
        let mut kinds = Vec::new();
        let mut mlps = 0u32;
        for (i, c) in pattern.chars().enumerate() {
            match c {
                'M' => kinds.push(mamba),
                '*' => kinds.push(Attention::Full),
                '-' => mlps = mlps.saturating_add(1),
                _ => {
                    return Err(ImportError::WrongType {
                        field: format!("{field}[{i}]"),
                        found: format!("the character {}", super::quote(&c.to_string())),
                        expected: "M (Mamba-2), * (attention) or - (MLP); MoE layers (E) are not supported".to_owned(),
                    })
                }
            }
        }
        let mixers = u32::try_from(kinds.len()).unwrap_or(u32::MAX);
        if mixers == 0 || mlps > mixers {
            return Err(ImportError::Contradiction {
                field: field.clone(),
                other_field: field.clone(),
                detail: format!("`{field}` has {mixers} mixer layers (M, *) and {mlps} MLP layers (-): the cost model needs at least one mixer per MLP"),
            });
        }
        self.mixer_only_layers = mixers - mlps;
        Ok(kinds)
    }

    /// The MoE layers of an issue-10 family.
    pub(super) fn issue10_moe(&mut self, n_layers: u32) -> Result<Option<Moe>, ImportError> {
        let family = self.sec.family;
        let (n_experts, top_k, d_expert, n_shared, d_shared, n_moe_layers) = match family {
            Family::Qwen3Next | Family::Qwen35 => {
                if self.sec.int("num_experts", 0, MAX_SIZE)?.unwrap_or(0) == 0 {
                    return Ok(None);
                }
                let top_k = self.top_k()?;
                let n_experts = self.experts("num_experts", 1, top_k)?;
                let d_expert = self.required("moe_intermediate_size", 1, MAX_SIZE, "the width of one routed expert")?;
                let w = self.with_default("shared_expert_intermediate_size", 0, MAX_SIZE, 0)?;
                let step = self.with_default("decoder_sparse_step", 1, MAX_LAYERS, 1)?;
                let dense_only = self.mlp_only_layers(n_layers)?;
                let layers = count(n_layers, |i| !dense_only.contains(&i) && (i + 1).is_multiple_of(step));
                (n_experts, top_k, d_expert, u32::from(w > 0), w, layers)
            }
            Family::Llama4 => {
                let top_k = self.top_k()?;
                let n_experts = self.experts("num_local_experts", 1, top_k)?;
                let d_expert = self.required("intermediate_size", 1, MAX_SIZE, "the width of one routed expert")?;
                let listed = match self.sec.map.get("moe_layers") {
                    Some(Value::Array(list)) => Some(list.len()),
                    _ => None,
                };
                let layers = match listed {
                    Some(l) => u32::try_from(l).unwrap_or(u32::MAX).min(n_layers),
                    None => {
                        let step = self.with_default("interleave_moe_layer_step", 1, MAX_LAYERS, 1)?;
                        count(n_layers, |i| (i + 1).is_multiple_of(step))
                    }
                };
                // Every Llama 4 MoE layer has one shared expert as wide as a routed one.
                (n_experts, top_k, d_expert, 1, d_expert, layers)
            }
            Family::MiniMax => {
                let top_k = self.top_k()?;
                let n_experts = self.experts("num_local_experts", 1, top_k)?;
                let d_expert = self.required("intermediate_size", 1, MAX_SIZE, "the width of one expert")?;
                let w = self.sec.int("shared_intermediate_size", 0, MAX_SIZE)?.unwrap_or(0);
                (n_experts, top_k, d_expert, u32::from(w > 0), w, n_layers)
            }
            Family::KimiLinear => {
                let top_k = self.required("num_experts_per_token", 1, MAX_SIZE, "the number of experts each token uses")?;
                let n_experts = self.required("num_experts", 1, MAX_SIZE, "the number of routed experts")?;
                if top_k > n_experts {
                    return Err(ImportError::Contradiction {
                        field: self.sec.field("num_experts_per_token"),
                        other_field: self.sec.field("num_experts"),
                        detail: format!("`num_experts_per_token` ({top_k}) is more than `num_experts` ({n_experts})"),
                    });
                }
                let d_expert = self.required("moe_intermediate_size", 1, MAX_SIZE, "the width of one routed expert")?;
                let n_shared = self.sec.int("num_shared_experts", 0, MAX_SIZE)?.unwrap_or(0);
                let first = self.with_default("first_k_dense_replace", 0, MAX_LAYERS, 0)?;
                let freq = self.with_default("moe_layer_freq", 1, MAX_LAYERS, 1)?;
                let layers = count(n_layers, |i| i >= first && i.is_multiple_of(freq));
                (n_experts, top_k, d_expert, n_shared, if n_shared > 0 { d_expert } else { 0 }, layers)
            }
            Family::DeepseekV32 => {
                // DeepSeek-V3.2's MoE keys are DeepSeek-V3's (`DeepseekV32Config` extends it).
                self.sec.family = Family::DeepseekV3;
                let moe = self.moe(n_layers, 0);
                self.sec.family = Family::DeepseekV32;
                return moe;
            }
            _ => return Ok(None),
        };
        if n_moe_layers == 0 {
            return Ok(None);
        }
        Ok(Some(Moe { n_experts, top_k, d_expert, n_shared_experts: n_shared, d_shared_expert: d_shared, n_moe_layers }))
    }
}
