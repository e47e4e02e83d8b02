//! The culture model through its public API: blockers and promoters, judging
//! each blocker from the signals or a team's answers, the promoters in place,
//! the whole-organization review with its blocker cap, and the culture signals
//! document (strict loading, lossless round trips, the sample in both formats).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use customer_strategy::{
    Answer, Assessment, BillOfRights, Blocker, Canvas, ChangeEffort, Circles, CultureSignals,
    CustomerRight, CxoSignal, Department, Document, Evidence, ExecutiveExperience, IncentiveMix,
    Instrument, InstrumentId, InstrumentRef, ItemId, LevelRef, OrgLevel, OrganizationReview,
    Promoter, PromoterInPlace, Respondent, RespondentId, Response, ReviewOptions, Round,
    RoundResult, SchemaVersion, Scorecard, Scorer, ScoringOptions, Share, Source, Thresholds,
    Verdict, evidence_item, judge, judge_all, promoters_in_place,
};
use proptest::collection::vec;
use proptest::option::of as maybe;
use proptest::prelude::*;

const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data");

fn sample_text(file: &str) -> String {
    fs::read_to_string(Path::new(SAMPLES).join(file)).unwrap()
}

fn sample_signals() -> CultureSignals {
    CultureSignals::from_toml(&sample_text("harbour_bank_culture.toml")).unwrap()
}

fn sample_canvas() -> Canvas {
    Canvas::from_toml(&sample_text("harbour_bank_canvas.toml")).unwrap()
}

fn sample_review() -> OrganizationReview {
    OrganizationReview {
        canvas: Some(sample_canvas()),
        signals: Some(sample_signals()),
        assessment: Some(Assessment {
            instrument: Instrument::customer_strategy_maturity().unwrap(),
            round: Round::from_toml(&sample_text("team_round_2026.toml")).unwrap(),
        }),
        value: None,
    }
}

fn signals(toml: &str) -> CultureSignals {
    CultureSignals::from_toml(&format!("schema_version = 1\n{toml}"))
        .unwrap_or_else(|e| panic!("{e}\n{toml}"))
}

fn level(number: u8, name: &str) -> LevelRef {
    LevelRef {
        number,
        name: name.to_owned(),
    }
}

fn evidence(subject: &str, observed: &str, expected: &str, tripped: bool) -> Evidence {
    Evidence {
        source: Source::Signals,
        subject: subject.to_owned(),
        observed: observed.to_owned(),
        expected: expected.to_owned(),
        tripped,
        margin: None,
    }
}

// ---------------------------------------------------------------------------
// Blockers and promoters
// ---------------------------------------------------------------------------

#[test]
fn every_blocker_names_a_promoter_and_every_promoter_answers_a_blocker() {
    for blocker in Blocker::ALL {
        let promoters = blocker.promoters();
        assert!(!promoters.is_empty(), "{blocker:?}");
        let mut distinct = promoters.to_vec();
        distinct.sort();
        distinct.dedup();
        assert_eq!(
            distinct.len(),
            promoters.len(),
            "{blocker:?} repeats a promoter"
        );
    }
    for promoter in Promoter::ALL {
        assert!(
            Blocker::ALL
                .iter()
                .any(|b| b.promoters().contains(&promoter)),
            "{promoter:?} answers no blocker"
        );
    }
}

#[test]
fn names_and_titles_are_distinct_and_match_serde() {
    let names: BTreeMap<&str, &str> = Blocker::ALL
        .iter()
        .map(|b| (b.as_str(), b.title()))
        .chain(Promoter::ALL.iter().map(|p| (p.as_str(), p.title())))
        .collect();
    assert_eq!(names.len(), 15);
    for blocker in Blocker::ALL {
        assert_eq!(serde_json::to_value(blocker).unwrap(), blocker.as_str());
        assert_eq!(blocker.to_string(), blocker.title());
    }
    for promoter in Promoter::ALL {
        assert_eq!(serde_json::to_value(promoter).unwrap(), promoter.as_str());
        assert_eq!(promoter.to_string(), promoter.title());
    }
}

#[test]
fn every_evidence_item_is_a_distinct_item_of_the_built_in_instrument() {
    let instrument = Instrument::customer_strategy_maturity().unwrap();
    let mut seen = Vec::new();
    for blocker in Blocker::ALL {
        let id = evidence_item(blocker);
        assert!(
            instrument.items.iter().any(|i| i.id.as_str() == id),
            "{blocker:?}: {id} is not in the built-in instrument"
        );
        assert!(!seen.contains(&id), "{id} is used twice");
        seen.push(id);
    }
}

// ---------------------------------------------------------------------------
// Judging from the signals
// ---------------------------------------------------------------------------

