//! Reading and writing documents as JSON and TOML: size limits, strictness,
//! schema versions, and errors that say where the input went wrong.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

/// The version of a document's format, carried by every document.
///
/// A reader refuses a document whose version it does not know, rather than
/// guessing at what a newer format means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct SchemaVersion(u32);

impl SchemaVersion {
    /// Creates a schema version from its number.
    #[must_use]
    pub const fn new(version: u32) -> Self {
        SchemaVersion(version)
    }

    /// The version number.
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for SchemaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

// Any version number the type can hold; `crate::schema` pins each document's
// `schema_version` to the one version this release reads.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for SchemaVersion {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "SchemaVersion".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        "customer_strategy::SchemaVersion".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "integer",
            "minimum": u32::MIN,
            "maximum": u32::MAX,
            "description": "The version of the document format.",
        })
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u32::deserialize(deserializer).map(SchemaVersion)
    }
}

/// The text formats documents are read from and written to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON (RFC 8259).
    Json,
    /// TOML 1.0.
    Toml,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Json => "JSON",
            Format::Toml => "TOML",
        })
    }
}

/// Options for loading a document.
///
/// ```
/// use customer_strategy::LoadOptions;
///
/// let options = LoadOptions::default().with_max_bytes(64 * 1024);
/// assert_eq!(options.max_bytes(), 65_536);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    max_bytes: usize,
    max_toml_tokens: usize,
}

impl LoadOptions {
    /// The default size limit: 8 MiB, far above any real canvas or assessment round.
    pub const DEFAULT_MAX_BYTES: usize = 8 * 1024 * 1024;

    /// Sets the largest input, in bytes, the loader accepts before it parses anything.
    #[must_use]
    pub const fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// The largest input, in bytes, the loader accepts.
    #[must_use]
    pub const fn max_bytes(&self) -> usize {
        self.max_bytes
    }

    /// The default budget of TOML tokens: 1,500,000, the crate's default.
    ///
    /// The TOML parser holds every token of the text, and an event for it, in
    /// memory before it looks at the document: about 60 bytes a token. Typical
    /// TOML has a token every two to four bytes, so the budget admits about 3
    /// to 5 MiB of it (a round of several thousand respondents), while 8 MiB
    /// of punctuation, which would cost the parser half a gigabyte, is refused
    /// after a scan that allocates nothing. JSON has no such budget: its
    /// parser streams.
    pub const DEFAULT_MAX_TOML_TOKENS: usize = 1_500_000;

    /// Sets the most tokens a TOML input may have, counted by a scan before
    /// it is parsed.
    ///
    /// ```
    /// use customer_strategy::{Document, LoadOptions, Round};
    ///
    /// let tight = LoadOptions::default().with_max_toml_tokens(10);
    /// let err = Round::from_toml_with("schema_version = 1\nname = \"Q1\"\n", &tight).unwrap_err();
    /// assert!(err.is_too_large());
    /// assert_eq!(err.line(), Some(2));
    /// ```
    #[must_use]
    pub const fn with_max_toml_tokens(mut self, max_tokens: usize) -> Self {
        self.max_toml_tokens = max_tokens;
        self
    }

    /// The most tokens a TOML input may have.
    #[must_use]
    pub const fn max_toml_tokens(&self) -> usize {
        self.max_toml_tokens
    }
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: Self::DEFAULT_MAX_BYTES,
            max_toml_tokens: Self::DEFAULT_MAX_TOML_TOKENS,
        }
    }
}

mod strict;
mod toml_scan;

mod sealed {
    pub trait Sealed {}
}

pub(crate) use sealed::Sealed;

