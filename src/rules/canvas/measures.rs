//! Customer measures with numbers: baselines, progress, fresh observations,
//! and targets that point the right way.

use super::{CanvasIndex, mistake, paths};
use crate::canvas::{Canvas, Direction, MetricStatus};
use crate::validate::{Check, FnRule, RuleMeta, Severity};

const fn measure(code: &'static str, title: &'static str, rationale: &'static str) -> RuleMeta {
    RuleMeta::new(code, title, Severity::Warning, rationale)
        .with_draft_severity(Severity::Info)
        .with_tags(&["canvas", "measures"])
}

pub(super) const SURVEY_BASELINE: FnRule<Canvas> = FnRule::new(
    measure(
        "CANVAS-MEASURE-001",
        "A survey measure with a target has a baseline",
        "An NPS, CSAT or CES target means something only against where the measure stood \
         when it was set: without a baseline, progress cannot be told from noise.",
    ),
    survey_baseline,
);

fn survey_baseline(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    for (m, metric) in canvas.steering.performance.metrics.iter().enumerate() {
        if let Some(kind) = &metric.kind
            && kind.is_survey()
            && metric.target.is_some()
            && metric.baseline.is_none()
        {
            check
                .finding(
                    paths::metric(m).key("baseline"),
                    "canvas.measure.no_baseline",
                    "The {kind} \"{name}\" has a target but no baseline",
                )
                .arg("kind", kind.title())
                .arg("name", metric.name.as_str())
                .emit();
        }
    }
}

pub(super) const ON_TRACK: FnRule<Canvas> = FnRule::new(
    measure(
        "CANVAS-MEASURE-002",
        "Customer measures are on track for their targets",
        "A measure behind the straight line from its baseline to its target (see \
         `Metric::status`) needs attention before its due date, not after. Behind means short \
         of that line but more than half of the way; off track means half or less, the wrong \
         way, or past the due date. The half is the crate's default, not the sources'. The \
         canvas's `updated` date stands for today, so the same canvas always gives the same \
         report.",
    ),
    on_track,
);

fn on_track(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let today = canvas.metadata.updated.date_naive();
    for (m, metric) in canvas.steering.performance.metrics.iter().enumerate() {
        let status = metric.status(today);
        if matches!(status, MetricStatus::Behind | MetricStatus::OffTrack)
            && let (Some(latest), Some(target)) = (metric.latest(), &metric.target)
        {
            let position = metric
                .observations
                .iter()
                .position(|o| std::ptr::eq(o, latest))
                .unwrap_or_default();
            check
                .finding(
                    paths::metric(m).key("observations").index(position),
                    "canvas.measure.behind",
                    "The metric \"{name}\" is {status}: {value} on {date} against a target of {target}",
                )
                .arg("name", metric.name.as_str())
                .arg(
                    "status",
                    if status == MetricStatus::Behind {
                        "behind"
                    } else {
                        "off track"
                    },
                )
                .arg("value", latest.value)
                .arg("date", latest.date.to_string())
                .arg("target", target.value)
                .emit();
        }
    }
}

pub(super) const FRESH: FnRule<Canvas> = FnRule::new(
    measure(
        "CANVAS-MEASURE-003",
        "Measures are observed as often as their cadence says",
        "A measure that has not been observed within its cadence is steering by an old \
         picture. Only metrics with a cadence and at least one observation are judged; the \
         canvas's `updated` date stands for today.",
    ),
    fresh,
);

fn fresh(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    let today = canvas.metadata.updated.date_naive();
    for (m, metric) in canvas.steering.performance.metrics.iter().enumerate() {
        if let (Some(cadence), Some(latest)) = (metric.cadence, metric.latest()) {
            let age = (today - latest.date).num_days();
            if age > i64::from(cadence.max_days()) {
                check
                    .finding(
                        paths::metric(m).key("observations"),
                        "canvas.measure.stale",
                        "The metric \"{name}\" was last observed on {date}, {age} days ago; it is measured {cadence}",
                    )
                    .arg("name", metric.name.as_str())
                    .arg("date", latest.date.to_string())
                    .arg("age", age)
                    .arg("cadence", cadence.as_str())
                    .emit();
            }
        }
    }
}

pub(super) const TARGET_SIDE: FnRule<Canvas> = FnRule::new(
    mistake(
        "CANVAS-MEASURE-004",
        "A target lies on the better side of its baseline",
        "A target that asks for less than the baseline of a measure where more is better (or \
         the other way round), or whose direction goes against its kind's better direction (a \
         churn rate of at least 10%), is a mistake in the figures.",
    ),
    target_side,
);

fn target_side(canvas: &Canvas, _: &CanvasIndex, check: &mut Check<'_>) {
    for (m, metric) in canvas.steering.performance.metrics.iter().enumerate() {
        let Some(target) = &metric.target else {
            continue;
        };
        if let Some(kind) = &metric.kind
            && kind.better_direction() != target.direction
        {
            check
                .finding(
                    paths::metric(m).key("target").key("direction"),
                    "canvas.measure.wrong_direction",
                    "The target of \"{name}\" asks for {direction}, but for a {kind} {better} is better",
                )
                .arg("name", metric.name.as_str())
                .arg(
                    "direction",
                    match target.direction {
                        Direction::AtLeast => "at least its value",
                        Direction::AtMost => "at most its value",
                    },
                )
                .arg("kind", kind.title())
                .arg(
                    "better",
                    if kind.higher_is_better() {
                        "higher"
                    } else {
                        "lower"
                    },
                )
                .emit();
            continue;
        }
        if let Some(baseline) = &metric.baseline {
            let wrong = match target.direction {
                Direction::AtLeast => target.value < baseline.value,
                Direction::AtMost => target.value > baseline.value,
            };
            if wrong {
                check
                    .finding(
                        paths::metric(m).key("target").key("value"),
                        "canvas.measure.wrong_side",
                        "The target of \"{name}\" ({target}) is on the wrong side of its baseline ({baseline})",
                    )
                    .arg("name", metric.name.as_str())
                    .arg("target", target.value)
                    .arg("baseline", baseline.value)
                    .related(paths::metric(m).key("baseline"))
                    .emit();
            }
        }
    }
}
