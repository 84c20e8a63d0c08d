//! Preset search (ux, issue 11): what a reader types into a filter box against a preset's label
//! and id. Words may come in any order; case, spaces, dashes, dots and underscores are ignored,
//! and a word splits where letters meet digits, so "llama 70", "llama3", "70b llama" and
//! "H100 80" all find what a person means.

/// The haystack's comparable form: lowercase ASCII letters and digits only.
fn squash(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// The query's words: split at anything but letters and digits, and where letters meet digits
/// ("llama3" → "llama", "3"), lowercased.
fn words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_digit: Option<bool> = None;
    for c in query.chars() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_digit = None;
            continue;
        }
        let digit = c.is_ascii_digit();
        if prev_digit.is_some_and(|p| p != digit) && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c.to_ascii_lowercase());
        prev_digit = Some(digit);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether `query` matches a preset with this label and id: every word of the query occurs in
/// the squashed label or the squashed id. An empty query matches everything.
pub fn matches(query: &str, label: &str, id: &str) -> bool {
    let (l, i) = (squash(label), squash(id));
    words(query).iter().all(|w| l.contains(w.as_str()) || i.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::{HARDWARE, MODELS};

    fn model_hits(q: &str) -> Vec<&'static str> {
        MODELS.iter().filter(|m| matches(q, m.label, m.id)).map(|m| m.id).collect()
    }

    #[test]
    fn words_in_any_order_ignoring_case_spaces_and_dashes() {
        for q in ["llama 70", "llama3", "70B llama", "LLAMA-3.1-70B", "llama3.1 70b", "Llama 3.1 70"] {
            assert!(model_hits(q).contains(&"llama-3.1-70b"), "{q:?} should find llama-3.1-70b: {:?}", model_hits(q));
        }
        assert!(!model_hits("llama 70").contains(&"yi-34b"));
        let hw: Vec<&str> = HARDWARE.iter().filter(|h| matches("H100 80", h.label, h.id)).map(|h| h.id).collect();
        assert!(hw.contains(&"h100-sxm"), "{hw:?}");
        assert!(matches("", "anything", "x"));
        assert!(model_hits("zzz no such model").is_empty());
    }

    #[test]
    fn words_split_where_letters_meet_digits() {
        assert_eq!(words("llama3 70B"), vec!["llama", "3", "70", "b"]);
        assert_eq!(words("H100-80"), vec!["h", "100", "80"]);
    }
}