/// A document type of this crate: a canvas today, assessment instruments and
/// rounds of responses as they arrive. Gives every document the same loaders.
///
/// Loading is strict: an unknown field, a missing required field, a value of the
/// wrong type, or a `schema_version` this release does not know is an error.
///
/// This trait is sealed: it is implemented by the crate's document types only.
pub trait Document: Serialize + DeserializeOwned + Sealed {
    /// What the document is, in words, e.g. `"canvas"`.
    const KIND: &'static str;
    /// The schema version this release reads and writes.
    const SCHEMA_VERSION: SchemaVersion;
    /// Where the document keeps its schema version: the keys from the root.
    #[doc(hidden)]
    const VERSION_KEYS: &'static [&'static str];

    /// The schema version the document says it follows.
    fn schema_version(&self) -> SchemaVersion;

    /// Loads a document from JSON text with the default [`LoadOptions`].
    ///
    /// # Errors
    ///
    /// See [`Document::from_json_with`].
    fn from_json(text: &str) -> Result<Self, LoadError> {
        Self::from_json_with(text, &LoadOptions::default())
    }

    /// Loads a document from JSON text.
    ///
    /// # Errors
    ///
    /// Returns a [`LoadError`] when the text is larger than the options allow, is not
    /// JSON, does not match the document's shape (unknown field, missing field,
    /// wrong type, value out of range, a key given twice in a map, an object
    /// written as an array), or declares an unsupported `schema_version`.
    /// The error gives the line, the column and the path of the offending field.
    fn from_json_with(text: &str, options: &LoadOptions) -> Result<Self, LoadError> {
        load::<Self>(text, Format::Json, options)
    }

    /// Loads a document from TOML text with the default [`LoadOptions`].
    ///
    /// # Errors
    ///
    /// See [`Document::from_toml_with`].
    fn from_toml(text: &str) -> Result<Self, LoadError> {
        Self::from_toml_with(text, &LoadOptions::default())
    }

    /// Loads a document from TOML text.
    ///
    /// # Errors
    ///
    /// Returns a [`LoadError`] when the text is larger than the options allow (in
    /// bytes, or in TOML tokens), nests deeper than any document does, is not
    /// TOML, does not match the document's shape (unknown field, missing field,
    /// wrong type, value out of range, a number that is not finite, a table
    /// written as an array), or declares an unsupported `schema_version`.
    /// The error gives the line, the column and the path of the offending field.
    fn from_toml_with(text: &str, options: &LoadOptions) -> Result<Self, LoadError> {
        load::<Self>(text, Format::Toml, options)
    }

    /// Writes the document as pretty-printed JSON.
    ///
    /// # Errors
    ///
    /// Returns a [`SaveError`] when a value cannot be represented, such as a
    /// target value that is not a finite number.
    fn to_json(&self) -> Result<String, SaveError> {
        serde_json::to_string_pretty(self).map_err(|e| SaveError {
            format: Format::Json,
            message: e.to_string(),
        })
    }

    /// Writes the document as TOML.
    ///
    /// # Errors
    ///
    /// Returns a [`SaveError`] when a value cannot be represented, such as a
    /// target value that is not a finite number.
    fn to_toml(&self) -> Result<String, SaveError> {
        toml::to_string(self).map_err(|e| SaveError {
            format: Format::Toml,
            message: e.to_string(),
        })
    }
}

fn load<D: Document>(text: &str, format: Format, options: &LoadOptions) -> Result<D, LoadError> {
    if text.len() > options.max_bytes {
        return Err(LoadError {
            document: D::KIND,
            format,
            kind: LoadErrorKind::TooLarge {
                limit: options.max_bytes,
                size: text.len(),
            },
            location: None,
            field: None,
            message: format!(
                "the input is {} bytes, over the limit of {} bytes",
                text.len(),
                options.max_bytes
            ),
        });
    }
    let loaded = if is_blank(text, format) {
        Err(LoadError {
            document: "",
            format,
            kind: LoadErrorKind::MissingField,
            location: Some(Location { line: 1, column: 1 }),
            field: None,
            message: format!(
                "the input is empty: a {} document needs at least `{}`",
                D::KIND,
                D::VERSION_KEYS.first().copied().unwrap_or("schema_version")
            ),
        })
    } else {
        match format {
            Format::Json => load_json::<D>(text),
            Format::Toml => load_toml::<D>(text, options),
        }
    };
    loaded.map_err(|mut error| {
        error.document = D::KIND;
        error
    })
}

/// Whether the text holds nothing but white space (and, in TOML, comments).
fn is_blank(text: &str, format: Format) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || (format == Format::Toml && line.starts_with('#'))
    })
}

