//! Findings: what a rule reports, where in the document, in words and in data.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::validate::params::Params;
use crate::validate::severity::{Profile, Severity};

/// An RFC 6901 JSON Pointer into the serialized subject, built one step at a time.
///
/// Keys are escaped (`~` as `~0`, `/` as `~1`); array elements are addressed by index.
///
/// ```
/// use customer_strategy::validate::JsonPointer;
///
/// let path = JsonPointer::from("/context/customer/segments").index(2).key("needs").index(0);
/// assert_eq!(path.as_str(), "/context/customer/segments/2/needs/0");
/// assert_eq!(JsonPointer::root().key("a/b~c").as_str(), "/a~1b~0c");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct JsonPointer(String);

impl JsonPointer {
    /// The pointer to the whole document (the empty string).
    #[must_use]
    pub const fn root() -> Self {
        JsonPointer(String::new())
    }

    /// Appends an object key, escaping it.
    #[must_use]
    pub fn key(mut self, key: &str) -> Self {
        self.0.reserve(key.len() + 1);
        self.0.push('/');
        for c in key.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// Appends an array index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        use fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = write!(self.0, "/{index}");
        self
    }

    /// The pointer as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for JsonPointer {
    /// Takes `text` as an already escaped pointer, such as `"/metadata/scope"`.
    fn from(text: &str) -> Self {
        JsonPointer(text.to_owned())
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One problem a rule found.
///
/// The message is in English; a product that shows findings in another language
/// translates [`message_key`](Finding::message_key) and fills in
/// [`args`](Finding::args), which are the same values the English message shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Finding {
    /// The code of the rule that found it, such as `CANVAS-SCOPE-001`.
    pub code: String,
    /// How serious it is, after configuration and profile.
    pub severity: Severity,
    /// Where: an RFC 6901 JSON Pointer into the serialized subject.
    pub path: JsonPointer,
    /// What is wrong, in English.
    pub message: String,
    /// A stable key for the message, for translation.
    pub message_key: String,
    /// The values the message is built from, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, serde_json::Value>,
    /// How to put it right, where there is advice to give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Other places that take part in the problem, such as the first of two
    /// elements sharing an id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<JsonPointer>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The empty pointer is the whole document; "/" would be the key "".
        let path = if self.path.as_str().is_empty() {
            "the document root"
        } else {
            self.path.as_str()
        };
        write!(
            f,
            "{} {} at {}: {}",
            self.severity, self.code, path, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n    hint: {hint}")?;
        }
        for related in &self.related {
            write!(f, "\n    see also: {related}")?;
        }
        Ok(())
    }
}

/// What a rule is given to report with: its parameters, the profile, and the
/// means to emit findings under its own code and severity.
pub struct Check<'r> {
    code: &'static str,
    severity: Severity,
    profile: Profile,
    params: &'r Params,
    findings: &'r mut Vec<Finding>,
    stop_at_first: bool,
}

impl<'r> Check<'r> {
    pub(crate) fn new(
        code: &'static str,
        severity: Severity,
        profile: Profile,
        params: &'r Params,
        findings: &'r mut Vec<Finding>,
        stop_at_first: bool,
    ) -> Self {
        Check {
            code,
            severity,
            profile,
            params,
            findings,
            stop_at_first,
        }
    }

    /// The rule's parameters in force.
    #[must_use]
    pub fn params(&self) -> &'r Params {
        self.params
    }

    /// The profile the subject is judged under.
    #[must_use]
    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// The severity the rule's findings get.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Whether the caller needs no more findings from this rule: true in a yes/no
    /// check once an error exists. Rules with long loops may stop early.
    #[must_use]
    pub fn is_done(&self) -> bool {
        self.stop_at_first && self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Starts a finding at `path`.
    ///
    /// `template` is the English message; `{name}` in it is replaced by the
    /// argument `name` given with [`FindingBuilder::arg`]. `key` names the
    /// message for translation. The finding is recorded by [`FindingBuilder::emit`].
    pub fn finding(
        &mut self,
        path: JsonPointer,
        key: &'static str,
        template: &'static str,
    ) -> FindingBuilder<'_, 'r> {
        FindingBuilder {
            severity: self.severity,
            check: self,
            path,
            key,
            template,
            args: BTreeMap::new(),
            hint: None,
            related: Vec::new(),
        }
    }
}

/// A finding being built; see [`Check::finding`]. Nothing is recorded until
/// [`emit`](FindingBuilder::emit).
#[must_use = "a finding is recorded only by `emit`"]
pub struct FindingBuilder<'c, 'r> {
    check: &'c mut Check<'r>,
    severity: Severity,
    path: JsonPointer,
    key: &'static str,
    template: &'static str,
    args: BTreeMap<String, serde_json::Value>,
    hint: Option<String>,
    related: Vec<JsonPointer>,
}

impl FindingBuilder<'_, '_> {
    /// Adds a named value to the message.
    pub fn arg(mut self, name: &str, value: impl Into<serde_json::Value>) -> Self {
        self.args.insert(name.to_owned(), value.into());
        self
    }

    /// Adds advice on how to put the problem right.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Lowers this finding's severity to at most `severity`, for a finding that
    /// says less than the rule's usual one, such as "could not be judged"
    /// beside "found". A configured severity is lowered the same way.
    pub fn at_most(mut self, severity: Severity) -> Self {
        self.severity = self.severity.min(severity);
        self
    }

    /// Adds another place that takes part in the problem.
    pub fn related(mut self, path: JsonPointer) -> Self {
        self.related.push(path);
        self
    }

    /// Records the finding.
    pub fn emit(self) {
        let message = render(self.template, &self.args);
        let finding = Finding {
            code: self.check.code.to_owned(),
            severity: self.severity,
            path: self.path,
            message,
            message_key: self.key.to_owned(),
            args: self.args,
            hint: self.hint,
            related: self.related,
        };
        self.check.findings.push(finding);
    }
}

/// Fills `{name}` placeholders from `args`; text values are inserted without quotes.
fn render(template: &str, args: &BTreeMap<String, serde_json::Value>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_open) = rest.split_at(open);
        out.push_str(before);
        let after_open = from_open.get(1..).unwrap_or("");
        match after_open.find('}') {
            Some(close) => {
                let name = after_open.get(..close).unwrap_or("");
                match args.get(name) {
                    Some(serde_json::Value::String(text)) => out.push_str(text),
                    Some(value) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = after_open.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_str(from_open);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_fills_placeholders() {
        let mut args = BTreeMap::new();
        args.insert("name".to_owned(), serde_json::Value::from("Savers"));
        args.insert("n".to_owned(), serde_json::Value::from(3));
        assert_eq!(render("{name} has {n} needs", &args), "Savers has 3 needs");
        assert_eq!(render("unknown {x} stays", &args), "unknown {x} stays");
        assert_eq!(render("open { brace", &args), "open { brace");
        assert_eq!(render("", &args), "");
    }
}
