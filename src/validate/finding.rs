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
    /// The part of the subject this finding is the cause of, if it is one: every
    /// other finding at or under this pointer (by its path or by one of its
    /// [`concerns`](Finding::concerns)), no more severe than this one, is
    /// folded into it. See [`FindingBuilder::causes`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<JsonPointer>,
    /// Other places the finding is about, for folding only: a cause covering
    /// one of them folds this finding as if its path were there. See
    /// [`FindingBuilder::concerns`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<JsonPointer>,
    /// The findings this one implies, folded into it, in report order; a folded
    /// cause carries its own. Empty unless this finding is a cause.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub folded: Vec<Finding>,
}

impl Finding {
    /// How many findings are folded into this one, at every depth.
    ///
    /// ```
    /// use customer_strategy::validate::{Check, FnRule, JsonPointer, Profile, RuleMeta, RuleSet, Severity, Subject};
    ///
    /// struct Form;
    /// impl Subject for Form {
    ///     type Index = ();
    ///     fn index(&self) {}
    /// }
    /// fn empty(_: &Form, _: &(), check: &mut Check<'_>) {
    ///     let section = JsonPointer::from("/address");
    ///     check.finding(section.clone(), "form.empty", "The address is empty").causes(section).emit();
    ///     check.finding(JsonPointer::from("/address/city"), "form.city", "No city").emit();
    ///     check.finding(JsonPointer::from("/address/zip"), "form.zip", "No postcode").emit();
    /// }
    /// const META: RuleMeta = RuleMeta::new("FORM-ADDRESS-001", "Addresses are given", Severity::Error, "Post needs one.");
    /// let rules = RuleSet::builder().rule(FnRule::<Form>::new(META, empty)).build()?;
    /// let report = rules.validate(&Form, Profile::Final);
    /// assert_eq!(report.findings().len(), 1);
    /// assert_eq!(report.findings()[0].folded_count(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn folded_count(&self) -> usize {
        // Iterative, so that no depth of nesting can exhaust the stack.
        let mut count = 0;
        let mut pending: Vec<&Finding> = vec![self];
        while let Some(finding) = pending.pop() {
            count += finding.folded.len();
            pending.extend(finding.folded.iter());
        }
        count
    }

    /// Whether this finding covers `pointer`: it is a cause and `pointer` is
    /// at or under what it covers.
    ///
    /// ```
    /// use customer_strategy::validate::{Finding, JsonPointer};
    ///
    /// let cause: Finding = serde_json::from_value(serde_json::json!({
    ///     "code": "CANVAS-BLOCK-001", "severity": "error", "path": "/steering/governance",
    ///     "message": "The block is empty", "message_key": "canvas.block.empty",
    ///     "covers": "/steering/governance"
    /// }))?;
    /// assert!(cause.covers_pointer(&JsonPointer::from("/steering/governance")));
    /// assert!(cause.covers_pointer(&JsonPointer::from("/steering/governance/owner")));
    /// assert!(!cause.covers_pointer(&JsonPointer::from("/steering/governance_notes")));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn covers_pointer(&self, pointer: &JsonPointer) -> bool {
        self.covers
            .as_ref()
            .is_some_and(|covers| is_at_or_under(pointer.as_str(), covers.as_str()))
    }
}

/// Whether `pointer` is `base` or lies under it: `/a/b` is under `/a` but
/// `/ab` is not; everything is under the root (the empty pointer).
pub(crate) fn is_at_or_under(pointer: &str, base: &str) -> bool {
    pointer
        .strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

impl fmt::Display for Finding {
    /// One finding with its hint and related places, then how many findings
    /// are folded into it; the alternate form (`{:#}`) lists them, indented.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_finding(f, self, 0, f.alternate())
    }
}