/// The error for a document whose `schema_version` this release does not read.
fn unsupported_version<D: Document>(
    format: Format,
    found: u64,
    location: Option<Location>,
) -> LoadError {
    LoadError {
        document: D::KIND,
        format,
        kind: LoadErrorKind::UnsupportedVersion {
            found,
            supported: D::SCHEMA_VERSION.get(),
        },
        location,
        field: Some(D::VERSION_KEYS.join(".")),
        message: format!(
            "unsupported schema_version {found}: this release reads {} documents of schema_version {}",
            D::KIND,
            D::SCHEMA_VERSION
        ),
    }
}

/// Loads JSON. The text is read once, straight into the document; only when
/// that fails is it read again, to find the version the document declares (a
/// document from a newer release fails first on what this release does not
/// know) and the path of the field at fault, which costs too much to track
/// on every load.
fn load_json<D: Document>(text: &str) -> Result<D, LoadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let fast = strict::deserialize::<D, _>(&mut deserializer)
        .and_then(|document| deserializer.end().map(|()| document));
    if let Ok(document) = fast {
        let found = document.schema_version();
        if found == D::SCHEMA_VERSION {
            return Ok(document);
        }
        let location = json_version::<D>(text).and_then(|(_, at)| at);
        return Err(unsupported_version::<D>(
            Format::Json,
            u64::from(found.get()),
            location,
        ));
    }
    if let Some((found, location)) = json_version::<D>(text)
        && found != u64::from(D::SCHEMA_VERSION.get())
    {
        return Err(unsupported_version::<D>(Format::Json, found, location));
    }
    parse_json::<D>(text).map(|_| ()).and(Err(LoadError {
        // The second reading found no fault the first one did: unreachable
        // for a deterministic deserializer, and still reported, not assumed.
        document: "",
        format: Format::Json,
        kind: LoadErrorKind::Syntax,
        location: None,
        field: None,
        message: "the document could not be read".to_owned(),
    }))
}

/// Loads TOML. The text is scanned for excessive nesting, parsed once into a
/// tree, checked for its version, then read into the document.
fn load_toml<D: Document>(text: &str, options: &LoadOptions) -> Result<D, LoadError> {
    if let Some((excess, offset)) = toml_scan::scan(text, options.max_toml_tokens) {
        let kind = match excess {
            toml_scan::Excess::Tokens => LoadErrorKind::TooManyTokens {
                limit: options.max_toml_tokens,
            },
            toml_scan::Excess::Depth | toml_scan::Excess::KeyParts => LoadErrorKind::TooDeep,
        };
        let message = match excess {
            toml_scan::Excess::Depth => format!(
                "arrays and inline tables nest more than {} deep, which no document does",
                toml_scan::MAX_DEPTH
            ),
            toml_scan::Excess::KeyParts => format!(
                "a dotted key has more than {} parts, which no document has",
                toml_scan::MAX_KEY_PARTS
            ),
            toml_scan::Excess::Tokens => format!(
                "the TOML text has more than {} tokens, over the limit; \
                 write documents this large as JSON, or raise the limit",
                options.max_toml_tokens
            ),
        };
        return Err(LoadError {
            document: "",
            format: Format::Toml,
            kind,
            location: Some(Location::of_offset(text, offset)),
            field: None,
            message,
        });
    }
    let root = toml::de::DeTable::parse(text).map_err(|inner| {
        let mut message = inner.message().trim_end().to_owned();
        // The parser names no key it finds twice; the key is where it points.
        if message == "duplicate key"
            && let Some(key) = inner.span().and_then(|span| text.get(span))
        {
            message = format!("duplicate key `{key}`");
        }
        if looks_like_json(text) {
            message.push_str(" (the text looks like JSON: read it with the JSON loader)");
        }
        LoadError {
            document: "",
            format: Format::Toml,
            kind: LoadErrorKind::Syntax,
            location: inner
                .span()
                .map(|span| Location::of_offset(text, span.start)),
            field: None,
            message,
        }
    })?;
    let span = root.span();
    let root = toml::de::DeValue::Table(root.into_inner());
    if let Some((found, at)) = toml_version::<D>(&root)
        && found != Some(u64::from(D::SCHEMA_VERSION.get()))
        && let Some(found) = found
    {
        return Err(unsupported_version::<D>(
            Format::Toml,
            found,
            Some(Location::of_offset(text, at)),
        ));
    }
    let toml::de::DeValue::Table(root) = root else {
        return Err(LoadError {
            document: "",
            format: Format::Toml,
            kind: LoadErrorKind::Syntax,
            location: None,
            field: None,
            message: "a TOML document is a table".to_owned(),
        });
    };
    let deserializer = toml::Deserializer::from(toml::Spanned::new(span, root));
    let mut track = serde_path_to_error::Track::new();
    let tracked = serde_path_to_error::Deserializer::new(deserializer, &mut track);
    strict::deserialize::<D, _>(tracked).map_err(|inner| {
        let path = track.path();
        let message = inner.message().to_owned();
        let field = field_path(&path, &message);
        LoadError {
            document: "",
            format: Format::Toml,
            kind: classify_data_error(&message),
            location: inner
                .span()
                .map(|span| Location::of_offset(text, span.start)),
            field,
            message,
        }
    })
}