/// Per blocker: signals that show it present, with the evidence, and signals
/// that show it absent, with the evidence.
#[allow(clippy::type_complexity)]
fn signal_cases() -> Vec<(
    Blocker,
    &'static str,
    Vec<Evidence>,
    &'static str,
    Vec<Evidence>,
)> {
    vec![
        (
            Blocker::ShortTermResults,
            "incentive_mix = { short_term_financial = 0.75, customer = 0.1 }",
            vec![evidence(
                "incentive_mix.short_term_financial",
                "75%",
                "at most 60%",
                true,
            )],
            "incentive_mix = { short_term_financial = 0.4, customer = 0.4 }",
            vec![evidence(
                "incentive_mix.short_term_financial",
                "40%",
                "at most 60%",
                false,
            )],
        ),
        (
            Blocker::WorkingForOwners,
            "scorecard = { customer_weight = 0.23, reported_to_board = false }",
            vec![
                evidence("scorecard.customer_weight", "23%", "at least 15%", false),
                evidence("scorecard.reported_to_board", "false", "true", true),
            ],
            "scorecard = { customer_weight = 0.18, reported_to_board = true }",
            vec![
                evidence("scorecard.customer_weight", "18%", "at least 15%", false),
                evidence("scorecard.reported_to_board", "true", "true", false),
            ],
        ),
        (
            Blocker::CompanyCentric,
            "kpis_with_customer_parameters = 0.35",
            vec![evidence(
                "kpis_with_customer_parameters",
                "35%",
                "at least 50%",
                true,
            )],
            "kpis_with_customer_parameters = 0.8",
            vec![evidence(
                "kpis_with_customer_parameters",
                "80%",
                "at least 50%",
                false,
            )],
        ),
        (
            Blocker::CompanyConvenience,
            "policies_reviewed_for_customers = false",
            vec![evidence(
                "policies_reviewed_for_customers",
                "false",
                "true",
                true,
            )],
            "policies_reviewed_for_customers = true",
            vec![evidence(
                "policies_reviewed_for_customers",
                "true",
                "true",
                false,
            )],
        ),
        (
            Blocker::ForgottenCustomer,
            "executive_customer_time = 0.09\nexecutives_as_customers = { practised = true }",
            vec![
                evidence("executive_customer_time", "9%", "at least 15%", true),
                evidence("executives_as_customers.practised", "true", "true", false),
            ],
            "executive_customer_time = 0.2\nexecutives_as_customers = { practised = true, cadence = \"monthly\" }",
            vec![
                evidence("executive_customer_time", "20%", "at least 15%", false),
                evidence("executives_as_customers.practised", "true", "true", false),
            ],
        ),
        (
            Blocker::ProcessOverMindset,
            "change_effort = { processes_and_systems = 0.75, mindset = 0.25 }",
            vec![evidence(
                "change_effort.processes_and_systems",
                "75%",
                "at most 70%",
                true,
            )],
            "change_effort = { processes_and_systems = 0.5, mindset = 0.5 }",
            vec![evidence(
                "change_effort.processes_and_systems",
                "50%",
                "at most 70%",
                false,
            )],
        ),
        (
            Blocker::NoCustomerTasks,
            r#"departments = [
                { function = "finance", customer_tasks = false },
                { function = "sales", customer_tasks = true },
                { function = "technology", customer_tasks = false },
            ]
            cxo_customer_roles = [
                { role = "chief_executive", customer_role = "Chairs the Customer Council" },
                { role = "chief_financial_officer" },
            ]"#,
            vec![
                evidence(
                    "departments",
                    "2 of 3 departments have no customer tasks (finance, technology)",
                    "every department has customer tasks",
                    true,
                ),
                evidence(
                    "cxo_customer_roles",
                    "1 of 2 executives hold no customer role",
                    "every executive holds a customer role",
                    true,
                ),
            ],
            r#"departments = [
                { function = "finance", customer_tasks = true },
                { function = "sales", customer_tasks = true },
            ]
            cxo_customer_roles = [
                { role = "chief_executive", customer_role = "Chairs the Customer Council" },
            ]"#,
            vec![
                evidence(
                    "departments",
                    "all 2 departments have customer tasks",
                    "every department has customer tasks",
                    false,
                ),
                evidence(
                    "cxo_customer_roles",
                    "0 of 1 executives hold no customer role",
                    "every executive holds a customer role",
                    false,
                ),
            ],
        ),
    ]
}

#[test]
fn judge_reads_each_blockers_signals() {
    let thresholds = Thresholds::default();
    let cases = signal_cases();
    assert_eq!(cases.len(), Blocker::ALL.len());
    for (blocker, present, present_evidence, absent, absent_evidence) in cases {
        let judgement = judge(blocker, Some(&signals(present)), None, &thresholds);
        assert_eq!(judgement.blocker, blocker);
        assert_eq!(judgement.verdict, Verdict::Present, "{blocker:?}");
        assert_eq!(bare(&judgement.evidence), present_evidence, "{blocker:?}");
        assert_eq!(judgement.promoters, blocker.promoters(), "{blocker:?}");

        let judgement = judge(blocker, Some(&signals(absent)), None, &thresholds);
        assert_eq!(judgement.verdict, Verdict::Absent, "{blocker:?}");
        assert_eq!(bare(&judgement.evidence), absent_evidence, "{blocker:?}");

        // Signals that say nothing about this blocker, or no signals at all.
        for silent in [Some(signals("")), None] {
            let judgement = judge(blocker, silent.as_ref(), None, &thresholds);
            assert_eq!(judgement.verdict, Verdict::Unknown, "{blocker:?}");
            assert!(judgement.evidence.is_empty(), "{blocker:?}");
            assert_eq!(judgement.promoters, blocker.promoters(), "{blocker:?}");
        }
    }
}

