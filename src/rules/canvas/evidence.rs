//! The evidence behind the key statements, and the strategy's review triggers.

use chrono::NaiveDate;

use super::{CanvasIndex, mistake, paths};
use crate::canvas::{Canvas, EvidenceStatus, StatementEvidence};
use crate::validate::{Check, FnRule, JsonPointer, NumberParam, RuleMeta, Severity};

/// Where a key statement stands in the canvas; its pointer is built only
/// when a finding needs it.
#[derive(Clone, Copy, Debug)]
pub(super) enum Statement {
    Need(usize, usize),
    Element(usize),
    Differentiator(usize),
    ExpectedReturn,
    Objective(usize),
}

impl Statement {
    /// The statement's pointer.
    pub(super) fn pointer(self) -> JsonPointer {
        match self {
            Statement::Need(s, n) => paths::need((s, n)),
            Statement::Element(e) => paths::element(e),
            Statement::Differentiator(d) => {
                paths::at("/proposition/customer_value/differentiators").index(d)
            }
            Statement::ExpectedReturn => paths::at("/proposition/business_value/expected_return"),
            Statement::Objective(o) => paths::objective(o),
        }
    }

    /// The pointer of the statement's evidence.
    pub(super) fn evidence_pointer(self) -> JsonPointer {
        match self {
            Statement::ExpectedReturn => {
                paths::at("/proposition/business_value/expected_return_evidence")
            }
            other => other.pointer().key("evidence"),
        }
    }
}

/// Every key statement of the canvas (needs, value elements, differentiators,
/// customer objectives and the expected return), with where it stands and its
/// evidence, if any; in document order.
pub(super) fn key_statements(
    canvas: &Canvas,
) -> impl Iterator<Item = (Statement, Option<&StatementEvidence>)> {
    let needs = canvas
        .context
        .customer
        .segments
        .iter()
        .enumerate()
        .flat_map(|(s, segment)| {
            segment
                .needs
                .iter()
                .enumerate()
                .map(move |(n, need)| (Statement::Need(s, n), need.evidence.as_ref()))
        });
    let value = &canvas.proposition.customer_value;
    let elements = value
        .elements
        .iter()
        .enumerate()
        .map(|(e, element)| (Statement::Element(e), element.evidence.as_ref()));
    let differentiators = value
        .differentiators
        .iter()
        .enumerate()
        .map(|(d, item)| (Statement::Differentiator(d), item.evidence.as_ref()));
    let business = &canvas.proposition.business_value;
    let expected = (!business.expected_return.trim().is_empty()).then_some((
        Statement::ExpectedReturn,
        business.expected_return_evidence.as_ref(),
    ));
    let objectives = canvas
        .steering
        .performance
        .objectives
        .iter()
        .enumerate()
        .map(|(o, objective)| (Statement::Objective(o), objective.evidence.as_ref()));
    needs
        .chain(elements)
        .chain(differentiators)
        .chain(expected)
        .chain(objectives)
}

/// The key statements that carry evidence.
pub(super) fn statements(canvas: &Canvas) -> impl Iterator<Item = (Statement, &StatementEvidence)> {
    key_statements(canvas).filter_map(|(at, evidence)| evidence.map(|e| (at, e)))
}

pub(super) const INVALIDATED: FnRule<Canvas> = FnRule::new(
    mistake(
        "CANVAS-EVIDENCE-001",
        "The approved strategy rests on no invalidated assumption",
        "A statement the evidence has invalidated (a need customers do not have, a value \
         element they do not value, an objective out of reach) cannot carry an approved \
         strategy: it must be revised before the strategy stands. Before approval the finding \
         is a warning: the strategy is still being worked on.",
    ),
    invalidated,
);

fn invalidated(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let approved = canvas.metadata.stage.needs_signatures();
    for (at, evidence) in statements(canvas) {
        if evidence.status == EvidenceStatus::Invalidated {
            let note = if evidence.note.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", evidence.note.trim())
            };
            let finding = check
                .finding(
                    at.evidence_pointer().key("status"),
                    "canvas.evidence.invalidated",
                    "This statement has been invalidated{note}",
                )
                .arg("note", note)
                .related(at.pointer());
            if approved {
                finding.emit();
            } else {
                finding.at_most(Severity::Warning).emit();
            }
        }
    }
}

