//! Import of a Hugging Face `config.json` into a [`ModelSpec`].
//!
//! [`import_hf_config`] reads the architecture of the families in [`SUPPORTED_MODEL_TYPES`]
//! (the `model_type` key selects the family; a config without it may name the family through
//! `architectures`). Every value that is not in the file but is needed is either an error that
//! names the key, or a documented default with an [`ImportWarning`] that names the key. The
//! importer never panics: every number is range-checked before use and converted with
//! `u32::try_from`.
//!
//! What is read, per family (the transformers modelling code is the reference):
//! - all: `hidden_size`, `num_hidden_layers`, `num_attention_heads`, `num_key_value_heads`
//!   (absent: equal to the query heads, warned), `head_dim` (absent: the family's transformers
//!   default where the config class has one, else `hidden_size / num_attention_heads`, warned),
//!   `intermediate_size`, `vocab_size`, `tie_word_embeddings` (absent: the family default,
//!   warned). Every FFN of these families is gated.
//! - attention kinds: `layer_types` (`sliding_attention` / `full_attention` per layer) wins when
//!   present (jamba excepted: its layout comes from the period keys); otherwise the family rule:
//!   llama and deepseek have no window; mistral/mixtral window every layer when
//!   `sliding_window` is set; qwen2/qwen2_moe/qwen3/qwen3_moe window the layers from
//!   `max_window_layers` on, only when `use_sliding_window` is true; gemma2 alternates (layer
//!   `i` sliding when `(i + 1) % 2 != 0`); gemma3 keeps every `sliding_window_pattern`-th layer
//!   global (`(i + 1) % pattern == 0`, default 6); gpt_oss alternates like gemma2; jamba puts
//!   attention at `i % attn_layer_period == attn_layer_offset` and Mamba-1 elsewhere.
//! - MLA (deepseek_v2/v3): `kv_lora_rank`, `q_lora_rank` (null: queries projected directly),
//!   `qk_rope_head_dim`, `qk_nope_head_dim`, `v_head_dim`; `head_dim` is set to
//!   `qk_nope_head_dim + qk_rope_head_dim` (the query/key head; MLA formulas do not use it).
//! - MoE: mixtral and gpt_oss on every layer (`num_local_experts`, `num_experts_per_tok` /
//!   `experts_per_token`, expert width `intermediate_size`); qwen2_moe/qwen3_moe (`num_experts`,
//!   `moe_intermediate_size`, layer `i` sparse when not in `mlp_only_layers` and
//!   `(i + 1) % decoder_sparse_step == 0`; qwen2_moe adds one shared expert of
//!   `shared_expert_intermediate_size`); deepseek (`n_routed_experts`, `n_shared_experts` of
//!   `moe_intermediate_size`, layer `i` sparse when `i >= first_k_dense_replace` and
//!   `i % moe_layer_freq == 0`; DeepSeek-V3's `num_nextn_predict_layers` MTP layers are not
//!   counted, warned); jamba (`num_experts`, layer `i` sparse when
//!   `i % expert_layer_period == expert_layer_offset`, expert width `intermediate_size`).
//! - gemma3 nests the text model in `text_config`; keys it omits take the `Gemma3TextConfig`
//!   defaults of transformers, each warned.
//!
//! Layers are grouped by attention kind, one [`LayerGroup`] per distinct kind in order of first
//! appearance: only the counts matter to the cost model.

use std::fmt;

use serde_json::{Map, Value};

use crate::presets::models::{mamba1_mixer, MAMBA_DT_RANK_DIVISOR};
use crate::spec::{Attention, LayerGroup, ModelSpec, Moe};

// arch (issue 10): the config types of the new layer kinds.
mod hybrid;

/// Largest accepted size (width, heads, vocabulary, experts, window): 10^7.
pub const MAX_SIZE: u64 = 10_000_000;
/// Largest accepted layer count or layer index bound.
pub const MAX_LAYERS: u64 = 10_000;

/// The `model_type` values the importer understands.
pub const SUPPORTED_MODEL_TYPES: &[&str] = &[
    "llama",
    "mistral",
    "mixtral",
    "qwen2",
    "qwen2_moe",
    "qwen3",
    "qwen3_moe",
    "gemma2",
    "gemma3",
    "gemma3_text",
    "deepseek_v2",
    "deepseek_v3",
    "gpt_oss",
    "jamba",
    // arch (issue 10)
    "qwen3_next",
    "qwen3_5_moe",
    "qwen3_5",
    "llama4",
    "llama4_text",
    "minimax",
    "minimax_m1",
    "kimi_linear",
    "nemotron_h",
    "deepseek_v32",
];

// Transformers defaults used by the importer (each use is warned).

/// `Gemma3TextConfig` defaults, applied to keys a gemma3 `text_config` omits.
const GEMMA3_TEXT_DEFAULTS: &[(&str, u32)] = &[
    ("vocab_size", 262_208),
    ("hidden_size", 2304),
    ("intermediate_size", 9216),
    ("num_hidden_layers", 26),
    ("num_attention_heads", 8),
    ("num_key_value_heads", 4),
    ("head_dim", 256),
    ("sliding_window", 4096),
    ("sliding_window_pattern", 6),
];
/// `MistralConfig.sliding_window` and `Gemma2Config.sliding_window`.
const DEFAULT_WINDOW_MISTRAL_GEMMA2: u32 = 4096;
/// `GptOssConfig.sliding_window`.
const DEFAULT_WINDOW_GPT_OSS: u32 = 128;
/// `head_dim` default of `Qwen3Config` / `Qwen3MoeConfig`.
const DEFAULT_HEAD_DIM_QWEN3: u32 = 128;
/// `head_dim` default of `Gemma2Config` / `Gemma3TextConfig`.
const DEFAULT_HEAD_DIM_GEMMA: u32 = 256;
/// `head_dim` default of `GptOssConfig`.
const DEFAULT_HEAD_DIM_GPT_OSS: u32 = 64;
/// `max_window_layers` default of the Qwen2/Qwen3 config classes.
const DEFAULT_MAX_WINDOW_LAYERS_QWEN: u32 = 28;
/// Gemma 2 and gpt-oss alternate local and global layers: every 2nd layer is global.
const ALTERNATING_PATTERN: u32 = 2;
/// `decoder_sparse_step` / `moe_layer_freq` default: every layer.
const DEFAULT_EVERY_LAYER: u32 = 1;
/// `JambaConfig` defaults: attention period and offset, expert period and offset.
const JAMBA_ATTN_PERIOD: u32 = 8;
/// See [`JAMBA_ATTN_PERIOD`].
const JAMBA_ATTN_OFFSET: u32 = 4;
/// See [`JAMBA_ATTN_PERIOD`].
const JAMBA_EXPERT_PERIOD: u32 = 2;
/// See [`JAMBA_ATTN_PERIOD`].
const JAMBA_EXPERT_OFFSET: u32 = 1;
/// `JambaConfig` Mamba defaults: `mamba_expand`, `mamba_d_state`, `mamba_d_conv`.
const JAMBA_MAMBA_DEFAULTS: [(&str, u32); 3] = [("mamba_expand", 2), ("mamba_d_state", 16), ("mamba_d_conv", 4)];