#[test]
fn one_tripped_signal_is_enough() {
    let thresholds = Thresholds::default();
    let judgement = judge(
        Blocker::ForgottenCustomer,
        Some(&signals(
            "executive_customer_time = 0.3\nexecutives_as_customers = { practised = false }",
        )),
        None,
        &thresholds,
    );
    assert_eq!(judgement.verdict, Verdict::Present);
    assert_eq!(
        bare(&judgement.evidence),
        [
            evidence("executive_customer_time", "30%", "at least 15%", false),
            evidence("executives_as_customers.practised", "false", "true", true),
        ]
    );
    // Empty lists of executive roles or departments say nothing either way.
    for empty in ["cxo_customer_roles = []", "departments = []"] {
        let judgement = judge(
            Blocker::NoCustomerTasks,
            Some(&signals(empty)),
            None,
            &thresholds,
        );
        assert_eq!(judgement.verdict, Verdict::Unknown, "{empty}");
        assert!(judgement.evidence.is_empty(), "{empty}");
    }
}

#[test]
fn the_lines_are_inclusive_and_move_with_the_thresholds() {
    let at_the_line = signals(
        "executive_customer_time = 0.15\nkpis_with_customer_parameters = 0.5\n\
         scorecard = { customer_weight = 0.15, reported_to_board = true }\n\
         incentive_mix = { short_term_financial = 0.6, customer = 0.4 }\n\
         change_effort = { processes_and_systems = 0.7, mindset = 0.3 }",
    );
    let defaults = Thresholds::default();
    for judgement in judge_all(Some(&at_the_line), None, &defaults) {
        let expected = match judgement.blocker {
            Blocker::CompanyConvenience | Blocker::NoCustomerTasks => Verdict::Unknown,
            _ => Verdict::Absent,
        };
        assert_eq!(judgement.verdict, expected, "{:?}", judgement.blocker);
    }
    let share = |value| Share::new(value).unwrap();
    let strict = Thresholds::default()
        .with_executive_time(share(0.2))
        .with_customer_kpis(share(0.6))
        .with_scorecard_weight(share(0.2))
        .with_short_term_incentives(share(0.5))
        .with_process_effort(share(0.6));
    let present: Vec<Blocker> = judge_all(Some(&at_the_line), None, &strict)
        .into_iter()
        .filter(|j| j.verdict == Verdict::Present)
        .map(|j| j.blocker)
        .collect();
    assert_eq!(
        present,
        [
            Blocker::ShortTermResults,
            Blocker::WorkingForOwners,
            Blocker::CompanyCentric,
            Blocker::ForgottenCustomer,
            Blocker::ProcessOverMindset,
        ]
    );
    let judgement = judge(
        Blocker::ForgottenCustomer,
        Some(&at_the_line),
        None,
        &strict,
    );
    assert_eq!(
        bare(&judgement.evidence),
        [evidence(
            "executive_customer_time",
            "15%",
            "at least 20%",
            true
        )]
    );
}

#[test]
fn thresholds_keep_their_settings() {
    let defaults = Thresholds::default();
    assert_eq!(defaults.executive_time().get(), Thresholds::EXECUTIVE_TIME);
    assert_eq!(defaults.customer_kpis().get(), Thresholds::CUSTOMER_KPIS);
    assert_eq!(
        defaults.scorecard_weight().get(),
        Thresholds::SCORECARD_WEIGHT
    );
    assert_eq!(
        defaults.short_term_incentives().get(),
        Thresholds::SHORT_TERM_INCENTIVES
    );
    assert_eq!(defaults.process_effort().get(), Thresholds::PROCESS_EFFORT);
    assert_eq!(defaults.item_score(), Thresholds::ITEM_SCORE);
    assert_eq!(Thresholds::EXECUTIVE_TIME, 0.15);
    // The item score is clamped to the score range; a non-finite value is ignored.
    assert_eq!(defaults.with_item_score(120.0).item_score(), 100.0);
    assert_eq!(defaults.with_item_score(-5.0).item_score(), 0.0);
    assert_eq!(defaults.with_item_score(f64::NAN).item_score(), 40.0);
}

// ---------------------------------------------------------------------------
// Judging from a team's answers
// ---------------------------------------------------------------------------