/// Whether text that failed to parse as TOML reads as JSON.
fn looks_like_json(text: &str) -> bool {
    let start = text.trim_start();
    (start.starts_with('{') || start.starts_with('['))
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

/// The version a TOML tree declares, and the offset of its value: `None` as
/// the version when the key holds something that is not a version number.
fn toml_version<D: Document>(root: &toml::de::DeValue<'_>) -> Option<(Option<u64>, usize)> {
    let mut value = None;
    let mut node = root;
    for key in D::VERSION_KEYS {
        let spanned = node.get(*key)?;
        node = spanned.get_ref();
        value = Some(spanned);
    }
    let spanned = value?;
    let number = spanned
        .get_ref()
        .as_integer()
        .and_then(|n| u64::from_str_radix(&n.as_str().replace('_', ""), n.radix()).ok());
    Some((number, spanned.span().start))
}

/// The version a JSON document declares and where, read leniently: nothing
/// but the keys on the way to the version is looked at, and nothing is kept.
fn json_version<D: Document>(text: &str) -> Option<(u64, Option<Location>)> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let probe = VersionProbe {
        keys: D::VERSION_KEYS,
    };
    match serde::de::DeserializeSeed::deserialize(probe, &mut deserializer) {
        // The probe stops with an error at the version, so the error's
        // position is the version's.
        Err(error) => {
            let found = error.to_string();
            let number = found.strip_prefix(VERSION_FOUND)?;
            let number: u64 = number.split(' ').next()?.parse().ok()?;
            // The error stands at or just after the number: point at its start.
            let location = (error.line() > 0).then(|| {
                let (line, column) = (error.line(), error.column());
                let digits = number.to_string();
                let start = text
                    .lines()
                    .nth(line - 1)
                    .and_then(|row| {
                        let end = row.char_indices().nth(column).map_or(row.len(), |(i, _)| i);
                        row.get(..end)?
                            .rfind(&digits)
                            .map(|at| row.get(..at).map_or(0, |b| b.chars().count()))
                    })
                    .map_or(column.max(1), |before| before + 1);
                Location {
                    line,
                    column: start,
                }
            });
            Some((number, location))
        }
        Ok(()) => None,
    }
}

/// The marker of the probe's deliberate stop at the version it found.
const VERSION_FOUND: &str = "schema_version found: ";

/// Walks a JSON document along `keys` to the version, ignoring the rest.
struct VersionProbe {
    keys: &'static [&'static str],
}

impl<'de> serde::de::DeserializeSeed<'de> for VersionProbe {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.keys.split_first() {
            None => {
                let version = u64::deserialize(deserializer)?;
                Err(serde::de::Error::custom(format!(
                    "{VERSION_FOUND}{version}"
                )))
            }
            Some(_) => deserializer.deserialize_map(self),
        }
    }
}

impl<'de> serde::de::Visitor<'de> for VersionProbe {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.keys.split_first() else {
            return Ok(());
        };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == *first {
                return map.next_value_seed(VersionProbe { keys: rest });
            }
            map.next_value::<serde::de::IgnoredAny>()?;
        }
        Ok(())
    }
}

