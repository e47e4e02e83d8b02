//! The rule trait, the subjects rules judge, and the metadata every rule carries.

use crate::validate::finding::Check;
use crate::validate::params::ParamSpec;
use crate::validate::severity::{Profile, Severity};

/// Something rules can judge: a canvas, an assessment round, or a type of yours.
///
/// Before the rules of a set run, the engine asks the subject once for its
/// [`Index`](Subject::Index) (lookup tables such as id -> position) and hands the
/// same index to every rule, so no rule rebuilds it or searches the subject.
/// The index owns its data: positions and ids rather than borrowed elements.
/// An index may also fill its tables on first use (in a
/// [`OnceLock`](std::sync::OnceLock) each, say, built from the subject the
/// rule is given), so that a set whose rules use only some of them pays for
/// those alone: the canvas index does.
///
/// ```
/// use customer_strategy::validate::Subject;
///
/// struct Invoice { lines: Vec<u32> }
///
/// impl Subject for Invoice {
///     type Index = u64;
///     // The total, computed once per run and shared by every rule.
///     fn index(&self) -> u64 {
///         self.lines.iter().map(|&l| u64::from(l)).sum()
///     }
/// }
/// ```
pub trait Subject {
    /// What is computed once per run and shared by the rules.
    type Index;

    /// Builds the index of this subject.
    fn index(&self) -> Self::Index;
}

/// A check over a subject of type `S`.
///
/// A rule declares its [`RuleMeta`] (code, title, severity, rationale, profiles,
/// parameters) and reports what it finds through the [`Check`] it is given,
/// which knows the rule's code, its severity in force and its parameters.
///
/// Rules must be deterministic: the same subject gives the same findings in the
/// same order. Build a finding's path only once the finding exists.
pub trait Rule<S: Subject + ?Sized>: Send + Sync {
    /// The rule's metadata.
    fn meta(&self) -> &RuleMeta;

    /// Judges `subject`, reporting findings through `check`.
    fn check(&self, subject: &S, index: &S::Index, check: &mut Check<'_>);
}

/// What every rule declares about itself.
///
/// ```
/// use customer_strategy::validate::{Profile, RuleMeta, Severity};
///
/// const META: RuleMeta = RuleMeta::new(
///     "ACME-INVOICE-001",
///     "Invoices have at least one line",
///     Severity::Error,
///     "An invoice without lines bills for nothing.",
/// )
/// .with_draft_severity(Severity::Info)
/// .with_tags(&["invoice"]);
/// assert_eq!(META.severity_in(Profile::Draft), Severity::Info);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RuleMeta {
    code: &'static str,
    title: &'static str,
    severity: Severity,
    draft_severity: Option<Severity>,
    rationale: &'static str,
    profiles: &'static [Profile],
    tags: &'static [&'static str],
    params: &'static [ParamSpec],
}

impl RuleMeta {
    /// Declares a rule that runs in every profile at `severity`, with no tags and
    /// no parameters.
    ///
    /// `code` is the rule's stable identifier: upper-case letters, digits and
    /// hyphens, such as `CANVAS-SCOPE-001`. `rationale` says which idea the rule
    /// enforces and why it matters.
    #[must_use]
    pub const fn new(
        code: &'static str,
        title: &'static str,
        severity: Severity,
        rationale: &'static str,
    ) -> Self {
        RuleMeta {
            code,
            title,
            severity,
            draft_severity: None,
            rationale,
            profiles: &Profile::ALL,
            tags: &[],
            params: &[],
        }
    }

    /// Sets the severity under the [`Profile::Draft`] profile, for rules that ask
    /// for content a workshop may not have written yet.
    #[must_use]
    pub const fn with_draft_severity(mut self, severity: Severity) -> Self {
        self.draft_severity = Some(severity);
        self
    }

    /// Restricts the rule to some profiles.
    #[must_use]
    pub const fn with_profiles(mut self, profiles: &'static [Profile]) -> Self {
        self.profiles = profiles;
        self
    }

    /// Sets free-form tags that group rules, such as `"traceability"`.
    #[must_use]
    pub const fn with_tags(mut self, tags: &'static [&'static str]) -> Self {
        self.tags = tags;
        self
    }

    /// Declares the rule's parameters.
    #[must_use]
    pub const fn with_params(mut self, params: &'static [ParamSpec]) -> Self {
        self.params = params;
        self
    }

    /// The stable code, such as `CANVAS-SCOPE-001`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// A short title saying what the rule asks for.
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// The default severity (the one under [`Profile::Final`]).
    #[must_use]
    pub const fn severity(&self) -> Severity {
        self.severity
    }

    /// The default severity under `profile`.
    #[must_use]
    pub const fn severity_in(&self, profile: Profile) -> Severity {
        match (profile, self.draft_severity) {
            (Profile::Draft, Some(severity)) => severity,
            _ => self.severity,
        }
    }

    /// Why the rule exists: the idea it enforces.
    #[must_use]
    pub const fn rationale(&self) -> &'static str {
        self.rationale
    }

    /// The profiles the rule runs in.
    #[must_use]
    pub const fn profiles(&self) -> &'static [Profile] {
        self.profiles
    }

    /// Whether the rule runs under `profile`.
    #[must_use]
    pub fn runs_in(&self, profile: Profile) -> bool {
        self.profiles.contains(&profile)
    }

    /// The rule's tags.
    #[must_use]
    pub const fn tags(&self) -> &'static [&'static str] {
        self.tags
    }

    /// The rule's parameters.
    #[must_use]
    pub const fn params(&self) -> &'static [ParamSpec] {
        self.params
    }
}

/// The signature of a check function for [`FnRule`].
pub type CheckFn<S> = fn(&S, &<S as Subject>::Index, &mut Check<'_>);

/// A rule made of its metadata and a plain function: the shortest way to write
/// a rule, and how the built-in catalogue is written.
///
/// ```
/// use customer_strategy::validate::{Check, FnRule, JsonPointer, RuleMeta, RuleSet, Severity, Subject, Profile};
///
/// struct Note { text: String }
/// impl Subject for Note {
///     type Index = ();
///     fn index(&self) {}
/// }
///
/// fn not_blank(note: &Note, _: &(), check: &mut Check<'_>) {
///     if note.text.trim().is_empty() {
///         check.finding(JsonPointer::from("/text"), "note.blank", "The note is blank").emit();
///     }
/// }
///
/// const NOT_BLANK: RuleMeta = RuleMeta::new("NOTE-TEXT-001", "Notes say something", Severity::Warning,
///     "A blank note wastes the reader's time.");
/// let rules = RuleSet::builder().rule(FnRule::<Note>::new(NOT_BLANK, not_blank)).build()?;
/// let report = rules.validate(&Note { text: " ".into() }, Profile::Final);
/// assert_eq!(report.findings()[0].message, "The note is blank");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct FnRule<S: Subject + ?Sized> {
    meta: RuleMeta,
    check: CheckFn<S>,
}

impl<S: Subject + ?Sized> FnRule<S> {
    /// Makes a rule of `meta` and `check`.
    #[must_use]
    pub const fn new(meta: RuleMeta, check: CheckFn<S>) -> Self {
        FnRule { meta, check }
    }
}

impl<S: Subject + ?Sized> Clone for FnRule<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: Subject + ?Sized> Copy for FnRule<S> {}

impl<S: Subject + ?Sized> Rule<S> for FnRule<S> {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, subject: &S, index: &S::Index, check: &mut Check<'_>) {
        (self.check)(subject, index, check);
    }
}