/// A round in which two executives answer only `item`, each with `point`.
fn round_answering(item: &str, point: Answer) -> Round {
    let response = |n: u32| Response {
        respondent: Respondent {
            id: RespondentId::new(format!("r-{n}")),
            level: OrgLevel::Executive,
            department: None,
        },
        submitted: chrono::DateTime::parse_from_rfc3339("2026-10-20T09:00:00Z")
            .unwrap()
            .to_utc(),
        answers: BTreeMap::from([(ItemId::new(item), point)]),
    };
    Round {
        schema_version: SchemaVersion::new(1),
        name: format!("Pulse on {item}"),
        instrument: InstrumentRef {
            id: InstrumentId::new("customer-strategy-maturity"),
            version: "1.0".to_owned(),
        },
        date: chrono::NaiveDate::from_ymd_opt(2026, 10, 30).unwrap(),
        responses: vec![response(1), response(2)],
    }
}

/// The scored round in which two executives give `item` a team score of
/// `score` (0, 25, 50, 75 or 100), reverse items answered the other way round.
fn scored(item: &str, score: u8) -> RoundResult {
    let instrument = Instrument::customer_strategy_maturity().unwrap();
    let reverse = instrument
        .items
        .iter()
        .find(|i| i.id.as_str() == item)
        .unwrap()
        .reverse;
    let step = score / 25;
    let point = if reverse { 5 - step } else { 1 + step };
    let round = round_answering(item, Answer::Point(point));
    Scorer::new(&instrument)
        .unwrap()
        .score_round(&round, &ScoringOptions::default())
}

/// The evidence without its margins, to compare with the expected lists.
fn bare(evidence: &[Evidence]) -> Vec<Evidence> {
    evidence
        .iter()
        .cloned()
        .map(|e| Evidence { margin: None, ..e })
        .collect()
}

fn from_answers(item: &str, observed: &str, tripped: bool) -> Evidence {
    Evidence {
        source: Source::Assessment,
        subject: format!("item {item}"),
        observed: observed.to_owned(),
        expected: "at least 40".to_owned(),
        tripped,
        margin: None,
    }
}

#[test]
fn the_assessment_item_decides_when_the_signals_are_silent() {
    let thresholds = Thresholds::default();
    let silent = signals("organization = \"Harbour Bank\"");
    for blocker in Blocker::ALL {
        let item = evidence_item(blocker);
        let low = scored(item, 25);
        assert_eq!(low.item(item).unwrap().mean.unwrap().get(), 25.0, "{item}");
        let high = scored(item, 100);
        for signals in [Some(&silent), None] {
            let judgement = judge(blocker, signals, Some(&low), &thresholds);
            assert_eq!(judgement.verdict, Verdict::Present, "{blocker:?}");
            assert_eq!(
                bare(&judgement.evidence),
                [from_answers(item, "team score 25.0 from 2 answers", true)],
                "{blocker:?}"
            );
            let judgement = judge(blocker, signals, Some(&high), &thresholds);
            assert_eq!(judgement.verdict, Verdict::Absent, "{blocker:?}");
            assert_eq!(
                bare(&judgement.evidence),
                [from_answers(item, "team score 100.0 from 2 answers", false)],
                "{blocker:?}"
            );
        }
        // The line is the item score of the thresholds.
        let lenient = Thresholds::default().with_item_score(25.0);
        let judgement = judge(blocker, Some(&silent), Some(&low), &lenient);
        assert_eq!(judgement.verdict, Verdict::Absent, "{blocker:?}");
        assert_eq!(judgement.evidence[0].expected, "at least 25");
    }
}

#[test]
fn the_signals_and_the_assessment_item_both_count_and_disagreement_is_said() {
    let thresholds = Thresholds::default();
    for (blocker, present, _, absent, absent_evidence) in signal_cases() {
        // The team's answers point to the blocker; the signals say it is absent.
        let low = scored(evidence_item(blocker), 0);
        let judgement = judge(blocker, Some(&signals(absent)), Some(&low), &thresholds);
        assert_eq!(judgement.verdict, Verdict::Present, "{blocker:?}");
        assert!(judgement.contested, "{blocker:?}");
        assert_eq!(judgement.margin, 1.0, "{blocker:?}");
        let (from_signals, from_answers): (Vec<_>, Vec<_>) = judgement
            .evidence
            .iter()
            .cloned()
            .partition(|e| e.source == Source::Signals);
        assert_eq!(bare(&from_signals), absent_evidence, "{blocker:?}");
        assert_eq!(from_answers.len(), 1, "{blocker:?}");
        assert!(from_answers[0].tripped, "{blocker:?}");
        // Signals and answers agreeing: not contested.
        let judgement = judge(blocker, Some(&signals(present)), Some(&low), &thresholds);
        assert_eq!(judgement.verdict, Verdict::Present, "{blocker:?}");
        assert!(!judgement.contested, "{blocker:?}");
        // Only the signals: not contested either.
        let judgement = judge(blocker, Some(&signals(present)), None, &thresholds);
        assert!(!judgement.contested, "{blocker:?}");
    }
}