/// A successfully imported config.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The architecture.
    pub spec: ModelSpec,
    /// A display name: `_name_or_path`, else the first of `architectures`, else `model_type`.
    pub label: String,
    /// Values that were defaulted or derived, and parts that are not modelled.
    pub warnings: Vec<ImportWarning>,
}

/// A value the importer had to default or derive, or a part of the model it leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning {
    /// The config key concerned (`head_dim`, `text_config.vocab_size`).
    pub field: String,
    /// A plain-language sentence that names the key and says what was done.
    pub message: String,
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Why a config could not be imported. Every message names the field and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportError {
    /// The text is not JSON.
    NotJson {
        /// Line of the first error (1-based).
        line: usize,
        /// Column of the first error.
        column: usize,
        /// What the parser found wrong.
        reason: String,
    },
    /// The text is JSON but not an object.
    NotAnObject {
        /// What it is instead (`a list`).
        found: String,
    },
    /// Neither `model_type` nor `architectures` names a family.
    MissingModelType,
    /// `model_type` names a family the importer does not know.
    UnsupportedModelType {
        /// The value found.
        model_type: String,
    },
    /// A required field is absent.
    MissingField {
        /// The key (`num_attention_heads`, `text_config.hidden_size`).
        field: String,
        /// What it means and what kind of value it takes.
        expected: String,
    },
    /// A field has the wrong JSON type (a string for a number, null for a required value).
    WrongType {
        /// The key.
        field: String,
        /// The value found, described.
        found: String,
        /// What was expected.
        expected: String,
    },
    /// A number is negative, zero where not allowed, not an integer, or too large.
    OutOfRange {
        /// The key.
        field: String,
        /// The value found.
        found: String,
        /// Smallest allowed value.
        min: u64,
        /// Largest allowed value.
        max: u64,
    },
    /// One count must divide another.
    NotDivisible {
        /// The divisor's key.
        field: String,
        /// The divisor.
        value: u64,
        /// The dividend's key.
        other_field: String,
        /// The dividend.
        other_value: u64,
    },
    /// Two fields contradict each other.
    Contradiction {
        /// One of the keys.
        field: String,
        /// The other key.
        other_field: String,
        /// A sentence naming both and the values.
        detail: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson { line, column, reason } => {
                write!(f, "not JSON: expected an object at line {line} column {column} ({reason})")
            }
            ImportError::NotAnObject { found } => {
                write!(f, "not a config: expected a JSON object (`{{...}}`) at the top level, found {found}")
            }
            ImportError::MissingModelType => write!(
                f,
                "`model_type` is missing: the model family, one of {} (or `architectures` naming a supported class)",
                SUPPORTED_MODEL_TYPES.join(", ")
            ),
            ImportError::UnsupportedModelType { model_type } => write!(
                f,
                "`model_type` {} is not supported: expected one of {}",
                quote(model_type),
                SUPPORTED_MODEL_TYPES.join(", ")
            ),
            ImportError::MissingField { field, expected } => write!(f, "`{field}` is missing: {expected}"),
            ImportError::WrongType { field, found, expected } => write!(f, "`{field}` is {found}: expected {expected}"),
            ImportError::OutOfRange { field, found, min, max } => {
                write!(f, "`{field}` is {found}: expected an integer from {min} to {max}")
            }
            ImportError::NotDivisible { field, value, other_field, other_value } => {
                write!(f, "`{field}` ({value}) must divide `{other_field}` ({other_value})")
            }
            ImportError::Contradiction { detail, .. } => f.write_str(detail),
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports a Hugging Face `config.json`. Never panics, whatever the input.
///
/// # Errors
/// An [`ImportError`] naming the offending field when the text is not a JSON object, the family
/// is unknown, a needed field is missing or out of range, or two fields contradict each other.
pub fn import_hf_config(json: &str) -> Result<Imported, ImportError> {
    let value: Value = serde_json::from_str(json).map_err(|e| not_json(&e))?;
    let root = match &value {
        Value::Object(map) => map,
        other => return Err(ImportError::NotAnObject { found: describe(other) }),
    };
    let mut warnings = Vec::new();
    let family = family_of(root, &mut warnings)?;
    let section = match family {
        // arch (issue 10): Llama 4 and Qwen3.5 wrap the text model the same way, when wrapped.
        Family::Llama4 | Family::Qwen35 if !matches!(root.get("text_config"), Some(Value::Object(_))) => {
            Section { map: root, prefix: "", family }
        }
        Family::Gemma3 | Family::Llama4 | Family::Qwen35 => match root.get("text_config") {
            Some(Value::Object(map)) => Section { map, prefix: "text_config.", family },
            None => {
                return Err(ImportError::MissingField {
                    field: "text_config".to_owned(),
                    expected: "the text model's settings, an object (gemma3 nests them there)".to_owned(),
                })
            }
            Some(other) => {
                return Err(ImportError::WrongType {
                    field: "text_config".to_owned(),
                    found: describe(other),
                    expected: "an object holding the text model's settings".to_owned(),
                })
            }
        },
        _ => Section { map: root, prefix: "", family },
    };
    if matches!(family, Family::Gemma3 | Family::Llama4 | Family::Qwen35) && root.contains_key("vision_config") {
        warnings.push(ImportWarning {
            field: "vision_config".to_owned(),
            message: "`vision_config`: the vision encoder is not modelled; only the text model is counted".to_owned(),
        });
    }
    let mut builder = Builder { sec: section, root, warnings, mixer_only_layers: 0 };
    let spec = builder.build()?;
    Ok(Imported { spec, label: label_of(root, family), warnings: builder.warnings })
}

/// A model family, as `model_type` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Llama,
    Mistral,
    Mixtral,
    Qwen2,
    Qwen2Moe,
    Qwen3,
    Qwen3Moe,
    Gemma2,
    Gemma3,
    Gemma3Text,
    DeepseekV2,
    DeepseekV3,
    GptOss,
    Jamba,
    // arch (issue 10)
    Qwen3Next,
    Qwen35,
    Llama4,
    MiniMax,
    KimiLinear,
    NemotronH,
    DeepseekV32,
}

impl Family {
    fn from_model_type(s: &str) -> Option<Family> {
        Some(match s {
            "llama" => Family::Llama,
            "mistral" => Family::Mistral,
            "mixtral" => Family::Mixtral,
            "qwen2" => Family::Qwen2,
            "qwen2_moe" => Family::Qwen2Moe,
            "qwen3" => Family::Qwen3,
            "qwen3_moe" => Family::Qwen3Moe,
            "gemma2" => Family::Gemma2,
            "gemma3" => Family::Gemma3,
            "gemma3_text" => Family::Gemma3Text,
            "deepseek_v2" => Family::DeepseekV2,
            "deepseek_v3" => Family::DeepseekV3,
            "gpt_oss" => Family::GptOss,
            "jamba" => Family::Jamba,
            // arch (issue 10)
            "qwen3_next" => Family::Qwen3Next,
            "qwen3_5_moe" | "qwen3_5_moe_text" | "qwen3_5" | "qwen3_5_text" => Family::Qwen35,
            "llama4" | "llama4_text" => Family::Llama4,
            "minimax" | "minimax_m1" | "MiniMaxM1" | "MiniMaxText01" | "minimax_text_01" => Family::MiniMax,
            "kimi_linear" => Family::KimiLinear,
            "nemotron_h" => Family::NemotronH,
            "deepseek_v32" => Family::DeepseekV32,
            _ => return None,
        })
    }

    fn from_architecture(s: &str) -> Option<Family> {
        Some(match s {
            "LlamaForCausalLM" => Family::Llama,
            "MistralForCausalLM" => Family::Mistral,
            "MixtralForCausalLM" => Family::Mixtral,
            "Qwen2ForCausalLM" => Family::Qwen2,
            "Qwen2MoeForCausalLM" => Family::Qwen2Moe,
            "Qwen3ForCausalLM" => Family::Qwen3,
            "Qwen3MoeForCausalLM" => Family::Qwen3Moe,
            "Gemma2ForCausalLM" => Family::Gemma2,
            "Gemma3ForConditionalGeneration" => Family::Gemma3,
            "Gemma3ForCausalLM" => Family::Gemma3Text,
            "DeepseekV2ForCausalLM" => Family::DeepseekV2,
            "DeepseekV3ForCausalLM" => Family::DeepseekV3,
            "GptOssForCausalLM" => Family::GptOss,
            "JambaForCausalLM" => Family::Jamba,
            // arch (issue 10)
            "Qwen3NextForCausalLM" => Family::Qwen3Next,
            "Qwen3_5MoeForConditionalGeneration" | "Qwen3_5MoeForCausalLM" | "Qwen3_5ForConditionalGeneration"
            | "Qwen3_5ForCausalLM" => Family::Qwen35,
            "Llama4ForConditionalGeneration" | "Llama4ForCausalLM" => Family::Llama4,
            "MiniMaxM1ForCausalLM" | "MiniMaxText01ForCausalLM" | "MiniMaxForCausalLM" => Family::MiniMax,
            "KimiLinearForCausalLM" => Family::KimiLinear,
            "NemotronHForCausalLM" => Family::NemotronH,
            "DeepseekV32ForCausalLM" => Family::DeepseekV32,
            _ => return None,
        })
    }

    fn model_type(self) -> &'static str {
        match self {
            Family::Llama => "llama",
            Family::Mistral => "mistral",
            Family::Mixtral => "mixtral",
            Family::Qwen2 => "qwen2",
            Family::Qwen2Moe => "qwen2_moe",
            Family::Qwen3 => "qwen3",
            Family::Qwen3Moe => "qwen3_moe",
            Family::Gemma2 => "gemma2",
            Family::Gemma3 => "gemma3",
            Family::Gemma3Text => "gemma3_text",
            Family::DeepseekV2 => "deepseek_v2",
            Family::DeepseekV3 => "deepseek_v3",
            Family::GptOss => "gpt_oss",
            Family::Jamba => "jamba",
            // arch (issue 10)
            Family::Qwen3Next => "qwen3_next",
            Family::Qwen35 => "qwen3_5_moe",
            Family::Llama4 => "llama4",
            Family::MiniMax => "minimax",
            Family::KimiLinear => "kimi_linear",
            Family::NemotronH => "nemotron_h",
            Family::DeepseekV32 => "deepseek_v32",
        }
    }

    fn is_gemma3(self) -> bool {
        matches!(self, Family::Gemma3 | Family::Gemma3Text)
    }

    fn is_mla(self) -> bool {
        matches!(self, Family::DeepseekV2 | Family::DeepseekV3 | Family::KimiLinear | Family::DeepseekV32)
    }

    fn is_qwen(self) -> bool {
        matches!(self, Family::Qwen2 | Family::Qwen2Moe | Family::Qwen3 | Family::Qwen3Moe)
    }

    /// `tie_word_embeddings` default of the family's config class.
    fn tied_by_default(self) -> bool {
        matches!(self, Family::Gemma2 | Family::Gemma3 | Family::Gemma3Text)
    }

    /// `head_dim` default of the family's config class, where it has one.
    fn default_head_dim(self) -> Option<u32> {
        match self {
            Family::Qwen3 | Family::Qwen3Moe => Some(DEFAULT_HEAD_DIM_QWEN3),
            Family::Gemma2 | Family::Gemma3 | Family::Gemma3Text => Some(DEFAULT_HEAD_DIM_GEMMA),
            Family::GptOss => Some(DEFAULT_HEAD_DIM_GPT_OSS),
            _ => None,
        }
    }
}

