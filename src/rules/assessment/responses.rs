//! The response rules: a round judged against the instrument it was answered
//! with. Every path points into the serialized round.

use super::{AssessmentIndex, paths, response_advice, response_mistake};
use crate::assessment::{Answer, Assessment, Item, OrgLevel, ScoringOptions};
use crate::validate::{Check, FnRule, IntegerParam, NumberParam, RuleMeta, Severity};

/// The instrument's item an answer is to, if the instrument has it.
fn item_of<'a>(assessment: &'a Assessment, index: &AssessmentIndex, id: &str) -> Option<&'a Item> {
    index
        .items
        .get(id)
        .and_then(|&i| assessment.instrument.items.get(i))
}

pub(super) const INSTRUMENT_MATCH: FnRule<Assessment> = FnRule::new(
    response_mistake(
        "ROUND-INSTRUMENT-001",
        "The round was answered with this instrument and version",
        "Answers mean what the prompts of the instrument they were given with said; scoring a \
         round against another instrument, or another version of it, reads them against \
         different questions.",
    ),
    instrument_match,
);

fn instrument_match(assessment: &Assessment, _: &AssessmentIndex, check: &mut Check<'_>) {
    let used = &assessment.round.instrument;
    let instrument = &assessment.instrument;
    if used.id != instrument.id {
        check
            .finding(
                paths::at("/instrument/id"),
                "round.instrument.other_id",
                "The round was answered with the instrument \"{round}\", not \"{instrument}\"",
            )
            .arg("round", used.id.as_str())
            .arg("instrument", instrument.id.as_str())
            .emit();
    }
    if used.version != instrument.version {
        check
            .finding(
                paths::at("/instrument/version"),
                "round.instrument.other_version",
                "The round was answered with version \"{round}\" of the instrument, not version \"{instrument}\"",
            )
            .arg("round", used.version.as_str())
            .arg("instrument", instrument.version.as_str())
            .hint("Score the round with the version of the instrument it was answered with.")
            .emit();
    }
}

pub(super) const RESPONDENT_ONCE: FnRule<Assessment> = FnRule::new(
    response_mistake(
        "ROUND-RESPONDENT-001",
        "Every respondent answers once",
        "Each person's view counts once; a respondent whose answers appear twice weighs double \
         in the team's scores and in the scores of their level.",
    ),
    respondent_once,
);

fn respondent_once(assessment: &Assessment, index: &AssessmentIndex, check: &mut Check<'_>) {
    for &(first, again) in &index.repeated {
        let Some(response) = assessment.round.responses.get(again) else {
            continue;
        };
        check
            .finding(
                paths::response(again).key("respondent").key("id"),
                "round.respondent.twice",
                "The respondent \"{respondent}\" answered more than once",
            )
            .arg("respondent", response.respondent.id.as_str())
            .related(paths::response(first).key("respondent").key("id"))
            .hint(
                "Keep the respondent's latest response, or give distinct respondents distinct ids.",
            )
            .emit();
    }
}

pub(super) const KNOWN_ITEMS: FnRule<Assessment> = FnRule::new(
    response_mistake(
        "ROUND-ITEM-001",
        "Every answer is to an item of the instrument",
        "An answer to an item the instrument does not have counts towards nothing; it usually \
         means a misspelt item id or a round answered with another version of the instrument.",
    ),
    known_items,
);

fn known_items(assessment: &Assessment, index: &AssessmentIndex, check: &mut Check<'_>) {
    for (r, response) in assessment.round.responses.iter().enumerate() {
        for id in response.answers.keys() {
            if !index.items.contains_key(id.as_str()) {
                check
                    .finding(
                        paths::answer(r, id.as_str()),
                        "round.item.unknown",
                        "The instrument has no item \"{item}\", so this answer is not scored",
                    )
                    .arg("item", id.as_str())
                    .emit();
            }
        }
    }
}

pub(super) const ASKED_ITEMS: FnRule<Assessment> = FnRule::new(
    RuleMeta::new(
        "ROUND-ITEM-002",
        "Respondents answer only the items asked at their level",
        Severity::Info,
        "Some items are asked only of some organizational levels; an answer from another level \
         is scored all the same, which is worth knowing when the levels are compared.",
    )
    .with_tags(&["round", "consistency"]),
    asked_items,
);