#[test]
fn a_verdict_near_the_line_is_borderline_and_carries_its_margin() {
    let t = Thresholds::default();
    let near = signals("executive_customer_time = 0.149");
    let judgement = judge(Blocker::ForgottenCustomer, Some(&near), None, &t);
    assert_eq!(judgement.verdict, Verdict::Borderline);
    assert!((judgement.margin - 0.1 / 15.0).abs() < 1e-9);
    let far = signals("executive_customer_time = 0.09");
    let judgement = judge(Blocker::ForgottenCustomer, Some(&far), None, &t);
    assert_eq!(judgement.verdict, Verdict::Present);
    assert!((judgement.margin - 0.4).abs() < 1e-9);
    // With no tolerance the near miss is present too; with a wide one, the far one is borderline.
    let judgement = judge(
        Blocker::ForgottenCustomer,
        Some(&near),
        None,
        &t.with_tolerance(0.0),
    );
    assert_eq!(judgement.verdict, Verdict::Present);
    let judgement = judge(
        Blocker::ForgottenCustomer,
        Some(&far),
        None,
        &t.with_tolerance(0.5),
    );
    assert_eq!(judgement.verdict, Verdict::Borderline);
    // Ceilings weigh the way up to 100%: 75% against at most 70% is 5 / 30 of it.
    let heavy = signals("[change_effort]\nprocesses_and_systems = 0.75\nmindset = 0.25");
    let judgement = judge(Blocker::ProcessOverMindset, Some(&heavy), None, &t);
    assert!((judgement.margin - 5.0 / 30.0).abs() < 1e-9);
    // A borderline blocker does not cap the level.
    let review = OrganizationReview {
        signals: Some(signals("executive_customer_time = 0.149")),
        ..sample_review()
    };
    let result = review.assess(&ReviewOptions::default()).unwrap();
    assert!(
        result
            .blockers
            .iter()
            .all(|j| j.verdict != Verdict::Present)
    );
    assert_eq!(result.blocker_cap, None);
}

#[test]
fn an_item_without_answers_on_the_scale_decides_nothing() {
    let instrument = Instrument::customer_strategy_maturity().unwrap();
    let scorer = Scorer::new(&instrument).unwrap();
    for blocker in Blocker::ALL {
        let item = evidence_item(blocker);
        let round = round_answering(item, Answer::DontKnow);
        let result = scorer.score_round(&round, &ScoringOptions::default());
        assert_eq!(result.item(item).unwrap().mean, None);
        let judgement = judge(blocker, None, Some(&result), &Thresholds::default());
        assert_eq!(judgement.verdict, Verdict::Unknown, "{blocker:?}");
        assert!(judgement.evidence.is_empty());
        // Another blocker's item says nothing about this one.
        let other = Blocker::ALL.iter().find(|b| **b != blocker).unwrap();
        let elsewhere = scored(evidence_item(*other), 0);
        let judgement = judge(blocker, None, Some(&elsewhere), &Thresholds::default());
        assert_eq!(judgement.verdict, Verdict::Unknown, "{blocker:?}");
    }
}

// ---------------------------------------------------------------------------
// Promoters in place
// ---------------------------------------------------------------------------

#[test]
fn the_sample_shows_six_promoters_in_place() {
    let found = promoters_in_place(
        Some(&sample_signals()),
        Some(&sample_canvas()),
        &Thresholds::default(),
    );
    let place = |promoter, evidence| PromoterInPlace { promoter, evidence };
    let expected = vec![
        place(
            Promoter::ExecutivesBuildStrategy,
            evidence(
                "cxo_customer_roles",
                "7 of 7 executives lead customer work",
                "every executive leads customer work",
                true,
            ),
        ),
        place(
            Promoter::CustomerCentricCircles,
            evidence(
                "circles",
                "6 circle(s), levels taking part: front_line, manager",
                "at least 1 circle, with the front line taking part",
                true,
            ),
        ),
        place(
            Promoter::ContinuousImprovement,
            evidence("improvement_programmes", "3", "at least 1", true),
        ),
        place(
            Promoter::BillOfRights,
            evidence(
                "bill_of_rights",
                "exists: true, visible to customers: true, to staff: true",
                "exists and is visible to customers and staff",
                true,
            ),
        ),
        place(
            Promoter::SystemicChange,
            evidence(
                "scorecard",
                "customer weight 18%, reported to the board: true, departments with customer tasks: 9 of 9",
                "at least 15%, reported to the board, and customer tasks in every department",
                true,
            ),
        ),
        place(
            Promoter::StakeholderValue,
            Evidence {
                source: Source::Canvas,
                subject: "proposition.business_value.stakeholder_benefits".to_owned(),
                observed: "names a benefit for employees".to_owned(),
                expected: "a benefit for employees and other stakeholders".to_owned(),
                tripped: true,
                margin: None,
            },
        ),
    ];
    assert_eq!(found, expected);
    // Executive time (9%) and the mind-set share (25%) fall short.
    assert!(!found.iter().any(|p| matches!(
        p.promoter,
        Promoter::ExecutiveCustomerTime | Promoter::MindsetShift
    )));
}

