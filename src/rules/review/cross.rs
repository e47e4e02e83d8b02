//! Checks across the canvas, the culture signals and the team's answers.

use std::collections::{BTreeSet, HashSet};

use super::{ReviewIndex, blockers, review_rule};
use crate::canvas::{Canvas, Lifecycle, Perspective, Role, Voice};
use crate::culture::{CultureSignals, judge_all};
use crate::review::{OrganizationReview, cap_by_blockers};
use crate::validate::{Check, FnRule, IntegerParam, JsonPointer, NumberParam};

pub(super) const CATALOGUE: &[FnRule<OrganizationReview>] = &[
    SAY_DO,
    BLOCKER_CAP,
    CXO_ROLES_AGREE,
    INCENTIVES_AGREE,
    SHARES_ADD_UP,
    STALE_SIGNALS,
];

const HIGH_SCORE: NumberParam = NumberParam::new(
    "high_score",
    "The team score (0 to 100) from which a dimension counts as rated highly; 60, the \
     crate's default, is where most of the team agree",
    60.0,
    0.0,
    100.0,
);

pub(super) const SAY_DO: FnRule<OrganizationReview> = FnRule::new(
    review_rule(
        "REVIEW-SAYDO-001",
        "What the team rates highly shows in the canvas and the signals",
        "A dimension the team rates highly while the canvas or the signals hold no evidence \
         of it is a gap between saying and doing: high marks on measurement with no customer \
         measure in the canvas are a belief, not a practice.",
    )
    .with_params(&[HIGH_SCORE.spec(), blockers::MIN_CUSTOMER_KPIS.spec()]),
    say_do,
);

fn say_do(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let Some(maturity) = &index.maturity else {
        return;
    };
    let high = check.params().number(&HIGH_SCORE);
    let min_kpis = check.params().number(&blockers::MIN_CUSTOMER_KPIS);
    for dimension in &maturity.dimensions {
        let Some(stats) = dimension.stats else {
            continue;
        };
        if stats.mean.get() < high {
            continue;
        }
        for (path, missing) in missing_evidence(dimension.id.as_str(), review, min_kpis) {
            check
                .finding(
                    path,
                    "review.say_do.gap",
                    "The team rates \"{dimension}\" at {score}, but {missing}",
                )
                .arg("dimension", dimension.name.as_str())
                .arg("score", stats.mean.to_string())
                .arg("missing", missing)
                .emit();
        }
    }
}

/// What the canvas and the signals lack that a dimension of the built-in
/// instrument would lead one to expect; dimensions of other instruments are
/// not judged.
fn missing_evidence(
    dimension: &str,
    review: &OrganizationReview,
    min_kpis: f64,
) -> Vec<(JsonPointer, &'static str)> {
    let mut missing = Vec::new();
    let canvas = review.canvas.as_ref();
    let signals = review.signals.as_ref();
    let mut expect = |lacking: bool, path: &str, what: &'static str| {
        if lacking {
            missing.push((JsonPointer::from(path), what));
        }
    };
    match dimension {
        "strategy" => {
            if let Some(c) = canvas {
                expect(
                    c.metadata.sponsor.is_none() || c.metadata.owner.is_none(),
                    "/canvas/metadata",
                    "the canvas names no sponsor or no owner",
                );
            }
        }
        "insight" => {
            if let Some(c) = canvas {
                expect(
                    !c.steering
                        .insight
                        .sources
                        .iter()
                        .any(|s| s.voice == Voice::Customer),
                    "/canvas/steering/insight/sources",
                    "the canvas lists no source for the voice of the customer",
                );
            }
        }
        "experience" => {
            if let Some(c) = canvas {
                expect(
                    c.proposition.experience.journeys.is_empty(),
                    "/canvas/proposition/experience/journeys",
                    "the canvas describes no customer journey",
                );
            }
        }
        "culture" => {
            if let Some(c) = canvas {
                expect(
                    c.value_chain.people.culture_practices.is_empty(),
                    "/canvas/value_chain/people/culture_practices",
                    "the canvas names no culture practice",
                );
            }
            if let Some(circles) = signals.and_then(|s| s.circles.as_ref()) {
                expect(
                    circles.count == 0,
                    "/signals/circles/count",
                    "the signals show no Customer-Centric Circle",
                );
            }
        }
        "measurement" => {
            if let Some(c) = canvas {
                expect(
                    !c.steering
                        .performance
                        .metrics
                        .iter()
                        .any(|m| m.perspective == Perspective::Customer),
                    "/canvas/steering/performance/metrics",
                    "the canvas has no customer measure",
                );
            }
            if let Some(kpis) = signals.and_then(|s| s.kpis_with_customer_parameters) {
                expect(
                    kpis.get() < min_kpis,
                    "/signals/kpis_with_customer_parameters",
                    "too few of the KPIs carry customer parameters",
                );
            }
        }
        "value" => {
            if let Some(c) = canvas {
                let objectives = &c.steering.performance.objectives;
                let has = |stage| objectives.iter().any(|o| o.lifecycle == stage);
                expect(
                    !(has(Lifecycle::Retain) && has(Lifecycle::Grow)),
                    "/canvas/steering/performance/objectives",
                    "the canvas sets no objective for keeping or for growing customers",
                );
            }
        }
        _ => {}
    }
    missing
}