/// Picks the family from `model_type`, or from `architectures` when `model_type` is absent.
fn family_of(root: &Map<String, Value>, warnings: &mut Vec<ImportWarning>) -> Result<Family, ImportError> {
    match root.get("model_type") {
        Some(Value::String(s)) => {
            Family::from_model_type(s).ok_or_else(|| ImportError::UnsupportedModelType { model_type: s.clone() })
        }
        None | Some(Value::Null) => {
            let from_arch = match root.get("architectures") {
                Some(Value::Array(list)) => list.iter().find_map(|a| match a {
                    Value::String(s) => Family::from_architecture(s).map(|f| (f, s.clone())),
                    _ => None,
                }),
                _ => None,
            };
            match from_arch {
                Some((family, class)) => {
                    warnings.push(ImportWarning {
                        field: "model_type".to_owned(),
                        message: format!(
                            "`model_type` is missing: read the family from `architectures` ({class} → {})",
                            family.model_type()
                        ),
                    });
                    Ok(family)
                }
                None => Err(ImportError::MissingModelType),
            }
        }
        Some(other) => Err(ImportError::WrongType {
            field: "model_type".to_owned(),
            found: describe(other),
            expected: format!("a string naming the family, one of {}", SUPPORTED_MODEL_TYPES.join(", ")),
        }),
    }
}

