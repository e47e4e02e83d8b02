//! Rule sets: built once from rules and a configuration, then run on any number
//! of subjects, from any number of threads.

use std::collections::BTreeMap;
use std::fmt;

use crate::validate::config::Config;
use crate::validate::describe::Catalogue;
use crate::validate::finding::{Check, Finding};
use crate::validate::fold;
use crate::validate::params::{ParamMismatch, ParamValue, Params};
use crate::validate::report::Report;
use crate::validate::rule::{Rule, RuleMeta, Subject};
use crate::validate::severity::{Profile, Severity};

/// An immutable, configured set of rules over subjects of type `S`.
///
/// Build it once with [`RuleSet::builder`]; every configuration mistake is
/// reported then, not while validating. A built set is `Send + Sync` and can be
/// shared across threads and reused for any number of subjects.
pub struct RuleSet<S: Subject + ?Sized + 'static> {
    rules: Vec<ConfiguredRule<S>>,
}

struct ConfiguredRule<S: Subject + ?Sized + 'static> {
    rule: Box<dyn Rule<S>>,
    enabled: bool,
    severity: Option<Severity>,
    params: Params,
}

impl<S: Subject + ?Sized + 'static> ConfiguredRule<S> {
    fn severity_in(&self, profile: Profile) -> Severity {
        self.severity
            .unwrap_or_else(|| self.rule.meta().severity_in(profile))
    }

    fn runs_in(&self, profile: Profile) -> bool {
        self.enabled && self.rule.meta().runs_in(profile)
    }
}

impl<S: Subject + ?Sized + 'static> fmt::Debug for RuleSet<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.rules.iter().map(|r| r.rule.meta().code()))
            .finish()
    }
}

impl<S: Subject + ?Sized + 'static> RuleSet<S> {
    /// Starts building a rule set.
    #[must_use]
    pub fn builder() -> RuleSetBuilder<S> {
        RuleSetBuilder {
            rules: Vec::new(),
            config: Config::default(),
        }
    }

    /// Judges `subject` under `profile` and reports every finding, each one a
    /// reported cause implies folded into it (see [`FindingBuilder::causes`](crate::validate::FindingBuilder::causes)).
    #[must_use]
    pub fn validate(&self, subject: &S, profile: Profile) -> Report {
        let index = subject.index();
        let mut findings: Vec<Finding> = Vec::new();
        for configured in self.rules.iter().filter(|r| r.runs_in(profile)) {
            let mut check = Check::new(
                configured.rule.meta().code(),
                configured.severity_in(profile),
                profile,
                &configured.params,
                &mut findings,
                false,
            );
            configured.rule.check(subject, &index, &mut check);
        }
        Report::new(profile, fold::fold(findings))
    }

    /// Answers whether `subject` is valid under `profile` (no error-level
    /// finding), running only the rules that can report errors and stopping at
    /// the first error. It agrees with [`validate`](Self::validate): folding
    /// moves a finding only into one at least as severe, so it never changes
    /// whether an error stands, and this check need not fold.
    #[must_use]
    pub fn is_valid(&self, subject: &S, profile: Profile) -> bool {
        let index = subject.index();
        let mut findings: Vec<Finding> = Vec::new();
        for configured in self
            .rules
            .iter()
            .filter(|r| r.runs_in(profile) && r.severity_in(profile) == Severity::Error)
        {
            let mut check = Check::new(
                configured.rule.meta().code(),
                Severity::Error,
                profile,
                &configured.params,
                &mut findings,
                true,
            );
            configured.rule.check(subject, &index, &mut check);
            // A rule may lower some findings below error; only errors decide.
            if findings.iter().any(|f| f.severity == Severity::Error) {
                return false;
            }
        }
        true
    }

    /// The rules of the set, in the order they run (by code), with the settings
    /// in force.
    pub fn rules(&self) -> impl Iterator<Item = RuleInfo<'_>> {
        self.rules.iter().map(|r| RuleInfo {
            meta: r.rule.meta(),
            enabled: r.enabled,
            severity: r.severity,
            params: &r.params,
        })
    }

    /// Describes every rule of the set with the settings in force, for listing
    /// as text, JSON or Markdown.
    #[must_use]
    pub fn describe(&self) -> Catalogue {
        Catalogue::new(self.rules())
    }

    /// The number of rules in the set, enabled or not.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether the set has no rules.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// A rule of a built set with the settings in force.
#[derive(Clone, Copy, Debug)]
pub struct RuleInfo<'a> {
    meta: &'a RuleMeta,
    enabled: bool,
    severity: Option<Severity>,
    params: &'a Params,
}