#[test]
fn promoters_follow_the_thresholds_and_need_evidence() {
    let thresholds = Thresholds::default()
        .with_executive_time(Share::new(0.05).unwrap())
        .with_process_effort(Share::new(0.75).unwrap());
    let found: Vec<Promoter> = promoters_in_place(Some(&sample_signals()), None, &thresholds)
        .into_iter()
        .map(|p| p.promoter)
        .collect();
    assert_eq!(
        found,
        [
            Promoter::ExecutivesBuildStrategy,
            Promoter::CustomerCentricCircles,
            Promoter::ContinuousImprovement,
            Promoter::BillOfRights,
            Promoter::SystemicChange,
            Promoter::ExecutiveCustomerTime,
            Promoter::MindsetShift,
        ]
    );
    assert!(promoters_in_place(None, None, &Thresholds::default()).is_empty());
    assert!(promoters_in_place(Some(&signals("")), None, &Thresholds::default()).is_empty());
}

#[test]
fn circles_promote_only_with_the_front_line_and_systemic_change_needs_the_whole_system() {
    let in_place = |toml: &str| -> Vec<Promoter> {
        promoters_in_place(Some(&signals(toml)), None, &Thresholds::default())
            .into_iter()
            .map(|p| p.promoter)
            .collect()
    };
    // Circles of managers alone, or with their levels not recorded, are not
    // built from the bottom up.
    assert!(in_place("[circles]\ncount = 4\nlevels = [\"manager\", \"executive\"]").is_empty());
    assert!(in_place("[circles]\ncount = 4").is_empty());
    assert_eq!(
        in_place("[circles]\ncount = 4\nlevels = [\"front_line\"]"),
        [Promoter::CustomerCentricCircles]
    );
    assert!(in_place("[circles]\ncount = 0\nlevels = [\"front_line\"]").is_empty());
    // A scorecard weight reported to the board is not enough on its own.
    let card = "[scorecard]\ncustomer_weight = 0.2\nreported_to_board = true\n";
    assert!(in_place(card).is_empty());
    let departments = |tasks: [bool; 2]| {
        format!(
            "{card}[[departments]]\nfunction = \"finance\"\ncustomer_tasks = {}\n\
             [[departments]]\nfunction = \"legal\"\ncustomer_tasks = {}\n",
            tasks[0], tasks[1]
        )
    };
    assert!(in_place(&departments([true, false])).is_empty());
    assert_eq!(
        in_place(&departments([true, true])),
        [Promoter::SystemicChange]
    );
}

// ---------------------------------------------------------------------------
// The whole-organization review
// ---------------------------------------------------------------------------

#[test]
fn the_sample_review_keeps_defined_under_a_cap_weighed_by_margins() {
    let review = sample_review();
    let result = review.assess(&ReviewOptions::default()).unwrap();
    let maturity = result.maturity.as_ref().unwrap();
    assert_eq!(maturity.level, Some(level(3, "Defined")));
    assert_eq!(result.level, Some(level(3, "Defined")));
    let present: Vec<Blocker> = result.present().map(|j| j.blocker).collect();
    let three = vec![
        Blocker::CompanyCentric,
        Blocker::ForgottenCustomer,
        Blocker::ProcessOverMindset,
    ];
    assert_eq!(present, three);
    // Margins 0.3, 0.4 and 0.05 / 0.3; the team's answers disagree with each,
    // so each weighs half.
    let margins: Vec<f64> = result.present().map(|j| j.margin).collect();
    for (got, want) in margins.iter().zip([0.3, 0.4, 0.05 / 0.3]) {
        assert!((got - want).abs() < 1e-9, "{got} {want}");
    }
    assert!(result.present().all(|j| j.contested));
    let cap = result.blocker_cap.clone().unwrap();
    assert!(!cap.binds());
    assert_eq!(
        (
            cap.blockers,
            cap.levels_per_blocker,
            cap.max_cap_levels,
            cap.levels_taken,
            cap.cap
        ),
        (three, 1, 2, 1, 4)
    );
    for (got, want) in cap.weights.iter().zip([0.15, 0.2, 0.05 / 0.6]) {
        assert!((got - want).abs() < 1e-9, "{got} {want}");
    }
    assert_eq!(cap.uncapped, level(3, "Defined"));
    assert_eq!(cap.capped, level(3, "Defined"));
    // Every blocker is judged; the others are absent on the signals.
    assert_eq!(result.blockers.len(), 7);
    assert!(
        result
            .blockers
            .iter()
            .all(|j| j.verdict != Verdict::Unknown)
    );
    assert_eq!(
        result.promoters,
        promoters_in_place(
            review.signals.as_ref(),
            review.canvas.as_ref(),
            &Thresholds::default()
        )
    );
}