/// `_name_or_path`, else the first of `architectures`, else the family's `model_type`.
fn label_of(root: &Map<String, Value>, family: Family) -> String {
    if let Some(Value::String(s)) = root.get("_name_or_path") {
        if !s.trim().is_empty() {
            return s.clone();
        }
    }
    if let Some(Value::Array(list)) = root.get("architectures") {
        if let Some(Value::String(s)) = list.first() {
            return s.clone();
        }
    }
    family.model_type().to_owned()
}

fn not_json(e: &serde_json::Error) -> ImportError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let reason = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    ImportError::NotJson { line: e.line(), column: e.column(), reason }
}

/// A JSON value described for a message, long strings cut.
fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("the string {}", quote(s)),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// A string in double quotes, cut to [`MAX_QUOTED_CHARS`] characters (the URL's quoting).
fn quote(s: &str) -> String {
    crate::scenario::quote_value(s)
}

/// "a positive integer" or "a non-negative integer".
fn integer_kind(min: u64) -> &'static str {
    if min == 0 {
        "a non-negative integer"
    } else {
        "a positive integer"
    }
}

/// Reads one JSON value as an integer in `min..=max`.
fn int_value(field: &str, v: &Value, min: u64, max: u64) -> Result<u32, ImportError> {
    let out_of_range = || ImportError::OutOfRange { field: field.to_owned(), found: describe(v), min, max };
    match v {
        Value::Number(n) => match n.as_u64() {
            Some(u) if (min..=max).contains(&u) => u32::try_from(u).map_err(|_| out_of_range()),
            _ => Err(out_of_range()),
        },
        other => Err(ImportError::WrongType {
            field: field.to_owned(),
            found: describe(other),
            expected: format!("an integer from {min} to {max}"),
        }),
    }
}

/// The object the architecture keys live in (the root, or gemma3's `text_config`).
struct Section<'a> {
    map: &'a Map<String, Value>,
    prefix: &'static str,
    family: Family,
}

impl Section<'_> {
    fn field(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// A per-layer list (`layer_types`, `attn_type_list`, …) must have one entry per layer.
    fn one_per_layer(&self, field: &str, entries: usize, n_layers: u32) -> Result<(), ImportError> {
        if entries == usize::try_from(n_layers).unwrap_or(0) {
            return Ok(());
        }
        let layers_field = self.field("num_hidden_layers");
        Err(ImportError::Contradiction {
            field: field.to_owned(),
            other_field: layers_field.clone(),
            detail: format!("`{field}` has {entries} entries but `{layers_field}` is {n_layers}: there must be one entry per layer"),
        })
    }

    /// An optional integer: absent or null is `None`.
    fn int(&self, key: &str, min: u64, max: u64) -> Result<Option<u32>, ImportError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => int_value(&self.field(key), v, min, max).map(Some),
        }
    }

    /// An optional boolean: absent or null is `None`.
    fn boolean(&self, key: &str) -> Result<Option<bool>, ImportError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(ImportError::WrongType {
                field: self.field(key),
                found: describe(other),
                expected: "true or false".to_owned(),
            }),
        }
    }

    /// The key is present (null included).
    fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The gemma3 default for a key, when this is a gemma3 section.
    fn gemma3_default(&self, key: &str) -> Option<u32> {
        if !self.family.is_gemma3() {
            return None;
        }
        GEMMA3_TEXT_DEFAULTS.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

/// Accumulates warnings while reading one section.
struct Builder<'a> {
    sec: Section<'a>,
    root: &'a Map<String, Value>,
    warnings: Vec<ImportWarning>,
    // arch (issue 10)
    /// Mixer layers without an FFN (Nemotron-H), set by the layout.
    mixer_only_layers: u32,
}