impl<'a> RuleInfo<'a> {
    /// The rule's metadata.
    #[must_use]
    pub fn meta(&self) -> &'a RuleMeta {
        self.meta
    }

    /// Whether the rule runs.
    #[must_use]
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The severity of the rule's findings under `profile`.
    #[must_use]
    pub fn severity_in(&self, profile: Profile) -> Severity {
        self.severity
            .unwrap_or_else(|| self.meta.severity_in(profile))
    }

    /// The parameters in force.
    #[must_use]
    pub fn params(&self) -> &'a Params {
        self.params
    }
}

/// Builds a [`RuleSet`]: add rules, give a configuration, then [`build`](Self::build).
///
/// ```
/// use customer_strategy::validate::{Check, Profile, Rule, RuleMeta, RuleSet, Severity, Subject, JsonPointer};
///
/// struct Order { lines: Vec<u32> }
/// impl Subject for Order {
///     type Index = ();
///     fn index(&self) {}
/// }
///
/// struct HasLines;
/// impl Rule<Order> for HasLines {
///     fn meta(&self) -> &RuleMeta {
///         const META: RuleMeta = RuleMeta::new(
///             "SHOP-ORDER-001", "Orders have lines", Severity::Error, "An empty order ships nothing.");
///         &META
///     }
///     fn check(&self, order: &Order, _: &(), check: &mut Check<'_>) {
///         if order.lines.is_empty() {
///             check.finding(JsonPointer::from("/lines"), "shop.order.empty", "The order has no lines").emit();
///         }
///     }
/// }
///
/// let rules = RuleSet::builder().rule(HasLines).build()?;
/// assert!(!rules.is_valid(&Order { lines: vec![] }, Profile::Final));
/// assert!(rules.validate(&Order { lines: vec![2] }, Profile::Final).is_valid());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct RuleSetBuilder<S: Subject + ?Sized + 'static> {
    rules: Vec<Box<dyn Rule<S>>>,
    config: Config,
}

impl<S: Subject + ?Sized + 'static> RuleSetBuilder<S> {
    /// Adds a rule.
    #[must_use]
    pub fn rule(mut self, rule: impl Rule<S> + 'static) -> Self {
        self.rules.push(Box::new(rule));
        self
    }

    /// Adds rules, such as a built-in catalogue.
    #[must_use]
    pub fn rules(mut self, rules: impl IntoIterator<Item = Box<dyn Rule<S>>>) -> Self {
        self.rules.extend(rules);
        self
    }

    /// Sets the configuration; without one, every rule runs with its defaults.
    #[must_use]
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// Checks the rules and the configuration together and builds the set.
    ///
    /// # Errors
    ///
    /// Returns a [`BuildError`] listing every problem found: a rule code that is
    /// malformed or used by two rules; a rule that runs in no profile, declares a
    /// parameter twice or a default outside its range; a configured code no rule
    /// has; a configured parameter the rule does not declare, of the wrong type,
    /// or out of range.
    pub fn build(self) -> Result<RuleSet<S>, BuildError> {
        let mut problems = Vec::new();
        let mut by_code: BTreeMap<&'static str, Box<dyn Rule<S>>> = BTreeMap::new();
        for rule in self.rules {
            let code = rule.meta().code();
            if !is_well_formed_code(code) {
                problems.push(BuildProblem::new(
                    ProblemKind::MalformedCode,
                    code,
                    None,
                    format!(
                        "rule code `{code}` is malformed: use upper-case parts joined by hyphens, starting with a letter and ending with a number, such as `ACME-ORDER-001`"
                    ),
                ));
            }
            check_declaration(rule.meta(), &mut problems);
            if by_code.contains_key(code) {
                problems.push(BuildProblem::new(
                    ProblemKind::DuplicateCode,
                    code,
                    None,
                    format!("two rules have the code `{code}`"),
                ));
            } else {
                by_code.insert(code, rule);
            }
        }

        for code in self.config.rules.keys() {
            if !by_code.contains_key(code.as_str()) {
                let suggestion = closest(code, by_code.keys().copied())
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                problems.push(BuildProblem::new(
                    ProblemKind::UnknownCode,
                    code,
                    None,
                    format!(
                        "the configuration names rule `{code}`, which does not exist{suggestion}"
                    ),
                ));
            }
        }

        let mut rules = Vec::with_capacity(by_code.len());
        for (code, rule) in by_code {
            let settings = self.config.rules.get(code);
            let params = configure_params(rule.meta(), settings, &mut problems);
            rules.push(ConfiguredRule {
                enabled: settings.and_then(|s| s.enabled).unwrap_or(true),
                severity: settings.and_then(|s| s.severity),
                params,
                rule,
            });
        }

        if problems.is_empty() {
            Ok(RuleSet { rules })
        } else {
            Err(BuildError { problems })
        }
    }
}