/// Reads JSON with the path of every field tracked, for the error it gives.
fn parse_json<D: DeserializeOwned>(text: &str) -> Result<D, LoadError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let tracked = serde_path_to_error::Deserializer::new(&mut deserializer, &mut track);
    let document = strict::deserialize::<D, _>(tracked).map_err(|inner| {
        let path = track.path();
        let (line, column) = (inner.line(), inner.column());
        let full = inner.to_string();
        let suffix = format!(" at line {line} column {column}");
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
        let (kind, message) = match inner.classify() {
            serde_json::error::Category::Data => (classify_data_error(&message), message),
            // serde_json reports a non-string where an enum's name belongs as
            // "expected value", a syntax error; when the text is well-formed
            // JSON, it is a wrong type. Every other syntax error stands.
            serde_json::error::Category::Syntax
                if message == "expected value"
                    && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() =>
            {
                (
                    LoadErrorKind::WrongType,
                    "invalid type: expected a string naming one of the allowed values".to_owned(),
                )
            }
            _ => (LoadErrorKind::Syntax, message),
        };
        LoadError {
            document: "",
            format: Format::Json,
            kind,
            // serde_json counts a position just after a line break as column 0.
            location: (line > 0).then_some(Location {
                line,
                column: column.max(1),
            }),
            field: if matches!(kind, LoadErrorKind::Syntax) {
                None
            } else {
                field_path(&path, &message)
            },
            message,
        }
    })?;
    // Trailing characters after the document are a syntax error too.
    deserializer.end().map_err(|inner| LoadError {
        document: "",
        format: Format::Json,
        kind: LoadErrorKind::Syntax,
        location: Some(Location {
            line: inner.line(),
            column: inner.column().max(1),
        }),
        field: None,
        message: "trailing characters after the document".to_owned(),
    })?;
    Ok(document)
}

/// The path of the field an error concerns. serde reports a missing field at the
/// struct that lacks it, so the missing field's own name is appended.
fn field_path(path: &serde_path_to_error::Path, message: &str) -> Option<String> {
    // An error inside a map key leaves a `?` where the key's name would be.
    let parent = path.to_string();
    let parent = parent.strip_suffix(".?").unwrap_or(&parent).to_owned();
    let parent = if parent == "?" {
        ".".to_owned()
    } else {
        parent
    };
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next());
    match (parent.as_str(), missing) {
        (".", None) => None,
        (".", Some(name)) => Some(name.to_owned()),
        (_, Some(name)) => Some(format!("{parent}.{name}")),
        (_, None) => Some(parent),
    }
}

/// Sorts a deserialization error by the wording serde gives each kind of mismatch.
fn classify_data_error(message: &str) -> LoadErrorKind {
    if message.starts_with("unknown field") {
        LoadErrorKind::UnknownField
    } else if message.starts_with("missing field") {
        LoadErrorKind::MissingField
    } else if message.starts_with("invalid type") || message.starts_with("wanted ") {
        LoadErrorKind::WrongType
    } else {
        LoadErrorKind::InvalidValue
    }
}

/// A position in the input text; line and column count from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Location {
    line: usize,
    column: usize,
}

impl Location {
    fn of_offset(text: &str, offset: usize) -> Location {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        Location { line, column }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum LoadErrorKind {
    TooLarge { limit: usize, size: usize },
    Syntax,
    UnknownField,
    MissingField,
    WrongType,
    InvalidValue,
    UnsupportedVersion { found: u64, supported: u32 },
    TooDeep,
    TooManyTokens { limit: usize },
}

/// The error returned when a document cannot be loaded.
///
/// Its message says which document and format, where (line, column and the path
/// of the field) and what is wrong. Predicates tell the kinds of failure apart.
///
/// ```
/// use customer_strategy::{Canvas, Document};
///
/// let err = Canvas::from_toml("[metadata]\nschema_version = 99\n").unwrap_err();
/// assert!(err.is_unsupported_version());
/// assert_eq!(
///     err.to_string(),
///     "cannot load canvas TOML at line 2, column 18: field `metadata.schema_version`: \
///      unsupported schema_version 99: this release reads canvas documents of schema_version 1"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    document: &'static str,
    format: Format,
    kind: LoadErrorKind,
    location: Option<Location>,
    field: Option<String>,
    message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot load {} {}", self.document, self.format)?;
        if let Some(Location { line, column }) = self.location {
            write!(f, " at line {line}, column {column}")?;
        }
        f.write_str(": ")?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.message)
    }
}