impl Builder<'_> {
    fn warn(&mut self, field: String, message: String) {
        self.warnings.push(ImportWarning { field, message });
    }

    /// Uses `default` for an absent key, with a warning that names it.
    fn defaulted<T: fmt::Display + Copy>(&mut self, key: &str, default: T) -> T {
        let field = self.sec.field(key);
        let model_type = self.sec.family.model_type();
        self.warn(
            field.clone(),
            format!("`{field}` is absent: using the transformers default for {model_type}, {default}"),
        );
        default
    }

    /// A required integer; gemma3 sections fall back to the `Gemma3TextConfig` default.
    fn required(&mut self, key: &str, min: u64, max: u64, what: &str) -> Result<u32, ImportError> {
        match self.sec.map.get(key) {
            Some(v) if !v.is_null() => int_value(&self.sec.field(key), v, min, max),
            found => {
                if let (None, Some(d)) = (found, self.sec.gemma3_default(key)) {
                    return Ok(self.defaulted(key, d));
                }
                let field = self.sec.field(key);
                match found {
                    Some(v) => Err(ImportError::WrongType {
                        field,
                        found: describe(v),
                        expected: format!("{what}, {}", integer_kind(min)),
                    }),
                    None => {
                        Err(ImportError::MissingField { field, expected: format!("{what}, {}", integer_kind(min)) })
                    }
                }
            }
        }
    }

    /// An optional integer that takes `default` (warned) when absent or null.
    fn with_default(&mut self, key: &str, min: u64, max: u64, default: u32) -> Result<u32, ImportError> {
        match self.sec.int(key, min, max)? {
            Some(v) => Ok(v),
            None => Ok(self.defaulted(key, default)),
        }
    }

    fn build(&mut self) -> Result<ModelSpec, ImportError> {
        let family = self.sec.family;
        let d_model = self.required("hidden_size", 1, MAX_SIZE, "the model width (d_model)")?;
        let n_layers = self.required("num_hidden_layers", 1, MAX_LAYERS, "the number of decoder layers")?;
        let n_q_heads = self.required("num_attention_heads", 1, MAX_SIZE, "the number of query heads")?;
        let n_kv_heads = match self.sec.int("num_key_value_heads", 1, MAX_SIZE)? {
            Some(v) => v,
            None => match self.sec.gemma3_default("num_key_value_heads") {
                Some(d) => self.defaulted("num_key_value_heads", d),
                None => {
                    let field = self.sec.field("num_key_value_heads");
                    let q = self.sec.field("num_attention_heads");
                    self.warn(
                        field.clone(),
                        format!("`{field}` is absent: taken equal to `{q}` ({n_q_heads}), i.e. multi-head attention"),
                    );
                    n_q_heads
                }
            },
        };
        if !family.is_mla() && !n_q_heads.is_multiple_of(n_kv_heads) {
            return Err(ImportError::NotDivisible {
                field: self.sec.field("num_key_value_heads"),
                value: u64::from(n_kv_heads),
                other_field: self.sec.field("num_attention_heads"),
                other_value: u64::from(n_q_heads),
            });
        }
        let d_ff = if family.is_issue10() {
            self.issue10_d_ff()?
        } else {
            self.required("intermediate_size", 1, MAX_SIZE, "the FFN width")?
        };
        let vocab = self.required("vocab_size", 1, MAX_SIZE, "the vocabulary size")?;
        let tied_embeddings = self.tied()?;
        let mla = if family.is_mla() { Some(self.mla()?) } else { None };
        let head_dim = match mla {
            Some(Attention::Mla { qk_nope_head_dim, qk_rope_head_dim, .. }) => {
                qk_nope_head_dim.saturating_add(qk_rope_head_dim)
            }
            _ => self.head_dim(d_model, n_q_heads)?,
        };
        let kinds = if family.is_issue10() {
            self.issue10_layout(n_layers, n_q_heads, head_dim, mla)?
        } else {
            self.layout(n_layers, d_model, mla)?
        };
        let moe = if family.is_issue10() { self.issue10_moe(n_layers)? } else { self.moe(n_layers, d_ff)? };
        Ok(ModelSpec {
            d_model,
            n_q_heads,
            n_kv_heads,
            head_dim,
            d_ff,
            ffn_gated: family != Family::NemotronH,
            vocab,
            tied_embeddings,
            layers: aggregate(&kinds),
            moe,
            params_override: None,
            mixer_only_layers: self.mixer_only_layers,
        })
    }

    fn tied(&mut self) -> Result<bool, ImportError> {
        if let Some(b) = self.sec.boolean("tie_word_embeddings")? {
            return Ok(b);
        }
        // gemma3 (and the other wrapped text models): the outer config may carry it.
        if !self.sec.prefix.is_empty() {
            match self.root.get("tie_word_embeddings") {
                Some(Value::Bool(b)) => return Ok(*b),
                None | Some(Value::Null) => {}
                Some(other) => {
                    return Err(ImportError::WrongType {
                        field: "tie_word_embeddings".to_owned(),
                        found: describe(other),
                        expected: "true or false".to_owned(),
                    })
                }
            }
        }
        let default = self.sec.family.tied_by_default();
        Ok(self.defaulted("tie_word_embeddings", default))
    }

    fn head_dim(&mut self, d_model: u32, n_q_heads: u32) -> Result<u32, ImportError> {
        if let Some(v) = self.sec.int("head_dim", 1, MAX_SIZE)? {
            return Ok(v);
        }
        // arch (issue 10): Nemotron-H names it `attention_head_dim`.
        if let Some(v) = self.sec.int("attention_head_dim", 1, MAX_SIZE)? {
            return Ok(v);
        }
        if let Some(d) = self.sec.family.default_head_dim() {
            return Ok(self.defaulted("head_dim", d));
        }
        let field = self.sec.field("head_dim");
        let hidden = self.sec.field("hidden_size");
        let heads = self.sec.field("num_attention_heads");
        if !d_model.is_multiple_of(n_q_heads) {
            return Err(ImportError::Contradiction {
                field: field.clone(),
                other_field: hidden.clone(),
                detail: format!(
                    "`{field}` is missing and cannot be derived: `{hidden}` ({d_model}) is not a multiple of `{heads}` ({n_q_heads})"
                ),
            });
        }
        let dh = d_model / n_q_heads;
        self.warn(
            field.clone(),
            format!("`{field}` is absent: derived as `{hidden}` / `{heads}` = {d_model} / {n_q_heads} = {dh}"),
        );
        Ok(dh)
    }

    /// DeepSeek's multi-head latent attention.
    fn mla(&mut self) -> Result<Attention, ImportError> {
        let kv_lora_rank = self.required("kv_lora_rank", 1, MAX_SIZE, "the rank of the compressed KV latent")?;
        let q_lora_rank =
            match self.sec.map.get("q_lora_rank") {
                None => return Err(ImportError::MissingField {
                    field: self.sec.field("q_lora_rank"),
                    expected:
                        "the query low-rank size, a non-negative integer, or null when queries are projected directly"
                            .to_owned(),
                }),
                Some(Value::Null) => 0,
                Some(v) => int_value(&self.sec.field("q_lora_rank"), v, 0, MAX_SIZE)?,
            };
        let qk_rope_head_dim =
            self.required("qk_rope_head_dim", 1, MAX_SIZE, "the RoPE part of each query/key head")?;
        let qk_nope_head_dim =
            self.required("qk_nope_head_dim", 1, MAX_SIZE, "the non-RoPE part of each query/key head")?;
        let v_head_dim = self.required("v_head_dim", 1, MAX_SIZE, "the value head dimension")?;
        Ok(Attention::Mla { kv_lora_rank, q_lora_rank, qk_rope_head_dim, qk_nope_head_dim, v_head_dim })
    }

    /// The window size, if the config sets one (with the family's default when absent).
    fn window(&mut self) -> Result<Option<u32>, ImportError> {
        let family = self.sec.family;
        if !self.sec.has("sliding_window") {
            let default = match family {
                Family::Mistral | Family::Gemma2 => Some(DEFAULT_WINDOW_MISTRAL_GEMMA2),
                Family::GptOss => Some(DEFAULT_WINDOW_GPT_OSS),
                _ => self.sec.gemma3_default("sliding_window"),
            };
            return Ok(default.map(|d| self.defaulted("sliding_window", d)));
        }
        self.sec.int("sliding_window", 1, MAX_SIZE)
    }

    /// One attention kind per layer.
    fn layout(&mut self, n_layers: u32, d_model: u32, mla: Option<Attention>) -> Result<Vec<Attention>, ImportError> {
        let family = self.sec.family;
        let full = mla.unwrap_or(Attention::Full);
        if family == Family::Jamba {
            return self.jamba_layout(n_layers, d_model);
        }
        let mut window = self.window()?;
        if family.is_qwen() {
            let use_sw = match self.sec.boolean("use_sliding_window")? {
                Some(b) => b,
                None => {
                    if window.is_some() {
                        let field = self.sec.field("use_sliding_window");
                        self.warn(
                            field.clone(),
                            format!(
                                "`{field}` is absent: transformers' default is false, so `sliding_window` is not used"
                            ),
                        );
                    }
                    false
                }
            };
            if !use_sw {
                window = None;
            } else if window.is_none() {
                return Err(ImportError::Contradiction {
                    field: self.sec.field("use_sliding_window"),
                    other_field: self.sec.field("sliding_window"),
                    detail: format!(
                        "`{}` is true but `{}` is null or absent: a window size is needed",
                        self.sec.field("use_sliding_window"),
                        self.sec.field("sliding_window")
                    ),
                });
            }
        }
        let sliding = |w: u32| Attention::SlidingWindow { window_tokens: w };
        let n = usize::try_from(n_layers).unwrap_or(0);

        if let Some(types) = self.sec.map.get("layer_types").filter(|v| !v.is_null()) {
            let field = self.sec.field("layer_types");
            let Value::Array(list) = types else {
                return Err(ImportError::WrongType {
                    field,
                    found: describe(types),
                    expected: "a list of \"sliding_attention\" / \"full_attention\", one per layer".to_owned(),
                });
            };
            self.sec.one_per_layer(&field, list.len(), n_layers)?;
            let mut kinds = Vec::with_capacity(n);
            let mut unused_window = false;
            for (i, entry) in list.iter().enumerate() {
                let kind = match entry.as_str() {
                    Some("full_attention") => full,
                    Some("sliding_attention") if mla.is_none() => match window {
                        Some(w) => sliding(w),
                        None if family.is_qwen() => {
                            unused_window = true;
                            full
                        }
                        None => {
                            let window_field = self.sec.field("sliding_window");
                            return Err(ImportError::Contradiction {
                                field: format!("{field}[{i}]"),
                                other_field: window_field.clone(),
                                detail: format!(
                                    "`{field}[{i}]` is \"sliding_attention\" but `{window_field}` is null or absent: a window size is needed"
                                ),
                            });
                        }
                    },
                    _ => {
                        return Err(ImportError::WrongType {
                            field: format!("{field}[{i}]"),
                            found: describe(entry),
                            expected: if mla.is_some() {
                                "\"full_attention\" (this family's layers use MLA)".to_owned()
                            } else {
                                "\"sliding_attention\" or \"full_attention\"".to_owned()
                            },
                        })
                    }
                };
                kinds.push(kind);
            }
            if unused_window {
                let sw = self.sec.field("use_sliding_window");
                self.warn(
                    field.clone(),
                    format!("`{field}` has sliding layers but `{sw}` is false: they attend to the full context"),
                );
            }
            return Ok(kinds);
        }

        let kinds = match family {
            Family::Gemma2 | Family::Gemma3 | Family::Gemma3Text | Family::GptOss => {
                let pattern = self.pattern()?;
                let w = match window {
                    Some(w) => w,
                    None if pattern == 1 => 0,
                    None => {
                        let window_field = self.sec.field("sliding_window");
                        return Err(ImportError::MissingField {
                            field: window_field,
                            expected: "the local layers' window (tokens), a positive integer".to_owned(),
                        });
                    }
                };
                (0..n_layers).map(|i| if (i + 1).is_multiple_of(pattern) { full } else { sliding(w) }).collect()
            }
            _ if family.is_qwen() => match window {
                Some(w) => {
                    let from = self.with_default("max_window_layers", 0, MAX_LAYERS, DEFAULT_MAX_WINDOW_LAYERS_QWEN)?;
                    (0..n_layers).map(|i| if i >= from { sliding(w) } else { full }).collect()
                }
                None => vec![full; n],
            },
            // mistral, mixtral: a window on every layer when set.
            Family::Mistral | Family::Mixtral => match window {
                Some(w) => vec![sliding(w); n],
                None => vec![full; n],
            },
            // llama and deepseek: no window unless `layer_types` asks for one.
            _ => vec![full; n],
        };
        Ok(kinds)
    }

    /// Every how many layers one is global (gemma, gpt-oss).
    fn pattern(&mut self) -> Result<u32, ImportError> {
        for key in ["sliding_window_pattern", "_sliding_window_pattern"] {
            if let Some(p) = self.sec.int(key, 1, MAX_LAYERS)? {
                return Ok(p);
            }
        }
        match self.sec.family {
            Family::Gemma3 | Family::Gemma3Text => {
                let d = self.sec.gemma3_default("sliding_window_pattern").unwrap_or(ALTERNATING_PATTERN);
                Ok(self.defaulted("sliding_window_pattern", d))
            }
            Family::GptOss => {
                let field = self.sec.field("layer_types");
                self.warn(
                    field.clone(),
                    format!("`{field}` is absent: using the transformers default for gpt_oss, sliding and full layers alternating"),
                );
                Ok(ALTERNATING_PATTERN)
            }
            // Gemma 2 alternates by design (no key in its configs).
            _ => Ok(ALTERNATING_PATTERN),
        }
    }

    /// Jamba: attention at `i % attn_layer_period == attn_layer_offset`, Mamba-1 elsewhere.
    fn jamba_layout(&mut self, n_layers: u32, d_model: u32) -> Result<Vec<Attention>, ImportError> {
        let (period, offset) =
            self.period_offset("attn_layer_period", JAMBA_ATTN_PERIOD, "attn_layer_offset", JAMBA_ATTN_OFFSET)?;
        let window = self.sec.int("sliding_window", 1, MAX_SIZE)?;
        let attention = match window {
            Some(w) => Attention::SlidingWindow { window_tokens: w },
            None => Attention::Full,
        };
        let [expand, d_state, d_conv] = {
            let mut v = [0u32; 3];
            for (slot, (key, default)) in v.iter_mut().zip(JAMBA_MAMBA_DEFAULTS) {
                *slot = self.with_default(key, 1, MAX_SIZE, default)?;
            }
            v
        };
        let auto_rank = d_model.div_ceil(MAMBA_DT_RANK_DIVISOR);
        let dt_rank = match self.sec.map.get("mamba_dt_rank") {
            Some(Value::String(s)) if s == "auto" => auto_rank,
            None | Some(Value::Null) => {
                let field = self.sec.field("mamba_dt_rank");
                self.warn(
                    field.clone(),
                    format!("`{field}` is absent: using \"auto\", ceil(`hidden_size` / {MAMBA_DT_RANK_DIVISOR}) = {auto_rank}"),
                );
                auto_rank
            }
            Some(Value::Number(_)) => self.sec.int("mamba_dt_rank", 1, MAX_SIZE)?.unwrap_or(auto_rank),
            Some(other) => {
                return Err(ImportError::WrongType {
                    field: self.sec.field("mamba_dt_rank"),
                    found: describe(other),
                    expected: format!("\"auto\" or an integer from 1 to {MAX_SIZE}"),
                })
            }
        };
        let mamba = mamba1_mixer(d_model, expand, d_state, d_conv, dt_rank);
        let kinds = (0..n_layers).map(|i| if i % period == offset { attention } else { mamba }).collect();
        Ok(kinds)
    }

    /// A `(period, offset)` pair with `offset < period`, each defaulted (warned) when absent.
    fn period_offset(
        &mut self,
        period_key: &str,
        period_default: u32,
        offset_key: &str,
        offset_default: u32,
    ) -> Result<(u32, u32), ImportError> {
        let period = self.with_default(period_key, 1, MAX_LAYERS, period_default)?;
        let offset = self.with_default(offset_key, 0, MAX_LAYERS, offset_default)?;
        if offset >= period {
            let (pf, of) = (self.sec.field(period_key), self.sec.field(offset_key));
            return Err(ImportError::Contradiction {
                field: of.clone(),
                other_field: pf.clone(),
                detail: format!("`{of}` ({offset}) must be less than `{pf}` ({period})"),
            });
        }
        Ok((period, offset))
    }

    /// Routed experts and top-k, checked against each other.
    fn experts(&mut self, experts_key: &str, min_experts: u64, top_k: u32) -> Result<u32, ImportError> {
        let n_experts =
            self.required(experts_key, min_experts, MAX_SIZE, "the number of routed experts per MoE layer")?;
        if n_experts > 0 && top_k > n_experts {
            let (kf, ef) = (self.sec.field("num_experts_per_tok"), self.sec.field(experts_key));
            return Err(ImportError::Contradiction {
                field: kf.clone(),
                other_field: ef.clone(),
                detail: format!(
                    "`{kf}` ({top_k}) is more than `{ef}` ({n_experts}): a token cannot use more experts than a layer has"
                ),
            });
        }
        Ok(n_experts)
    }

    fn top_k(&mut self) -> Result<u32, ImportError> {
        self.required("num_experts_per_tok", 1, MAX_SIZE, "the number of experts each token uses")
    }

    /// The MoE layers, per family.
    fn moe(&mut self, n_layers: u32, d_ff: u32) -> Result<Option<Moe>, ImportError> {
        let family = self.sec.family;
        let every = |_: u32| true;
        let (n_experts, top_k, d_expert, n_shared, d_shared, n_moe_layers) = match family {
            Family::Mixtral => {
                let top_k = self.top_k()?;
                let n_experts = self.experts("num_local_experts", 1, top_k)?;
                (n_experts, top_k, d_ff, 0, 0, count(n_layers, every))
            }
            Family::GptOss => {
                let a = self.sec.int("experts_per_token", 1, MAX_SIZE)?;
                let b = self.sec.int("num_experts_per_tok", 1, MAX_SIZE)?;
                let top_k = match (a, b) {
                    (Some(a), Some(b)) if a != b => {
                        let (af, bf) = (self.sec.field("experts_per_token"), self.sec.field("num_experts_per_tok"));
                        return Err(ImportError::Contradiction {
                            field: af.clone(),
                            other_field: bf.clone(),
                            detail: format!("`{af}` ({a}) and `{bf}` ({b}) disagree: both give the experts per token"),
                        });
                    }
                    (Some(k), _) | (None, Some(k)) => k,
                    (None, None) => {
                        return Err(ImportError::MissingField {
                            field: self.sec.field("experts_per_token"),
                            expected:
                                "the number of experts each token uses, a positive integer (or `num_experts_per_tok`)"
                                    .to_owned(),
                        })
                    }
                };
                let n_experts = self.experts("num_local_experts", 1, top_k)?;
                (n_experts, top_k, d_ff, 0, 0, count(n_layers, every))
            }
            Family::Qwen2Moe | Family::Qwen3Moe => {
                let top_k = self.top_k()?;
                let n_experts = self.experts("num_experts", 0, top_k)?;
                let d_expert = self.required("moe_intermediate_size", 1, MAX_SIZE, "the width of one routed expert")?;
                let (n_shared, d_shared) = if family == Family::Qwen2Moe {
                    let w = self.required(
                        "shared_expert_intermediate_size",
                        0,
                        MAX_SIZE,
                        "the width of the shared expert (0 for none)",
                    )?;
                    (u32::from(w > 0), w)
                } else {
                    (0, 0)
                };
                let step = self.with_default("decoder_sparse_step", 1, MAX_LAYERS, DEFAULT_EVERY_LAYER)?;
                let dense_only = self.mlp_only_layers(n_layers)?;
                let moe_layers = count(n_layers, |i| !dense_only.contains(&i) && (i + 1).is_multiple_of(step));
                let moe_layers = if n_experts == 0 { 0 } else { moe_layers };
                (n_experts, top_k, d_expert, n_shared, d_shared, moe_layers)
            }
            Family::DeepseekV2 | Family::DeepseekV3 => {
                if family == Family::DeepseekV3 {
                    if let Some(mtp) = self.sec.int("num_nextn_predict_layers", 0, MAX_LAYERS)?.filter(|&m| m > 0) {
                        let field = self.sec.field("num_nextn_predict_layers");
                        self.warn(
                            field.clone(),
                            format!(
                                "`{field}` ({mtp}): the multi-token-prediction layer is excluded from the layer and parameter counts (it is not used for ordinary decoding)"
                            ),
                        );
                    }
                }
                if self.sec.int("n_routed_experts", 0, MAX_SIZE)?.is_none() {
                    return Ok(None);
                }
                let top_k = self.top_k()?;
                let n_experts = self.experts("n_routed_experts", 0, top_k)?;
                let d_expert = self.required("moe_intermediate_size", 1, MAX_SIZE, "the width of one routed expert")?;
                let n_shared = self.sec.int("n_shared_experts", 0, MAX_SIZE)?.unwrap_or(0);
                let first_dense = self.with_default("first_k_dense_replace", 0, MAX_LAYERS, 0)?;
                let freq = self.with_default("moe_layer_freq", 1, MAX_LAYERS, DEFAULT_EVERY_LAYER)?;
                let moe_layers = count(n_layers, |i| i >= first_dense && i.is_multiple_of(freq));
                let moe_layers = if n_experts == 0 { 0 } else { moe_layers };
                (n_experts, top_k, d_expert, n_shared, if n_shared > 0 { d_expert } else { 0 }, moe_layers)
            }
            Family::Jamba => {
                let top_k = self.top_k()?;
                let n_experts = self.experts("num_experts", 1, top_k)?;
                let (period, offset) = self.period_offset(
                    "expert_layer_period",
                    JAMBA_EXPERT_PERIOD,
                    "expert_layer_offset",
                    JAMBA_EXPERT_OFFSET,
                )?;
                // One expert is a plain MLP in transformers' Jamba.
                let moe_layers = if n_experts > 1 { count(n_layers, |i| i % period == offset) } else { 0 };
                (n_experts, top_k, d_ff, 0, 0, moe_layers)
            }
            _ => return Ok(None),
        };
        if n_moe_layers == 0 {
            return Ok(None);
        }
        Ok(Some(Moe {
            n_experts,
            top_k,
            d_expert,
            n_shared_experts: n_shared,
            d_shared_expert: d_shared,
            n_moe_layers,
        }))
    }

    /// Qwen MoE's `mlp_only_layers`: layer indices that keep a dense FFN.
    fn mlp_only_layers(&mut self, n_layers: u32) -> Result<Vec<u32>, ImportError> {
        let field = self.sec.field("mlp_only_layers");
        match self.sec.map.get("mlp_only_layers") {
            None => {
                self.warn(
                    field.clone(),
                    format!("`{field}` is absent: using the transformers default, no dense-only layers"),
                );
                Ok(Vec::new())
            }
            Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(list)) => {
                let max = u64::from(n_layers.saturating_sub(1));
                list.iter()
                    .enumerate()
                    .map(|(i, v)| match int_value(&format!("{field}[{i}]"), v, 0, max) {
                        Err(ImportError::OutOfRange { field, found, min, max }) => Err(ImportError::Contradiction {
                            other_field: self.sec.field("num_hidden_layers"),
                            detail: format!(
                                "`{field}` is {found}: expected a layer index from {min} to {max} (`{}` is {n_layers})",
                                self.sec.field("num_hidden_layers")
                            ),
                            field,
                        }),
                        other => other,
                    })
                    .collect()
            }
            Some(other) => Err(ImportError::WrongType {
                field,
                found: describe(other),
                expected: "a list of layer indices".to_owned(),
            }),
        }
    }
}

/// How many of the layers `0..n_layers` satisfy `pred`.
fn count(n_layers: u32, pred: impl Fn(u32) -> bool) -> u32 {
    (0..n_layers).fold(0u32, |acc, i| if pred(i) { acc.saturating_add(1) } else { acc })
}

/// One group per distinct attention kind, in order of first appearance.
fn aggregate(kinds: &[Attention]) -> Vec<LayerGroup> {
    let mut groups: Vec<LayerGroup> = Vec::new();
    for kind in kinds {
        match groups.iter_mut().find(|g| g.attention == *kind) {
            Some(g) => g.count = g.count.saturating_add(1),
            None => groups.push(LayerGroup { count: 1, attention: *kind }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregate_keeps_first_appearance_order() {
        let s = Attention::SlidingWindow { window_tokens: 8 };
        let groups = aggregate(&[s, Attention::Full, s, Attention::Full, s]);
        assert_eq!(
            groups,
            vec![LayerGroup { count: 3, attention: s }, LayerGroup { count: 2, attention: Attention::Full }]
        );
    }

    #[test]
    fn not_json_message_has_position_once() {
        let e = import_hf_config("hello").err();
        let msg = e.map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(msg, "not JSON: expected an object at line 1 column 1 (expected value)");
    }
}