#[test]
fn no_levels_per_blocker_leaves_the_level_uncapped() {
    let options = ReviewOptions::default().with_levels_per_blocker(0);
    assert_eq!(options.levels_per_blocker(), 0);
    let result = sample_review().assess(&options).unwrap();
    assert_eq!(result.level, Some(level(3, "Defined")));
    let cap = result.blocker_cap.clone().unwrap();
    assert_eq!((cap.levels_taken, cap.cap, cap.binds()), (0, 5, false));
    assert_eq!(result.present().count(), 3);
}

#[test]
fn the_review_options_reach_the_judgement_and_the_cap() {
    // A lower bar for executive time leaves two blockers, which cap at level 3.
    let thresholds = Thresholds::default().with_executive_time(Share::new(0.05).unwrap());
    let options = ReviewOptions::default().with_thresholds(thresholds);
    assert_eq!(options.thresholds(), &thresholds);
    let result = sample_review().assess(&options).unwrap();
    assert_eq!(result.present().count(), 2);
    assert_eq!(result.level, Some(level(3, "Defined")));
    assert!(!result.blocker_cap.unwrap().binds());
    // Five levels per unit of weight: ceil(5 x 0.43) = 3, but at most 2 by
    // default, and 3 when the maximum allows it.
    let result = sample_review()
        .assess(&ReviewOptions::default().with_levels_per_blocker(5))
        .unwrap();
    assert_eq!(result.level, Some(level(3, "Defined")));
    assert_eq!(result.blocker_cap.unwrap().cap, 3);
    let result = sample_review()
        .assess(
            &ReviewOptions::default()
                .with_levels_per_blocker(5)
                .with_max_cap_levels(3),
        )
        .unwrap();
    assert_eq!(result.level, Some(level(2, "Emerging")));
    let cap = result.blocker_cap.unwrap();
    assert!(cap.binds());
    assert_eq!((cap.levels_taken, cap.cap), (3, 2));
}

#[test]
fn a_review_without_an_assessment_has_no_level() {
    let review = OrganizationReview {
        assessment: None,
        ..sample_review()
    };
    let result = review.assess(&ReviewOptions::default()).unwrap();
    assert_eq!(result.maturity, None);
    assert_eq!(result.level, None);
    assert_eq!(result.blocker_cap, None);
    assert_eq!(result.present().count(), 3);

    let empty = OrganizationReview::default()
        .assess(&ReviewOptions::default())
        .unwrap();
    assert!(empty.blockers.iter().all(|j| j.verdict == Verdict::Unknown));
    assert!(empty.promoters.is_empty());
}

// ---------------------------------------------------------------------------
// The culture signals document
// ---------------------------------------------------------------------------

