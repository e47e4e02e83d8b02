//! One check per culture blocker.

use super::{ReviewIndex, culture_rule};
use crate::culture::{
    Blocker, Evidence, Judgement, Source, Thresholds, Verdict, evidence_item, judge,
};
use crate::quantity::Share;
use crate::review::OrganizationReview;
use crate::validate::{Check, FnRule, JsonPointer, NumberParam, Params, Severity};

pub(super) const CATALOGUE: &[FnRule<OrganizationReview>] = &[
    SHORT_TERM,
    OWNERS,
    COMPANY_CENTRIC,
    CONVENIENCE,
    FORGOTTEN,
    MINDSET,
    TASKS,
];

pub(super) const ITEM_SCORE: NumberParam = NumberParam::new(
    "item_score",
    "The team score (0 to 100) on the blocker's item of the built-in instrument below which \
     the team's answers point to the blocker; 40, the crate's default, is where more of the \
     team disagree than agree",
    Thresholds::ITEM_SCORE,
    0.0,
    100.0,
);

pub(super) const TOLERANCE: NumberParam = NumberParam::new(
    "tolerance",
    "The margin past its line (0 to 1, a share of the way from the line to the worst end of \
     the scale) under which a blocker is borderline rather than present; the crate's default",
    Thresholds::TOLERANCE,
    0.0,
    1.0,
);

/// Reports the judgement on `blocker`: a warning naming the evidence and the
/// promoters when present, information when it could not be judged.
fn report(
    blocker: Blocker,
    thresholds: &Thresholds,
    review: &OrganizationReview,
    index: &ReviewIndex,
    check: &mut Check<'_>,
) {
    let judgement = judge(
        blocker,
        review.signals.as_ref(),
        index.maturity.as_ref(),
        thresholds,
    );
    let promoters = promoter_list(&judgement);
    match judgement.verdict {
        Verdict::Present => {
            let tripped: Vec<&Evidence> = judgement.evidence.iter().filter(|e| e.tripped).collect();
            let evidence = tripped
                .iter()
                .map(|e| describe(e))
                .collect::<Vec<_>>()
                .join("; ");
            let Some(first) = tripped.first() else {
                return;
            };
            let mut finding = check
                .finding(
                    path_of(first, review),
                    "culture.blocker.present",
                    "Blocker \"{blocker}\" (margin {margin}{contested}): {evidence}. Promoters that answer it: {promoters}",
                )
                .arg("blocker", blocker.title())
                .arg("margin", format!("{:.2}", judgement.margin))
                .arg(
                    "contested",
                    if judgement.contested {
                        ", contested: the sources disagree"
                    } else {
                        ""
                    },
                )
                .arg("blocker_id", blocker.as_str())
                .arg("evidence", evidence)
                .arg("promoters", promoters);
            for more in tripped.iter().skip(1) {
                finding = finding.related(path_of(more, review));
            }
            finding.emit();
        }
        Verdict::Unknown => check
            .finding(
                JsonPointer::from("/signals"),
                "culture.blocker.unknown",
                "Blocker \"{blocker}\" could not be judged: neither the signals nor the team's answers say anything about it",
            )
            .arg("blocker", blocker.title())
            .arg("blocker_id", blocker.as_str())
            .at_most(Severity::Info)
            .hint(hint_for(blocker))
            .emit(),
        Verdict::Borderline => {
            let evidence = judgement
                .evidence
                .iter()
                .filter(|e| e.tripped)
                .map(describe)
                .collect::<Vec<_>>()
                .join("; ");
            let path = judgement
                .evidence
                .iter()
                .find(|e| e.tripped)
                .map_or_else(|| JsonPointer::from("/signals"), |e| path_of(e, review));
            check
                .finding(
                    path,
                    "culture.blocker.borderline",
                    "Blocker \"{blocker}\" is borderline (margin {margin}, under the tolerance of {tolerance}): {evidence}",
                )
                .arg("blocker", blocker.title())
                .arg("blocker_id", blocker.as_str())
                .arg("margin", format!("{:.2}", judgement.margin))
                .arg("tolerance", format!("{:.2}", thresholds.tolerance()))
                .arg("evidence", evidence)
                .at_most(Severity::Info)
                .emit();
        }
        _ => {}
    }
}

/// One piece of evidence in a sentence, with its margin where it has one.
fn describe(e: &Evidence) -> String {
    let margin = e
        .margin
        .filter(|_| e.tripped)
        .map_or_else(String::new, |m| format!(", margin {m:.2}"));
    format!(
        "{}: {} (a customer culture shows {}{margin})",
        e.subject, e.observed, e.expected
    )
}