fn write_finding(
    f: &mut fmt::Formatter<'_>,
    finding: &Finding,
    depth: usize,
    expand: bool,
) -> fmt::Result {
    let indent = "    ".repeat(depth);
    // The empty pointer is the whole document; "/" would be the key "".
    let path = if finding.path.as_str().is_empty() {
        "the document root"
    } else {
        finding.path.as_str()
    };
    write!(
        f,
        "{} {} at {}: {}",
        finding.severity, finding.code, path, finding.message
    )?;
    if let Some(hint) = &finding.hint {
        write!(f, "\n{indent}    hint: {hint}")?;
    }
    for related in &finding.related {
        write!(f, "\n{indent}    see also: {related}")?;
    }
    if !finding.folded.is_empty() {
        let count = finding.folded_count();
        write!(f, "\n{indent}    (+{count} implied finding(s) folded)")?;
        if expand {
            for inner in &finding.folded {
                write!(f, "\n{indent}    - ")?;
                write_finding(f, inner, depth + 1, expand)?;
            }
        }
    }
    Ok(())
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
            covers: None,
            concerns: Vec::new(),
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
    covers: Option<JsonPointer>,
    concerns: Vec<JsonPointer>,
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

    /// Makes this finding the cause of everything at or under `pointer`, such
    /// as an empty section of a form being the cause of each missing field in
    /// it.
    ///
    /// Once every rule has run, each other finding whose path (or one of whose
    /// [`concerns`](Self::concerns)) is at or under `pointer`, and which is no
    /// more severe than this one, is folded into it: carried in
    /// [`Finding::folded`] instead of listed beside it, and counted in
    /// [`Counts::folded`](crate::validate::Counts::folded). A finding under
    /// several causes goes to the one covering the deepest pointer above its
    /// path (the first in report order among causes of the same pointer); its
    /// [`concerns`](Self::concerns) are tried, in the order given, only when no
    /// cause covers its path. A cause is folded into another cause only
    /// by what it covers: when its pointer lies strictly under the other's, or
    /// at the same pointer with the other first in report order. A folded
    /// finding is never more severe than the one it is folded into, so folding
    /// never changes whether a report is valid.
    ///
    /// ```
    /// use customer_strategy::validate::{Check, FnRule, JsonPointer, Profile, RuleMeta, RuleSet, Severity, Subject};
    ///
    /// struct Form;
    /// impl Subject for Form {
    ///     type Index = ();
    ///     fn index(&self) {}
    /// }
    /// fn empty(_: &Form, _: &(), check: &mut Check<'_>) {
    ///     let section = JsonPointer::from("/address");
    ///     check.finding(section.clone(), "form.empty", "The address is empty").causes(section).emit();
    ///     check.finding(JsonPointer::from("/address/city"), "form.city", "No city").emit();
    ///     check.finding(JsonPointer::from("/name"), "form.name", "No name").emit();
    /// }
    /// const META: RuleMeta = RuleMeta::new("FORM-ADDRESS-001", "Addresses are given", Severity::Error, "Post needs one.");
    /// let rules = RuleSet::builder().rule(FnRule::<Form>::new(META, empty)).build()?;
    /// let report = rules.validate(&Form, Profile::Final);
    /// // The empty address and the missing name stand; the missing city is folded.
    /// assert_eq!(report.counts().error, 2);
    /// assert_eq!(report.counts().folded, 1);
    /// assert_eq!(report.findings()[0].folded[0].message, "No city");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn causes(mut self, pointer: JsonPointer) -> Self {
        self.covers = Some(pointer);
        self
    }

    /// Says that the finding is also about `pointer`, for folding: a cause
    /// covering `pointer` folds this finding as if its path were there. For a
    /// finding reported in one place that another, empty, part implies, such
    /// as "no objective supports this goal" when there are no objectives.
    ///
    /// ```
    /// use customer_strategy::validate::{Check, FnRule, JsonPointer, Profile, RuleMeta, RuleSet, Severity, Subject};
    ///
    /// struct Plan;
    /// impl Subject for Plan {
    ///     type Index = ();
    ///     fn index(&self) {}
    /// }
    /// fn check_plan(_: &Plan, _: &(), check: &mut Check<'_>) {
    ///     let steps = JsonPointer::from("/steps");
    ///     check.finding(steps.clone(), "plan.empty", "The plan has no steps").causes(steps.clone()).emit();
    ///     check.finding(JsonPointer::from("/goal"), "plan.goal", "No step reaches the goal")
    ///         .concerns(steps)
    ///         .emit();
    /// }
    /// const META: RuleMeta = RuleMeta::new("PLAN-STEPS-001", "Plans have steps", Severity::Error, "A plan is steps.");
    /// let rules = RuleSet::builder().rule(FnRule::<Plan>::new(META, check_plan)).build()?;
    /// let report = rules.validate(&Plan, Profile::Final);
    /// assert_eq!(report.findings().len(), 1);
    /// assert_eq!(report.findings()[0].folded[0].path.as_str(), "/goal");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn concerns(mut self, pointer: JsonPointer) -> Self {
        self.concerns.push(pointer);
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
            covers: self.covers,
            concerns: self.concerns,
            folded: Vec::new(),
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