const LEVELS_PER_BLOCKER: IntegerParam = IntegerParam::new(
    "levels_per_blocker",
    "How many levels a blocker present at the full margin of 1 takes off the highest maturity \
     level reachable; each blocker weighs its margin",
    crate::review::ReviewOptions::LEVELS_PER_BLOCKER as i64,
    0,
    10,
);

const MAX_CAP_LEVELS: IntegerParam = IntegerParam::new(
    "max_cap_levels",
    "The most levels the blockers can take off the highest maturity level, however many are \
     present (the crate's default keeps the middle of a five-level instrument reachable)",
    crate::review::ReviewOptions::MAX_CAP_LEVELS as i64,
    0,
    10,
);

pub(super) const BLOCKER_CAP: FnRule<OrganizationReview> = FnRule::new(
    review_rule(
        "REVIEW-CAP-001",
        "Culture blockers cap the maturity level",
        "A strategy people do not embrace sits on the shelf: however well a team rates its \
         practice, blockers at work in the culture lower the level it can claim. Each blocker \
         present weighs its margin past its line (half when the signals and the answers \
         disagree; borderline blockers weigh nothing); the levels taken off the highest level \
         are the total weight times `levels_per_blocker`, rounded up, and at most \
         `max_cap_levels`. Blockers are judged with this rule's threshold parameters, which \
         default to the culture rules' defaults; configure both alike.",
    )
    .with_params(&[
        LEVELS_PER_BLOCKER.spec(),
        MAX_CAP_LEVELS.spec(),
        blockers::TOLERANCE.spec(),
        blockers::MAX_SHORT_TERM.spec(),
        blockers::MIN_SCORECARD.spec(),
        blockers::MIN_CUSTOMER_KPIS.spec(),
        blockers::MIN_EXECUTIVE_TIME.spec(),
        blockers::MAX_PROCESS_EFFORT.spec(),
        blockers::ITEM_SCORE.spec(),
    ]),
    blocker_cap,
);

fn blocker_cap(review: &OrganizationReview, index: &ReviewIndex, check: &mut Check<'_>) {
    let (Some(maturity), Some(assessment)) = (&index.maturity, &review.assessment) else {
        return;
    };
    let Some(level) = &maturity.level else {
        return;
    };
    let thresholds = blockers::thresholds_from(check.params());
    let judgements = judge_all(review.signals.as_ref(), Some(maturity), &thresholds);
    let per = u8::try_from(check.params().integer(&LEVELS_PER_BLOCKER)).unwrap_or(u8::MAX);
    let max = u8::try_from(check.params().integer(&MAX_CAP_LEVELS)).unwrap_or(u8::MAX);
    let Some(cap) = cap_by_blockers(&assessment.instrument, level, &judgements, per, max) else {
        return;
    };
    if !cap.binds() {
        return;
    }
    let names: Vec<String> = cap
        .blockers
        .iter()
        .zip(&cap.weights)
        .map(|(b, w)| format!("{} (weight {w:.2})", b.title()))
        .collect();
    let total: f64 = cap.weights.iter().sum();
    check
        .finding(
            JsonPointer::from("/assessment/round"),
            "review.cap.capped",
            "The team's answers give level {uncapped}, but {count} blocker(s) at work weigh {total} in all and take {taken} level(s) off the highest, capping it at level {capped}: {blockers}",
        )
        .arg("uncapped", cap.uncapped.number)
        .arg("capped", cap.capped.number)
        .arg("count", cap.blockers.len())
        .arg("total", format!("{total:.2}"))
        .arg("taken", cap.levels_taken)
        .arg("blockers", names.join("; "))
        .hint("Work on the blockers with the promoters that answer them; the level follows.")
        .emit();
}