/// Checks what a rule declares about itself: profiles to run in, parameter names
/// used once, defaults within their own ranges.
fn check_declaration(meta: &RuleMeta, problems: &mut Vec<BuildProblem>) {
    let code = meta.code();
    if meta.profiles().is_empty() {
        problems.push(BuildProblem::new(
            ProblemKind::BadDeclaration,
            code,
            None,
            format!("rule `{code}` runs in no profile"),
        ));
    }
    for (i, spec) in meta.params().iter().enumerate() {
        let name = spec.name();
        if meta
            .params()
            .get(..i)
            .is_some_and(|earlier| earlier.iter().any(|p| p.name() == name))
        {
            problems.push(BuildProblem::new(
                ProblemKind::BadDeclaration,
                code,
                Some(name),
                format!("rule `{code}` declares the parameter `{name}` twice"),
            ));
        }
        if spec.accept(&spec.default_value()).is_err() {
            problems.push(BuildProblem::new(
                ProblemKind::BadDeclaration,
                code,
                Some(name),
                format!(
                    "the default {} of parameter `{name}` of rule `{code}` is not {}",
                    spec.default_value(),
                    spec.type_description()
                ),
            ));
        }
    }
}

fn configure_params(
    meta: &RuleMeta,
    settings: Option<&crate::validate::config::RuleConfig>,
    problems: &mut Vec<BuildProblem>,
) -> Params {
    let code = meta.code();
    let configured = settings.map(|s| &s.params);
    if let Some(configured) = configured {
        for name in configured.keys() {
            if !meta.params().iter().any(|spec| spec.name() == name) {
                let known = if meta.params().is_empty() {
                    "it has no parameters".to_owned()
                } else {
                    format!(
                        "its parameters are {}",
                        meta.params()
                            .iter()
                            .map(|p| format!("`{}`", p.name()))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                let suggestion = closest_name(name, meta.params().iter().map(|p| p.name()))
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                problems.push(BuildProblem::new(
                    ProblemKind::UnknownParam,
                    code,
                    Some(name),
                    format!("rule `{code}` has no parameter `{name}`{suggestion}: {known}"),
                ));
            }
        }
    }
    let mut values: Vec<(&'static str, ParamValue)> = Vec::with_capacity(meta.params().len());
    let mut set = Vec::new();
    for spec in meta.params() {
        let value = match configured.and_then(|c| c.get(spec.name())) {
            None => spec.default_value(),
            Some(given) => match spec.accept(given) {
                Ok(value) => {
                    set.push(spec.name());
                    value
                }
                Err(mismatch) => {
                    let (kind, what) = match mismatch {
                        ParamMismatch::WrongType => {
                            (ProblemKind::WrongParamType, given.type_name().to_owned())
                        }
                        ParamMismatch::OutOfRange => {
                            (ProblemKind::ParamOutOfRange, format!("{given}"))
                        }
                    };
                    problems.push(BuildProblem::new(
                        kind,
                        code,
                        Some(spec.name()),
                        format!(
                            "parameter `{}` of rule `{code}` must be {}, got {what}",
                            spec.name(),
                            spec.type_description()
                        ),
                    ));
                    spec.default_value()
                }
            },
        };
        values.push((spec.name(), value));
    }
    Params::new(values, set)
}

/// Codes are two or more hyphen-separated parts of upper-case letters and
/// digits, starting with a letter and ending with a number: `CANVAS-SCOPE-001`.
fn is_well_formed_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('-').collect();
    let well_formed_part = |part: &&str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    parts.len() >= 2
        && parts.iter().all(well_formed_part)
        && code.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && parts
            .last()
            .is_some_and(|last| last.bytes().all(|b| b.is_ascii_digit()))
}

/// The known code closest to a misspelt one, if any is close enough to suggest.
fn closest<'a>(code: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = code.to_ascii_uppercase();
    // Up to three edits, and never more than a third of the code.
    let allowed = (wanted.chars().count() / 3).min(3);
    known
        .map(|k| (edit_distance(&wanted, k), k))
        .filter(|(d, _)| *d <= allowed)
        .min()
        .map(|(_, k)| k)
}

/// The declared parameter name closest to a misspelt one.
fn closest_name<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let allowed = (name.chars().count() / 3).min(3);
    known
        .map(|k| (edit_distance(name, k), k))
        .filter(|(d, _)| *d <= allowed)
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let deletion = previous.get(j + 1).copied().unwrap_or(0) + 1;
            let insertion = current.get(j).copied().unwrap_or(0) + 1;
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = substitution.min(deletion).min(insertion);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().unwrap_or(0)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum ProblemKind {
    MalformedCode,
    BadDeclaration,
    DuplicateCode,
    UnknownCode,
    UnknownParam,
    WrongParamType,
    ParamOutOfRange,
}

/// One problem with the rules or the configuration of a rule set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildProblem {
    kind: ProblemKind,
    code: String,
    param: Option<String>,
    message: String,
}