fn promoter_list(judgement: &Judgement) -> String {
    judgement
        .promoters
        .iter()
        .map(|p| p.title())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where a piece of evidence sits in the serialized review.
fn path_of(evidence: &Evidence, review: &OrganizationReview) -> JsonPointer {
    match evidence.source {
        Source::Signals => evidence
            .subject
            .split('.')
            .fold(JsonPointer::from("/signals"), |path, key| path.key(key)),
        Source::Assessment => {
            let item = evidence.subject.strip_prefix("item ").unwrap_or("");
            let position = review.assessment.as_ref().and_then(|a| {
                a.instrument
                    .items
                    .iter()
                    .position(|i| i.id.as_str() == item)
            });
            match position {
                Some(i) => JsonPointer::from("/assessment/instrument/items").index(i),
                None => JsonPointer::from("/assessment"),
            }
        }
        _ => JsonPointer::from("/canvas"),
    }
}

/// Which signal would let the blocker be judged.
fn hint_for(blocker: Blocker) -> String {
    let signal = match blocker {
        Blocker::ShortTermResults => "the incentive mix (`incentive_mix`)",
        Blocker::WorkingForOwners => "customer value on the scorecard (`scorecard`)",
        Blocker::CompanyCentric => "the share of KPIs with customer parameters",
        Blocker::CompanyConvenience => "whether policies are reviewed for customers",
        Blocker::ForgottenCustomer => {
            "the share of executive time on customers (with them or on customer matters)"
        }
        Blocker::ProcessOverMindset => "how change effort is split (`change_effort`)",
        Blocker::NoCustomerTasks => "which departments have customer tasks",
    };
    format!(
        "Record {signal} in the culture signals, or assess the team with an instrument that has the item `{}`.",
        evidence_item(blocker)
    )
}

fn share(value: f64) -> Share {
    Share::new(value).unwrap_or(Share::ZERO)
}

/// The thresholds in force for a rule: each threshold parameter it declares as
/// configured, the defaults for the rest.
pub(super) fn thresholds_from(params: &Params) -> Thresholds {
    Thresholds::default()
        .with_short_term_incentives(share(params.number(&MAX_SHORT_TERM)))
        .with_scorecard_weight(share(params.number(&MIN_SCORECARD)))
        .with_customer_kpis(share(params.number(&MIN_CUSTOMER_KPIS)))
        .with_executive_time(share(params.number(&MIN_EXECUTIVE_TIME)))
        .with_process_effort(share(params.number(&MAX_PROCESS_EFFORT)))
        .with_item_score(params.number(&ITEM_SCORE))
        .with_tolerance(params.number(&TOLERANCE))
}

pub(super) const MAX_SHORT_TERM: NumberParam = NumberParam::new(
    "max_short_term",
    "The largest share of incentive pay on short-term financial results, from 0 to 1",
    Thresholds::SHORT_TERM_INCENTIVES,
    0.0,
    1.0,
);

pub(super) const SHORT_TERM: FnRule<OrganizationReview> = FnRule::new(
    culture_rule(
        "CULTURE-SHORTTERM-001",
        "Short-term results do not override everything",
        "When incentives hang mostly on this quarter's financial results, every argument for \
         changing the culture loses to the numbers; Total Customer Value Management names it \
         the first blocker. The sources give no share: at most 60% of incentive pay on \
         short-term financial results is the crate's default, which leaves a real part of pay \
         to customer and longer-term measures.",
    )
    .with_params(&[MAX_SHORT_TERM.spec(), ITEM_SCORE.spec(), TOLERANCE.spec()]),
    short_term,
);

fn short_term(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let thresholds = thresholds_from(check.params());
    report(Blocker::ShortTermResults, &thresholds, review, index, check);
}

pub(super) const MIN_SCORECARD: NumberParam = NumberParam::new(
    "min_scorecard_weight",
    "The least weight of customer value on the balanced scorecard, from 0 to 1",
    Thresholds::SCORECARD_WEIGHT,
    0.0,
    1.0,
);

pub(super) const OWNERS: FnRule<OrganizationReview> = FnRule::new(
    culture_rule(
        "CULTURE-OWNERS-001",
        "Executives answer to customers as well as owners",
        "Executives who feel they work only for the owners manage what the owners see; \
         customer value that weighs on the scorecard and reaches the board beside the \
         financials makes them answer to customers too. The least weight, 15%, is the crate's \
         default, set below the 18% and 23% of the two companies the sources cite.",
    )
    .with_params(&[MIN_SCORECARD.spec(), ITEM_SCORE.spec(), TOLERANCE.spec()]),
    owners,
);

fn owners(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let thresholds = thresholds_from(check.params());
    report(Blocker::WorkingForOwners, &thresholds, review, index, check);
}

pub(super) const MIN_CUSTOMER_KPIS: NumberParam = NumberParam::new(
    "min_customer_kpis",
    "The least share of KPIs that carry customer parameters, from 0 to 1",
    Thresholds::CUSTOMER_KPIS,
    0.0,
    1.0,
);

pub(super) const COMPANY_CENTRIC: FnRule<OrganizationReview> = FnRule::new(
    culture_rule(
        "CULTURE-CENTRIC-001",
        "Executives are customer-centric, not company-centric",
        "What executives measure is what they look at; KPIs without customer parameters keep \
         their eyes on the company. The sources say KPIs should include customer parameters \
         but give no share: half of them is the crate's default.",
    )
    .with_params(&[
        MIN_CUSTOMER_KPIS.spec(),
        ITEM_SCORE.spec(),
        TOLERANCE.spec(),
    ]),
    company_centric,
);

fn company_centric(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let thresholds = thresholds_from(check.params());
    report(Blocker::CompanyCentric, &thresholds, review, index, check);
}

pub(super) const CONVENIENCE: FnRule<OrganizationReview> = FnRule::new(
    culture_rule(
        "CULTURE-CONVENIENCE-001",
        "The customer's convenience counts for more than the company's",
        "Policies written for the company's ease make customers do the work; reviewing them \
         for the customer's convenience is the sign that the customer comes first.",
    )
    .with_params(&[ITEM_SCORE.spec(), TOLERANCE.spec()]),
    convenience,
);

fn convenience(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let thresholds = thresholds_from(check.params());
    report(
        Blocker::CompanyConvenience,
        &thresholds,
        review,
        index,
        check,
    );
}

pub(super) const MIN_EXECUTIVE_TIME: NumberParam = NumberParam::new(
    "min_executive_time",
    "The least share of their time executives spend on customers (with customers or on customer matters), from 0 to 1",
    Thresholds::EXECUTIVE_TIME,
    0.0,
    1.0,
);

pub(super) const FORGOTTEN: FnRule<OrganizationReview> = FnRule::new(
    culture_rule(
        "CULTURE-FORGOTTEN-001",
        "Executives remember what it is like to be a customer",
        "Executives are customers too, but forget it at work; giving at least 15% of their \
         time to customers (with customers or on customer matters, the definition the signal \
         `executive_customer_time` and the instrument item `culture-07` share), and using the \
         company as a customer would, keeps the memory alive.",
    )
    .with_params(&[
        MIN_EXECUTIVE_TIME.spec(),
        ITEM_SCORE.spec(),
        TOLERANCE.spec(),
    ]),
    forgotten,
);

fn forgotten(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let thresholds = thresholds_from(check.params());
    report(
        Blocker::ForgottenCustomer,
        &thresholds,
        review,
        index,
        check,
    );
}

pub(super) const MAX_PROCESS_EFFORT: NumberParam = NumberParam::new(
    "max_process_effort",
    "The largest share of change effort on processes and systems, from 0 to 1",
    Thresholds::PROCESS_EFFORT,
    0.0,
    1.0,
);

pub(super) const MINDSET: FnRule<OrganizationReview> = FnRule::new(
    culture_rule(
        "CULTURE-MINDSET-001",
        "Change works on mind-sets, not only on processes and systems",
        "Processes and systems are easier to change than how people think, so effort drifts \
         there; a customer mind-set is what competitors cannot copy. The sources give no split: \
         at most 70% of change effort on processes and systems is the crate's default, which \
         keeps at least a fifth or more for mind-set.",
    )
    .with_params(&[
        MAX_PROCESS_EFFORT.spec(),
        ITEM_SCORE.spec(),
        TOLERANCE.spec(),
    ]),
    mindset,
);

fn mindset(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let thresholds = thresholds_from(check.params());
    report(
        Blocker::ProcessOverMindset,
        &thresholds,
        review,
        index,
        check,
    );
}

pub(super) const TASKS: FnRule<OrganizationReview> = FnRule::new(
    culture_rule(
        "CULTURE-TASKS-001",
        "Every department and executive has customer tasks",
        "Without a process that gives every department and executive tasks for the customer, \
         customer work stays with the departments that meet customers.",
    )
    .with_params(&[ITEM_SCORE.spec(), TOLERANCE.spec()]),
    tasks,
);

fn tasks(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let thresholds = thresholds_from(check.params());
    report(Blocker::NoCustomerTasks, &thresholds, review, index, check);
}