pub(super) const CXO_ROLES_AGREE: FnRule<OrganizationReview> = FnRule::new(
    review_rule(
        "REVIEW-AGREE-001",
        "The canvas and the signals name the same executives' customer roles",
        "Customer roles written into the canvas but unknown to the signals (or the other way \
         round) mean either the strategy or the measurement of the culture is out of date.",
    ),
    cxo_roles_agree,
);

fn roles_in_canvas(canvas: &Canvas) -> BTreeSet<Role> {
    canvas
        .value_chain
        .people
        .cxo_roles
        .iter()
        .filter(|r| !r.customer_role.trim().is_empty())
        .map(|r| r.role)
        .collect()
}

fn roles_in_signals(signals: &CultureSignals) -> Option<BTreeSet<Role>> {
    signals.cxo_customer_roles.as_ref().map(|roles| {
        roles
            .iter()
            .filter(|r| !r.customer_role.trim().is_empty())
            .map(|r| r.role)
            .collect()
    })
}

fn cxo_roles_agree(review: &OrganizationReview, _: &ReviewIndex, check: &mut Check<'_>) {
    let (Some(canvas), Some(signals)) = (&review.canvas, &review.signals) else {
        return;
    };
    let Some(in_signals) = roles_in_signals(signals) else {
        return;
    };
    let in_canvas = roles_in_canvas(canvas);
    if canvas.value_chain.people.cxo_roles.is_empty() {
        return; // The canvas rules ask for the roles themselves.
    }
    for role in in_canvas.difference(&in_signals) {
        check
            .finding(
                JsonPointer::from("/signals/cxo_customer_roles"),
                "review.agree.role_missing_from_signals",
                "The canvas gives the {role} a customer role, but the culture signals do not",
            )
            .arg("role", role.as_str().replace('_', " "))
            .emit();
    }
    for role in in_signals.difference(&in_canvas) {
        check
            .finding(
                JsonPointer::from("/canvas/value_chain/people/cxo_roles"),
                "review.agree.role_missing_from_canvas",
                "The culture signals give the {role} a customer role, but the canvas does not",
            )
            .arg("role", role.as_str().replace('_', " "))
            .emit();
    }
}

pub(super) const INCENTIVES_AGREE: FnRule<OrganizationReview> = FnRule::new(
    review_rule(
        "REVIEW-AGREE-002",
        "The canvas and the signals agree on whether incentives reward customers",
        "Incentives the canvas ties to customer measures should show as customer pay in the \
         incentive mix, and the other way round; if not, one of the two describes an intention.",
    ),
    incentives_agree,
);

fn incentives_agree(review: &OrganizationReview, _: &ReviewIndex, check: &mut Check<'_>) {
    let (Some(canvas), Some(signals)) = (&review.canvas, &review.signals) else {
        return;
    };
    let (Some(mix), false) = (
        signals.incentive_mix,
        canvas.steering.performance.incentives.is_empty(),
    ) else {
        return;
    };
    let performance = &canvas.steering.performance;
    let customer_metrics: HashSet<_> = performance
        .metrics
        .iter()
        .filter(|m| m.perspective == Perspective::Customer)
        .map(|m| m.id)
        .collect();
    let canvas_rewards_customers = performance
        .incentives
        .iter()
        .any(|i| i.rewards.iter().any(|m| customer_metrics.contains(m)));
    let signals_reward_customers = mix.customer.get() > 0.0;
    if canvas_rewards_customers && !signals_reward_customers {
        check
            .finding(
                JsonPointer::from("/signals/incentive_mix/customer"),
                "review.agree.incentives_unpaid",
                "The canvas ties incentives to customer measures, but the incentive mix pays nothing on them",
            )
            .emit();
    } else if signals_reward_customers && !canvas_rewards_customers {
        check
            .finding(
                JsonPointer::from("/canvas/steering/performance/incentives"),
                "review.agree.incentives_unwritten",
                "The incentive mix pays {share} on customer measures, but no incentive in the canvas rewards one",
            )
            .arg("share", format!("{:.0}%", mix.customer.percent()))
            .emit();
    }
}