impl BuildProblem {
    fn new(kind: ProblemKind, code: &str, param: Option<&str>, message: String) -> Self {
        BuildProblem {
            kind,
            code: code.to_owned(),
            param: param.map(str::to_owned),
            message,
        }
    }

    /// The rule code the problem concerns.
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The parameter the problem concerns, if any.
    #[must_use]
    pub fn param(&self) -> Option<&str> {
        self.param.as_deref()
    }

    /// What is wrong.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Whether a rule's code is not of the form `ABC-DEF-001`.
    #[must_use]
    pub fn is_malformed_code(&self) -> bool {
        self.kind == ProblemKind::MalformedCode
    }

    /// Whether two rules share a code.
    #[must_use]
    pub fn is_duplicate_code(&self) -> bool {
        self.kind == ProblemKind::DuplicateCode
    }

    /// Whether a rule declares itself inconsistently: no profile to run in, a
    /// parameter declared twice, or a default outside its own range.
    #[must_use]
    pub fn is_bad_declaration(&self) -> bool {
        self.kind == ProblemKind::BadDeclaration
    }

    /// Whether the configuration names a code no rule has.
    #[must_use]
    pub fn is_unknown_code(&self) -> bool {
        self.kind == ProblemKind::UnknownCode
    }

    /// Whether the configuration sets a parameter the rule does not declare.
    #[must_use]
    pub fn is_unknown_param(&self) -> bool {
        self.kind == ProblemKind::UnknownParam
    }

    /// Whether a configured parameter value has the wrong type.
    #[must_use]
    pub fn is_wrong_param_type(&self) -> bool {
        self.kind == ProblemKind::WrongParamType
    }

    /// Whether a configured parameter value is outside its allowed range.
    #[must_use]
    pub fn is_param_out_of_range(&self) -> bool {
        self.kind == ProblemKind::ParamOutOfRange
    }
}

impl fmt::Display for BuildProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The error returned when a rule set cannot be built; lists every problem.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct BuildError {
    problems: Vec<BuildProblem>,
}

impl BuildError {
    /// Every problem found, in the order found.
    #[must_use]
    pub fn problems(&self) -> &[BuildProblem] {
        &self.problems
    }

    /// Whether the configuration names a rule code that does not exist.
    #[must_use]
    pub fn is_unknown_code(&self) -> bool {
        self.problems.iter().any(BuildProblem::is_unknown_code)
    }

    /// Whether two rules share a code.
    #[must_use]
    pub fn is_duplicate_code(&self) -> bool {
        self.problems.iter().any(BuildProblem::is_duplicate_code)
    }

    /// Whether a configured parameter is unknown, of the wrong type or out of range.
    #[must_use]
    pub fn is_bad_param(&self) -> bool {
        self.problems
            .iter()
            .any(|p| p.is_unknown_param() || p.is_wrong_param_type() || p.is_param_out_of_range())
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.as_slice() {
            [one] => write!(f, "invalid rule set: {one}"),
            many => {
                write!(f, "invalid rule set: {} problems", many.len())?;
                for problem in many {
                    write!(f, "\n  - {problem}")?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("ABC", "ABC"), 0);
        assert_eq!(edit_distance("ABC", "ABD"), 1);
        assert_eq!(edit_distance("AC", "ABC"), 1);
        assert_eq!(edit_distance("", "ABC"), 3);
        assert_eq!(edit_distance("CANVAS-HORIZN-001", "CANVAS-HORIZON-001"), 1);
    }

    #[test]
    fn codes_must_be_upper_case_with_hyphens() {
        assert!(is_well_formed_code("CANVAS-SCOPE-001"));
        assert!(!is_well_formed_code("canvas-scope-001"));
        assert!(!is_well_formed_code(""));
        assert!(!is_well_formed_code("-A"));
        assert!(!is_well_formed_code("A B"));
        assert!(!is_well_formed_code("SHOP"));
        assert!(!is_well_formed_code("A--B1"));
        assert!(!is_well_formed_code("123"));
        assert!(!is_well_formed_code("9-A"));
        assert!(!is_well_formed_code("ACME-ORDER"));
        assert!(is_well_formed_code("ACME-1"));
    }
}