#[test]
fn schema_version_alone_is_a_complete_document() {
    let toml = CultureSignals::from_toml("schema_version = 1").unwrap();
    let json = CultureSignals::from_json(r#"{"schema_version": 1}"#).unwrap();
    assert_eq!(toml, CultureSignals::default());
    assert_eq!(json, CultureSignals::default());
    assert_eq!(toml.to_json().unwrap(), "{\n  \"schema_version\": 1\n}");
}

#[test]
fn an_unknown_field_is_refused_with_its_name_and_line() {
    let error = CultureSignals::from_toml(
        "schema_version = 1\norganization = \"Harbour Bank\"\nexecutive_time = 0.2\n",
    )
    .unwrap_err();
    assert!(error.is_unknown_field(), "{error}");
    assert_eq!(error.field(), Some("executive_time"));
    assert_eq!(error.line(), Some(3));
    assert!(error.to_string().contains("line 3"), "{error}");
    assert!(error.to_string().contains("`executive_time`"), "{error}");

    let error = CultureSignals::from_json(
        "{\n  \"schema_version\": 1,\n  \"scorecard\": {\n    \"customer_weight\": 0.2,\n    \
         \"reported_to_board\": true,\n    \"weight\": 1\n  }\n}",
    )
    .unwrap_err();
    assert!(error.is_unknown_field(), "{error}");
    assert_eq!(error.field(), Some("scorecard.weight"));
    assert_eq!(error.line(), Some(6));
    assert!(error.to_string().contains("`weight`"), "{error}");
}

#[test]
fn a_share_above_one_is_refused() {
    let error = CultureSignals::from_toml(
        "schema_version = 1\n\n[change_effort]\nprocesses_and_systems = 1.5\nmindset = 0.1\n",
    )
    .unwrap_err();
    assert_eq!(error.field(), Some("change_effort.processes_and_systems"));
    assert_eq!(error.line(), Some(4));
    assert!(error.message().contains("1.5"), "{error}");

    let error =
        CultureSignals::from_json("{\"schema_version\": 1, \"executive_customer_time\": 15}")
            .unwrap_err();
    assert_eq!(error.field(), Some("executive_customer_time"));
    assert_eq!(error.line(), Some(1));
    // An unknown schema version is refused too.
    let error = CultureSignals::from_toml("schema_version = 2").unwrap_err();
    assert!(error.is_unsupported_version(), "{error}");
}

#[test]
fn the_sample_is_the_same_in_toml_and_json() {
    let json_text = sample_text("harbour_bank_culture.json");
    let from_json = CultureSignals::from_json(&json_text).unwrap();
    let from_toml = sample_signals();
    assert_eq!(from_toml, from_json);
    assert_eq!(format!("{}\n", from_toml.to_json().unwrap()), json_text);
    // And both survive a round trip unchanged.
    assert_eq!(
        CultureSignals::from_toml(&from_toml.to_toml().unwrap()).unwrap(),
        from_toml
    );
    assert_eq!(
        CultureSignals::from_json(&from_json.to_json().unwrap()).unwrap(),
        from_json
    );
    // The sample knows every signal.
    let value = serde_json::to_value(&from_json).unwrap();
    assert_eq!(value.as_object().unwrap().len(), 15);
}

fn any_signals() -> impl Strategy<Value = CultureSignals> {
    use support::{SIZE, cadence, date, function, role, share, text};
    let departments = vec((function(), any::<bool>()), SIZE).prop_map(|d| {
        d.into_iter()
            .map(|(function, customer_tasks)| Department {
                function,
                customer_tasks,
            })
            .collect()
    });
    let roles = vec((role(), text()), SIZE).prop_map(|r| {
        r.into_iter()
            .map(|(role, customer_role)| CxoSignal {
                role,
                customer_role,
            })
            .collect()
    });
    let level = proptest::sample::select(OrgLevel::ALL.to_vec());
    let circles = (
        any::<u32>(),
        maybe(cadence()),
        vec(function(), SIZE),
        vec(level, SIZE),
    )
        .prop_map(|(count, cadence, functions, levels)| Circles {
            count,
            cadence,
            functions,
            levels,
        });
    let rights = vec((text(), maybe(function())), SIZE).prop_map(|r| {
        r.into_iter()
            .map(|(right, owner)| CustomerRight { right, owner })
            .collect()
    });
    let bill = (any::<[bool; 3]>(), rights).prop_map(|([exists, customers, staff], rights)| {
        BillOfRights {
            exists,
            visible_to_customers: customers,
            visible_to_staff: staff,
            rights,
        }
    });
    let shares = (
        maybe(share()),
        maybe(share()),
        maybe(
            (share(), any::<bool>()).prop_map(|(customer_weight, reported_to_board)| Scorecard {
                customer_weight,
                reported_to_board,
            }),
        ),
        maybe(
            (share(), share()).prop_map(|(short_term_financial, customer)| IncentiveMix {
                short_term_financial,
                customer,
            }),
        ),
        maybe(
            (share(), share()).prop_map(|(processes_and_systems, mindset)| ChangeEffort {
                processes_and_systems,
                mindset,
            }),
        ),
    );
    let rest = (
        text(),
        maybe(date()),
        maybe(departments),
        maybe(roles),
        maybe(circles),
        maybe(bill),
        maybe(any::<u32>()),
        maybe(
            (any::<bool>(), maybe(cadence()))
                .prop_map(|(practised, cadence)| ExecutiveExperience { practised, cadence }),
        ),
        maybe(any::<bool>()),
    );
    (shares, rest).prop_map(|((time, kpis, scorecard, mix, effort), rest)| {
        let (
            organization,
            as_of,
            departments,
            roles,
            circles,
            bill,
            programmes,
            practice,
            policies,
        ) = rest;
        CultureSignals {
            organization,
            as_of,
            executive_customer_time: time,
            kpis_with_customer_parameters: kpis,
            scorecard,
            departments,
            cxo_customer_roles: roles,
            circles,
            bill_of_rights: bill,
            improvement_programmes: programmes,
            incentive_mix: mix,
            change_effort: effort,
            executives_as_customers: practice,
            policies_reviewed_for_customers: policies,
            ..CultureSignals::default()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any signals survive JSON and TOML unchanged, and JSON through TOML is byte-identical.
    #[test]
    fn any_signals_survive_json_and_toml(signals in any_signals()) {
        let json = signals.to_json().unwrap();
        let toml = signals.to_toml().unwrap();
        prop_assert_eq!(&CultureSignals::from_json(&json).unwrap(), &signals, "{}", json);
        let from_toml = CultureSignals::from_toml(&toml)
            .unwrap_or_else(|e| panic!("{e}\n--- written TOML ---\n{toml}"));
        prop_assert_eq!(&from_toml, &signals, "{}", toml);
        prop_assert_eq!(from_toml.to_json().unwrap(), json);
    }
}
