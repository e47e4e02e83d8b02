//! What the fuzz targets share: loading an input as every document type with
//! the checks every load must pass, the sample documents, and the tools of the
//! rendering checks (the markup skeleton of an HTML text, a document with its
//! markup characters replaced).

use std::fmt::Debug;
use std::sync::OnceLock;

use customer_strategy::validate::Config;
use customer_strategy::{Canvas, CultureSignals, Document, Instrument, LoadOptions, Round};
use serde_json::Value;

/// The text formats of the loaders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `Document::from_json` and `to_json`.
    Json,
    /// `Document::from_toml` and `to_toml`.
    Toml,
}

/// The input as text; the loaders take text, so other bytes are not tried.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The format an input most likely is: JSON when it starts with `{` or `[`.
pub fn guess(text: &str) -> Format {
    match text.trim_start().chars().next() {
        Some('{' | '[') => Format::Json,
        _ => Format::Toml,
    }
}

/// Loads `text` as a `D` and checks what every load must give:
///
/// - an error that reads `cannot load ...`, whose line and column (when
///   given) lie within the text;
/// - a document that, saved and loaded again, saves to the same text; from
///   JSON (which has no NaN) it also loads back equal.
///
/// Panics when a check fails, which is what libFuzzer reports.
pub fn load<D: Document + PartialEq + Debug>(text: &str, format: Format) -> Option<D> {
    let loaded = match format {
        Format::Json => D::from_json(text),
        Format::Toml => D::from_toml(text),
    };
    match loaded {
        Ok(document) => {
            let Ok(saved) = save(&document, format) else {
                // Some values cannot be written (a target that is not finite).
                return Some(document);
            };
            if saved.len() > LoadOptions::DEFAULT_MAX_BYTES {
                return Some(document);
            }
            let again: D = match format {
                Format::Json => D::from_json(&saved),
                Format::Toml => D::from_toml(&saved),
            }
            .unwrap_or_else(|e| panic!("a saved {} does not load: {e}\n{saved}", D::KIND));
            let resaved = save(&again, format)
                .unwrap_or_else(|e| panic!("a reloaded {} does not save: {e}", D::KIND));
            assert_eq!(saved, resaved, "saving a reloaded {} changes it", D::KIND);
            if format == Format::Json {
                assert_eq!(
                    again,
                    document,
                    "a {} changes on its way through JSON",
                    D::KIND
                );
            }
            Some(document)
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.starts_with("cannot load "), "{message}");
            let lines = text.matches('\n').count() + 1;
            if let Some(line) = error.line() {
                assert!(
                    (1..=lines).contains(&line),
                    "line {line} of {lines}: {message}"
                );
            }
            if let Some(column) = error.column() {
                assert!(column >= 1, "column {column}: {message}");
            }
            None
        }
    }
}

fn save<D: Document>(document: &D, format: Format) -> Result<String, String> {
    match format {
        Format::Json => document.to_json(),
        Format::Toml => document.to_toml(),
    }
    .map_err(|e| e.to_string())
}

/// An input loaded as each document type it loads as.
#[derive(Default)]
pub struct Loaded {
    /// As a canvas.
    pub canvas: Option<Canvas>,
    /// As an instrument.
    pub instrument: Option<Instrument>,
    /// As a round of responses.
    pub round: Option<Round>,
    /// As culture signals.
    pub signals: Option<CultureSignals>,
    /// As a rule configuration.
    pub config: Option<Config>,
}

/// Loads `text` in `format` as every document type, with the checks of [`load`].
pub fn load_all(text: &str, format: Format) -> Loaded {
    Loaded {
        canvas: load(text, format),
        instrument: load(text, format),
        round: load(text, format),
        signals: load(text, format),
        config: load(text, format),
    }
}

/// The sample documents of `examples/data/`, and the built-in instrument.
pub struct Samples {
    /// The built-in customer strategy maturity instrument.
    pub instrument: Instrument,
    /// The 2026 round.
    pub round: Round,
    /// The 2025 round.
    pub earlier: Round,
    /// The complete canvas.
    pub canvas: Canvas,
    /// The culture signals.
    pub signals: CultureSignals,
}

/// The samples, loaded once.
pub fn samples() -> &'static Samples {
    static SAMPLES: OnceLock<Samples> = OnceLock::new();
    SAMPLES.get_or_init(|| Samples {
        instrument: Instrument::customer_strategy_maturity().expect("the built-in instrument"),
        round: Round::from_toml(include_str!("../../examples/data/team_round_2026.toml"))
            .expect("the sample round"),
        earlier: Round::from_toml(include_str!("../../examples/data/team_round_2025.toml"))
            .expect("the sample earlier round"),
        canvas: Canvas::from_toml(include_str!("../../examples/data/harbour_bank_canvas.toml"))
            .expect("the sample canvas"),
        signals: CultureSignals::from_toml(include_str!(
            "../../examples/data/harbour_bank_culture.toml"
        ))
        .expect("the sample signals"),
    })
}