pub(super) const SHARES_ADD_UP: FnRule<OrganizationReview> = FnRule::new(
    crate::validate::RuleMeta::new(
        "REVIEW-SIGNALS-001",
        "Shares of one whole add up to at most 100%",
        crate::validate::Severity::Error,
        "The incentive mix divides one pay packet and the change effort one budget of effort; \
         parts that add up to more than the whole are a mistake in the signals, and every \
         blocker judged from them would be judged on wrong figures.",
    )
    .with_tags(&["review", "consistency"]),
    shares_add_up,
);

fn shares_add_up(review: &OrganizationReview, _: &ReviewIndex, check: &mut Check<'_>) {
    let Some(signals) = &review.signals else {
        return;
    };
    let wholes = [
        signals.incentive_mix.map(|mix| {
            (
                "/signals/incentive_mix",
                "incentive mix",
                mix.short_term_financial.get() + mix.customer.get(),
            )
        }),
        signals.change_effort.map(|effort| {
            (
                "/signals/change_effort",
                "change effort",
                effort.processes_and_systems.get() + effort.mindset.get(),
            )
        }),
    ];
    for (path, whole, total) in wholes.into_iter().flatten() {
        if total > 1.0 + 1e-9 {
            check
                .finding(
                    JsonPointer::from(path),
                    "review.signals.over_whole",
                    "The parts of the {whole} add up to {total}%, more than the whole",
                )
                .arg("whole", whole)
                .arg("total", crate::rules::percent(total))
                .emit();
        }
    }
}

const MAX_SIGNAL_AGE: IntegerParam = IntegerParam::new(
    "max_age_days",
    "The most days the culture signals may predate the round they are reviewed with",
    183,
    0,
    3660,
);

pub(super) const STALE_SIGNALS: FnRule<OrganizationReview> = FnRule::new(
    review_rule(
        "REVIEW-STALE-001",
        "The culture signals are not much older than the round",
        "The culture signals and the team's answers are weighed together, so they should \
         describe the same organization at about the same time; signals gathered long before \
         the round may show blockers the organization has since worked on, or miss new ones. \
         The sources give no age limit: six months (183 days) is the crate's default, about \
         the time a culture programme needs to move a measure such as executive time or the \
         share of KPIs with customer parameters. Signals without an `as_of` date cannot be \
         dated and are not judged.",
    )
    .with_params(&[MAX_SIGNAL_AGE.spec()]),
    stale_signals,
);

fn stale_signals(review: &OrganizationReview, _: &ReviewIndex, check: &mut Check<'_>) {
    let (Some(signals), Some(assessment)) = (&review.signals, &review.assessment) else {
        return;
    };
    let Some(as_of) = signals.as_of else {
        return;
    };
    let round = assessment.round.date;
    let age = round.signed_duration_since(as_of).num_days();
    let max = check.params().integer(&MAX_SIGNAL_AGE);
    if age > max {
        check
            .finding(
                JsonPointer::from("/signals/as_of"),
                "review.signals.stale",
                "The culture signals date from {as_of}, {age} days before the round of {round}: older than {max} days, they may no longer describe the culture the team answered about",
            )
            .arg("as_of", as_of.to_string())
            .arg("round", round.to_string())
            .arg("age", age)
            .arg("max", max)
            .related(JsonPointer::from("/assessment/round/date"))
            .hint("Gather the culture signals again, close to the round, before weighing them together.")
            .emit();
    }
}