fn asked_items(assessment: &Assessment, index: &AssessmentIndex, check: &mut Check<'_>) {
    for (r, response) in assessment.round.responses.iter().enumerate() {
        let level = response.respondent.level;
        for id in response.answers.keys() {
            if item_of(assessment, index, id.as_str()).is_some_and(|item| !item.is_asked_of(level))
            {
                check
                    .finding(
                        paths::answer(r, id.as_str()),
                        "round.item.not_asked",
                        "The item \"{item}\" is not asked at the level \"{level}\", but this respondent, who works at that level, answered it; the answer is scored all the same",
                    )
                    .arg("item", id.as_str())
                    .arg("level", level.as_str())
                    .emit();
            }
        }
    }
}

pub(super) const ON_SCALE: FnRule<Assessment> = FnRule::new(
    response_mistake(
        "ROUND-SCALE-001",
        "Every point answered is on the instrument's scale",
        "A point off the scale has no meaning on it; the scorer leaves it out, so the \
         respondent's view of that item is lost.",
    ),
    on_scale,
);

fn on_scale(assessment: &Assessment, index: &AssessmentIndex, check: &mut Check<'_>) {
    let scale = &assessment.instrument.scale;
    for (r, response) in assessment.round.responses.iter().enumerate() {
        for (id, answer) in &response.answers {
            // Answers to unknown items are ROUND-ITEM-001's to report.
            if let Answer::Point(point) = *answer
                && !scale.contains(point)
                && index.items.contains_key(id.as_str())
            {
                check
                    .finding(
                        paths::answer(r, id.as_str()),
                        "round.scale.off_scale",
                        "The answer {point} is not on the scale from {min} to {max}",
                    )
                    .arg("point", point)
                    .arg("min", scale.min)
                    .arg("max", scale.max)
                    .emit();
            }
        }
    }
}

pub(super) const ALLOWED_ANSWERS: FnRule<Assessment> = FnRule::new(
    response_mistake(
        "ROUND-SCALE-002",
        "\"Don't know\" and \"not applicable\" are answered only where the scale allows them",
        "An instrument that offers no \"don't know\" or \"not applicable\" asks every respondent \
         for a point; such answers in the round were gathered with other choices than the \
         instrument gives.",
    ),
    allowed_answers,
);

fn allowed_answers(assessment: &Assessment, index: &AssessmentIndex, check: &mut Check<'_>) {
    let scale = &assessment.instrument.scale;
    for (r, response) in assessment.round.responses.iter().enumerate() {
        for (id, answer) in &response.answers {
            let (allowed, name) = match answer {
                Answer::DontKnow => (scale.dont_know, "dont_know"),
                Answer::NotApplicable => (scale.not_applicable, "not_applicable"),
                _ => continue,
            };
            // Answers to unknown items are ROUND-ITEM-001's to report.
            if !allowed && index.items.contains_key(id.as_str()) {
                check
                    .finding(
                        paths::answer(r, id.as_str()),
                        "round.scale.not_allowed",
                        "The answer \"{answer}\" is not allowed by the instrument's scale",
                    )
                    .arg("answer", name)
                    .emit();
            }
        }
    }
}

const MIN_SHARE: NumberParam = NumberParam::new(
    "min_share",
    "The smallest share of the items asked at a respondent's level that must have an answer \
     (\"don't know\" and \"not applicable\" included), from 0 to 1",
    0.8,
    0.0,
    1.0,
);

pub(super) const COMPLETION: FnRule<Assessment> = FnRule::new(
    response_advice(
        "ROUND-COMPLETION-001",
        "Respondents answer most of the items asked of them",
        "A respondent who skips many items is scored on the few they chose, which are rarely \
         a fair picture; \"don't know\" is an answer, a blank is not. The sources give no \
         share: 80% of the items asked is the crate's default, a common bar in survey practice \
         for treating a response as complete.",
    )
    .with_params(&[MIN_SHARE.spec()]),
    completion,
);

#[allow(clippy::cast_precision_loss)] // counts of items are far below 2^52
fn completion(assessment: &Assessment, index: &AssessmentIndex, check: &mut Check<'_>) {
    let min = check.params().number(&MIN_SHARE);
    for (r, response) in assessment.round.responses.iter().enumerate() {
        let level = response.respondent.level;
        let asked = index.asked_of(level);
        if asked == 0 {
            continue;
        }
        // Answer ids are unique (a map) and the index holds each item id once.
        let answered = response
            .answers
            .keys()
            .filter(|id| {
                item_of(assessment, index, id.as_str()).is_some_and(|item| item.is_asked_of(level))
            })
            .count();
        if (answered as f64) < min * (asked as f64) - 1e-9 {
            check
                .finding(
                    paths::response(r).key("answers"),
                    "round.completion.low",
                    "The respondent \"{respondent}\" answered {answered} of the {asked} items asked at their level ({share}%), fewer than {min}%",
                )
                .arg("respondent", response.respondent.id.as_str())
                .arg("answered", answered)
                .arg("asked", asked)
                .arg("share", percent(answered as f64 / asked as f64))
                .arg("min", percent(min))
                .emit();
        }
    }
}