/// The markup of an HTML (or XML) text: each tag's name, and each attribute
/// name as `tag@attribute`, in order; text and attribute values are left out.
/// Only `<` opens a tag: escaped text has none.
pub fn skeleton(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' {
            continue;
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_whitespace() || c == '>' || (c == '/' && !name.is_empty()) {
                break;
            }
            name.push(c);
            chars.next();
        }
        if name.starts_with("!--") {
            // A comment, to its end.
            let mut tail = String::new();
            for c in chars.by_ref() {
                tail.push(c);
                if tail.ends_with("-->") {
                    break;
                }
            }
            out.push("!--".to_owned());
            continue;
        }
        out.push(name.clone());
        // Attributes up to the closing `>`, stepping over quoted values.
        loop {
            match chars.next() {
                None | Some('>') => break,
                Some(c) if c.is_whitespace() || c == '/' => {}
                Some(first) => {
                    let mut attribute = String::from(first);
                    while let Some(&c) = chars.peek() {
                        if c.is_whitespace() || matches!(c, '=' | '>' | '/') {
                            break;
                        }
                        attribute.push(c);
                        chars.next();
                    }
                    out.push(format!("{name}@{attribute}"));
                    if chars.peek() == Some(&'=') {
                        chars.next();
                        match chars.peek().copied() {
                            Some(quote @ ('"' | '\'')) => {
                                chars.next();
                                for c in chars.by_ref() {
                                    if c == quote {
                                        break;
                                    }
                                }
                            }
                            _ => {
                                while let Some(&c) = chars.peek() {
                                    if c.is_whitespace() || c == '>' {
                                        break;
                                    }
                                    chars.next();
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// The characters that make markup, and the private-use characters that stand
/// in for them in [`plain`].
const MARKUP: [(char, char); 5] = [
    ('<', '\u{E000}'),
    ('>', '\u{E001}'),
    ('&', '\u{E002}'),
    ('"', '\u{E003}'),
    ('\'', '\u{E004}'),
];

/// The document with every markup character (`<`, `>`, `&`, `"`, `'`) in its
/// text, keys included, replaced by a private-use character of its own. One
/// character stands in for one, so lengths, emptiness, order and sameness of
/// texts are kept, and rules and renderers that look at them decide alike.
///
/// `None` when that cannot be relied on: the document already holds one of
/// the stand-ins, cannot be written as JSON, or does not load once replaced.
pub fn plain<D: Document>(document: &D) -> Option<D> {
    let text = serde_json::to_string(document).ok()?;
    if text
        .chars()
        .any(|c| MARKUP.iter().any(|(_, stand_in)| c == *stand_in))
    {
        return None;
    }
    let mut value: Value = serde_json::from_str(&text).ok()?;
    replace(&mut value);
    D::from_json(&value.to_string()).ok()
}

fn replace(value: &mut Value) {
    match value {
        Value::String(text) => *text = replaced(text),
        Value::Array(items) => items.iter_mut().for_each(replace),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (key, mut item) in entries {
                replace(&mut item);
                map.insert(replaced(&key), item);
            }
        }
        _ => {}
    }
}

fn replaced(text: &str) -> String {
    text.chars()
        .map(|c| {
            MARKUP
                .iter()
                .find(|(markup, _)| c == *markup)
                .map_or(c, |(_, stand_in)| *stand_in)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skeleton_has_tags_and_attribute_names_only() {
        assert_eq!(
            skeleton("<!DOCTYPE html><p class=\"a > b\">x &lt; y</p><!-- <i> --><br/>"),
            [
                "!DOCTYPE",
                "!DOCTYPE@html",
                "p",
                "p@class",
                "/p",
                "!--",
                "br"
            ]
        );
    }

    #[test]
    fn text_that_became_markup_changes_the_skeleton() {
        let renderer = skeleton("<p>Harbour \u{E000}b\u{E001}Bank</p>");
        assert_ne!(skeleton("<p>Harbour <b>Bank</p>"), renderer);
        assert_ne!(
            skeleton("<p title=\"x\" onclick=\"y\">Bank</p>"),
            skeleton("<p title=\"x\">Bank</p>")
        );
        assert_eq!(skeleton("<p>Harbour &lt;b&gt;Bank</p>"), renderer);
    }

    #[test]
    fn plain_replaces_the_markup_of_text_and_keys_one_for_one() {
        let signals = CultureSignals::from_toml(
            "schema_version = 1\norganization = \"<b>'A' & \\\"B\\\"</b>\"\n",
        )
        .unwrap();
        let plain = plain(&signals).unwrap();
        assert_eq!(
            plain.organization,
            "\u{E000}b\u{E001}\u{E004}A\u{E004} \u{E002} \u{E003}B\u{E003}\u{E000}/b\u{E001}"
        );
        assert_eq!(
            plain.organization.chars().count(),
            signals.organization.chars().count()
        );
        // A document that holds a stand-in already is not relied on.
        let holds =
            CultureSignals::from_toml("schema_version = 1\norganization = \"\u{E000}\"\n").unwrap();
        assert!(super::plain(&holds).is_none());
    }
}