const MAX_UNTESTED: NumberParam = NumberParam::new(
    "max_untested",
    "The largest share of key statements that may still be untested assumptions, from 0 to 1",
    0.5,
    0.0,
    1.0,
);

pub(super) const UNTESTED: FnRule<Canvas> = FnRule::new(
    RuleMeta::new(
        "CANVAS-EVIDENCE-002",
        "Most key statements have been put to the test",
        Severity::Warning,
        "A strategy whose needs, value elements, differentiators, objectives and expected \
         return are mostly untested assumptions is a set of beliefs. A statement counts as \
         untested when it has no evidence or its evidence is still an assumption. The rule \
         judges canvases that record evidence on at least one statement: a canvas that records \
         none cannot tell untested from unrecorded. The sources give no share: at most half \
         untested is the crate's default.",
    )
    .with_tags(&["canvas", "evidence"])
    .with_params(&[MAX_UNTESTED.spec()]),
    untested,
);

fn untested(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let (mut total, mut untested, mut recorded) = (0_usize, 0_usize, false);
    for (_, evidence) in key_statements(canvas) {
        total += 1;
        recorded |= evidence.is_some();
        if evidence.is_none_or(|e| e.status.is_untested()) {
            untested += 1;
        }
    }
    if !recorded || total == 0 {
        return;
    }
    let max = check.params().number(&MAX_UNTESTED);
    #[allow(clippy::cast_precision_loss)] // counts of statements are far below 2^52
    let share = untested as f64 / total as f64;
    if share > max + 1e-9 {
        check
            .finding(
                JsonPointer::root(),
                "canvas.evidence.untested",
                "{untested} of {total} key statements are untested assumptions ({share}%), more than {max}%",
            )
            .arg("untested", untested)
            .arg("total", total)
            .arg("share", crate::rules::percent(share))
            .arg("max", crate::rules::percent(max))
            .hint("Put the riskiest assumptions to a test first, and record what was learned.")
            .emit();
    }
}

pub(super) const TEST_WITHOUT_LEARNING: FnRule<Canvas> = FnRule::new(
    RuleMeta::new(
        "CANVAS-EVIDENCE-003",
        "A test past its date has a learning card",
        Severity::Info,
        "A test card records what was to be learned and by when; once its date has passed, \
         a learning card should say what was observed, learned and decided. The canvas's \
         `updated` date stands for today, so that the same canvas always gives the same \
         report.",
    )
    .with_tags(&["canvas", "evidence"]),
    test_without_learning,
);

fn test_without_learning(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let today: NaiveDate = canvas.metadata.updated.date_naive();
    for (at, evidence) in statements(canvas) {
        for (t, test) in evidence.tests.iter().enumerate() {
            if let Some(due) = test.due
                && due < today
                && !evidence.has_learning_for(test.id)
            {
                check
                    .finding(
                        at.evidence_pointer().key("tests").index(t),
                        "canvas.evidence.no_learning",
                        "The test \"{hypothesis}\" was due on {due} and has no learning card",
                    )
                    .arg("hypothesis", test.hypothesis.as_str())
                    .arg("due", due.to_string())
                    .emit();
            }
        }
    }
}

pub(super) const REVIEW_TRIGGER: FnRule<Canvas> = FnRule::new(
    RuleMeta::new(
        "CANVAS-GOV-005",
        "An approved strategy says when it is next reviewed",
        Severity::Info,
        "A strategy in force should say what would send it back for review: a metric crossing \
         a value, a date, an event. An approved canvas with neither a review trigger nor a \
         next review date leaves that to chance.",
    )
    .with_tags(&["canvas", "governance"]),
    review_trigger,
);

fn review_trigger(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let governance = &canvas.steering.governance;
    if canvas.metadata.stage == crate::canvas::Stage::Approved
        && governance.review_triggers.is_empty()
        && governance.next_review.is_none()
    {
        check
            .finding(
                paths::at("/steering/governance/review_triggers"),
                "canvas.governance.no_trigger",
                "The approved strategy names no review trigger and no next review date",
            )
            .hint("Add the metrics, dates or events that would send the strategy back for review.")
            .emit();
    }
}