/// A fraction as a percentage rounded to one decimal, for messages.
fn percent(fraction: f64) -> f64 {
    (fraction * 1000.0).round() / 10.0
}

const MIN_ANSWERS: IntegerParam = IntegerParam::new(
    "min_answers",
    "The fewest points on the scale a respondent must give before one and the same point \
     for all of them is reported",
    8,
    2,
    10_000,
);

pub(super) const STRAIGHT_LINING: FnRule<Assessment> = FnRule::new(
    response_advice(
        "ROUND-STRAIGHT-001",
        "Respondents do not give one point to every item",
        "One and the same point for every item, reverse-worded ones included, is the mark of \
         a respondent who did not read the questions; their answers pull every dimension \
         towards that point. It is reported from 8 answers on, the crate's default: with fewer \
         items one point for all can be an honest view.",
    )
    .with_params(&[MIN_ANSWERS.spec()]),
    straight_lining,
);

fn straight_lining(assessment: &Assessment, index: &AssessmentIndex, check: &mut Check<'_>) {
    let min = usize::try_from(check.params().integer(&MIN_ANSWERS)).unwrap_or(usize::MAX);
    let scale = &assessment.instrument.scale;
    for (r, response) in assessment.round.responses.iter().enumerate() {
        // The points that are scored: on the scale, to items of the instrument.
        let mut points = response
            .answers
            .iter()
            .filter_map(|(id, answer)| match *answer {
                Answer::Point(point)
                    if scale.contains(point) && index.items.contains_key(id.as_str()) =>
                {
                    Some(point)
                }
                _ => None,
            });
        let Some(first) = points.next() else {
            continue;
        };
        let mut count = 1;
        let mut same = true;
        for point in points {
            count += 1;
            if point != first {
                same = false;
                break;
            }
        }
        if same && count >= min {
            check
                .finding(
                    paths::response(r).key("answers"),
                    "round.straight.one_point",
                    "The respondent \"{respondent}\" gave the point {point} to every one of the {count} items they answered on the scale",
                )
                .arg("respondent", response.respondent.id.as_str())
                .arg("point", first)
                .arg("count", count)
                .hint("Check the response with the survey tool or the respondent before it is scored.")
                .emit();
        }
    }
}

const MIN_RESPONDENTS: IntegerParam = IntegerParam::new(
    "min_respondents",
    "The fewest respondents an organizational level needs for its scores to be reported; \
     keep it equal to the scorer's `ScoringOptions::min_group_size`",
    // A small constant: the cast cannot wrap.
    ScoringOptions::DEFAULT_MIN_GROUP_SIZE as i64,
    1,
    10_000,
);

pub(super) const GROUP_SIZE: FnRule<Assessment> = FnRule::new(
    RuleMeta::new(
        "ROUND-GROUP-001",
        "Every organizational level has enough respondents to be reported",
        Severity::Warning,
        "Rating the same questions by level exposes the gap between boardroom and back office, \
         but a level with very few respondents would expose the people themselves: its scores \
         are withheld, and the round says less about that level than it was meant to.",
    )
    .with_draft_severity(Severity::Info)
    .with_tags(&["round", "privacy"])
    .with_params(&[MIN_RESPONDENTS.spec()]),
    group_size,
);

fn group_size(_: &Assessment, index: &AssessmentIndex, check: &mut Check<'_>) {
    let min = usize::try_from(check.params().integer(&MIN_RESPONDENTS)).unwrap_or(usize::MAX);
    for (level, responses) in OrgLevel::ALL.iter().zip(&index.by_level) {
        let count = responses.len();
        let Some((&first, others)) = responses.split_first() else {
            continue;
        };
        if count >= min {
            continue;
        }
        let mut finding = check
            .finding(
                paths::response(first).key("respondent").key("level"),
                "round.group.too_small",
                "Too few respondents at the level \"{level}\" ({count} of the {min} needed) for its scores to be reported: they will be withheld so that no one person's answers are exposed",
            )
            .arg("level", level.as_str())
            .arg("count", count)
            .arg("min", min)
            .hint("Gather more responses at this level; until then its answers count only towards the team's scores.");
        for &other in others {
            finding = finding.related(paths::response(other).key("respondent").key("level"));
        }
        finding.emit();
    }
}