impl LoadError {
    /// The format the input was read as.
    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }

    /// The line of the input where the problem was found, counting from 1.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.location.map(|l| l.line)
    }

    /// The column of the input where the problem was found, counting from 1.
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.location.map(|l| l.column)
    }

    /// The path of the offending field from the document's root, such as
    /// `context.customer.segments[0].name`, where the problem concerns a field.
    #[must_use]
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// What is wrong, without the location.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether the input was refused for its size before it was parsed: more
    /// bytes than [`LoadOptions::max_bytes`], or TOML with more tokens than
    /// [`LoadOptions::max_toml_tokens`].
    #[must_use]
    pub fn is_too_large(&self) -> bool {
        matches!(
            self.kind,
            LoadErrorKind::TooLarge { .. } | LoadErrorKind::TooManyTokens { .. }
        )
    }

    /// The size limit and the input's size, when the input was too large.
    #[must_use]
    pub fn size_limit(&self) -> Option<(usize, usize)> {
        match self.kind {
            LoadErrorKind::TooLarge { limit, size } => Some((limit, size)),
            _ => None,
        }
    }

    /// Whether the input is not well-formed JSON or TOML.
    #[must_use]
    pub fn is_syntax(&self) -> bool {
        matches!(self.kind, LoadErrorKind::Syntax)
    }

    /// Whether the input has a field the document type does not have.
    #[must_use]
    pub fn is_unknown_field(&self) -> bool {
        matches!(self.kind, LoadErrorKind::UnknownField)
    }

    /// Whether the input lacks a required field.
    #[must_use]
    pub fn is_missing_field(&self) -> bool {
        matches!(self.kind, LoadErrorKind::MissingField)
    }

    /// Whether a value in the input has the wrong type, such as text for a number.
    #[must_use]
    pub fn is_wrong_type(&self) -> bool {
        matches!(self.kind, LoadErrorKind::WrongType)
    }

    /// Whether a value has the right type but is not allowed, such as an unknown
    /// enum variant, a malformed id or date, or a share above 1.
    #[must_use]
    pub fn is_invalid_value(&self) -> bool {
        matches!(self.kind, LoadErrorKind::InvalidValue)
    }

    /// Whether the input nests deeper than any document does, and was refused
    /// before it was parsed: TOML arrays and inline tables more than 32 deep,
    /// or a dotted key of more than 32 parts (the crate's defaults; the
    /// deepest document nests a handful).
    ///
    /// ```
    /// use customer_strategy::{Canvas, Document};
    ///
    /// let text = format!("x = {}", "[".repeat(1_000));
    /// let err = Canvas::from_toml(&text).unwrap_err();
    /// assert!(err.is_too_deep());
    /// assert_eq!((err.line(), err.column()), (Some(1), Some(37)));
    /// ```
    #[must_use]
    pub fn is_too_deep(&self) -> bool {
        matches!(self.kind, LoadErrorKind::TooDeep)
    }

    /// Whether the document declares a schema version this release does not read.
    #[must_use]
    pub fn is_unsupported_version(&self) -> bool {
        matches!(self.kind, LoadErrorKind::UnsupportedVersion { .. })
    }
}

/// The error returned when a document cannot be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot write {format}: {message}")]
pub struct SaveError {
    format: Format,
    message: String,
}

impl SaveError {
    /// The format that was being written.
    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_and_characters() {
        let text = "a\nbé\ncd";
        assert_eq!(
            Location::of_offset(text, 0),
            Location { line: 1, column: 1 }
        );
        assert_eq!(
            Location::of_offset(text, 2),
            Location { line: 2, column: 1 }
        );
        // 'é' is two bytes but one column.
        assert_eq!(
            Location::of_offset(text, 5),
            Location { line: 2, column: 3 }
        );
        assert_eq!(
            Location::of_offset(text, 7),
            Location { line: 3, column: 2 }
        );
    }
}
