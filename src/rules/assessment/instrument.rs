//! The instrument rules: what makes an instrument impossible to score, and
//! what makes it read or advise badly.

use super::{InstrumentIndex, instrument_advice, instrument_mistake, paths};
use crate::assessment::Instrument;
use crate::validate::{Check, FnRule, JsonPointer, RuleMeta, Severity};

pub(super) const UNIQUE_IDS: FnRule<Instrument> = FnRule::new(
    instrument_mistake(
        "INSTRUMENT-ID-001",
        "Dimension ids, item ids and level numbers are unique",
        "Answers name their item, items name their dimension, and results name their maturity \
         level; an id or number used twice makes every one of those references ambiguous, and \
         the scorer refuses the instrument.",
    ),
    unique_ids,
);

fn unique_ids(_: &Instrument, index: &InstrumentIndex, check: &mut Check<'_>) {
    for duplicate in &index.duplicates {
        let finding = if duplicate.kind == "level number" {
            check.finding(
                duplicate.again.clone(),
                "instrument.id.duplicate_level",
                "The level number {id} is used by two maturity levels",
            )
        } else {
            check.finding(
                duplicate.again.clone(),
                "instrument.id.duplicate",
                "The {kind} id \"{id}\" is used twice",
            )
        };
        finding
            .arg("kind", duplicate.kind)
            .arg("id", duplicate.id.as_str())
            .related(duplicate.first.clone())
            .emit();
    }
}

pub(super) const BANDS: FnRule<Instrument> = FnRule::new(
    instrument_mistake(
        "INSTRUMENT-BAND-001",
        "The maturity bands cover 0 to 100 without gap or overlap",
        "Every score from 0 to 100 must read as exactly one maturity level: a score in a gap \
         has no level and no next steps, and a score in an overlap has two. A band runs from \
         `from` up to (not including) `to`, except that the band ending at 100 includes 100.",
    ),
    bands,
);

fn bands(instrument: &Instrument, _: &InstrumentIndex, check: &mut Check<'_>) {
    if instrument.levels.is_empty() {
        check
            .finding(
                paths::at("/levels"),
                "instrument.band.none",
                "The instrument has no maturity levels, so no score can be read as a level",
            )
            .emit();
        return;
    }
    // The sound bands: (from, to, position, number).
    let mut sound: Vec<(f64, f64, usize, u8)> = Vec::with_capacity(instrument.levels.len());
    for (l, level) in instrument.levels.iter().enumerate() {
        let (from, to) = (level.band.from, level.band.to);
        if !(from.is_finite() && to.is_finite() && from < to) {
            check
                .finding(
                    paths::band(l),
                    "instrument.band.empty",
                    "The band of level {number} runs from {from} to {to}: it must end above where it starts",
                )
                .arg("number", level.number)
                .arg("from", figure(from))
                .arg("to", figure(to))
                .emit();
            continue;
        }
        if from < 0.0 {
            check
                .finding(
                    paths::band(l).key("from"),
                    "instrument.band.below_zero",
                    "The band of level {number} starts at {from}, below 0, the lowest score",
                )
                .arg("number", level.number)
                .arg("from", figure(from))
                .emit();
        }
        if to > 100.0 {
            check
                .finding(
                    paths::band(l).key("to"),
                    "instrument.band.above_hundred",
                    "The band of level {number} ends at {to}, above 100, the highest score",
                )
                .arg("number", level.number)
                .arg("to", figure(to))
                .emit();
        }
        sound.push((from, to, l, level.number));
    }
    sound.sort_by(|a, b| {
        a.0.total_cmp(&b.0)
            .then_with(|| a.1.total_cmp(&b.1))
            .then_with(|| a.2.cmp(&b.2))
    });

    // How far the bands seen so far reach, and the level that reaches furthest.
    let mut reach = 0.0_f64;
    let mut furthest: Option<(usize, u8)> = None;
    for &(from, to, l, number) in &sound {
        match furthest {
            None if from > reach => {
                check
                    .finding(
                        paths::band(l).key("from"),
                        "instrument.band.gap_at_start",
                        "Scores from 0 to {to} fall into no level: the lowest band, of level {after}, starts at {to}",
                    )
                    .arg("to", figure(from))
                    .arg("after", number)
                    .emit();
            }
            Some((before, before_number)) if from > reach => {
                check
                    .finding(
                        paths::band(l).key("from"),
                        "instrument.band.gap",
                        "Scores from {from} to {to} fall into no level: level {before} ends at {from} and level {after} starts at {to}",
                    )
                    .arg("from", figure(reach))
                    .arg("to", figure(from))
                    .arg("before", before_number)
                    .arg("after", number)
                    .related(paths::band(before).key("to"))
                    .emit();
            }
            Some((before, before_number)) if from < reach => {
                check
                    .finding(
                        paths::band(l).key("from"),
                        "instrument.band.overlap",
                        "Levels {before} and {after} overlap: scores from {from} to {to} fall into both",
                    )
                    .arg("from", figure(from))
                    .arg("to", figure(reach.min(to)))
                    .arg("before", before_number)
                    .arg("after", number)
                    .related(paths::band(before).key("to"))
                    .emit();
            }
            _ => {}
        }
        if to > reach || furthest.is_none() {
            reach = reach.max(to);
            furthest = Some((l, number));
        }
    }
    if reach < 100.0 {
        let (path, last) = match furthest {
            Some((l, number)) => (paths::band(l).key("to"), Some(number)),
            None => (paths::at("/levels"), None),
        };
        match last {
            Some(last) => check
                .finding(
                    path,
                    "instrument.band.gap_at_end",
                    "Scores from {from} to 100 fall into no level: the highest band, of level {before}, ends at {from}",
                )
                .arg("from", figure(reach))
                .arg("before", last)
                .emit(),
            None => check
                .finding(
                    path,
                    "instrument.band.no_sound_band",
                    "No maturity level has a band that can hold a score",
                )
                .emit(),
        }
    }
}

/// A number for a message argument: whole numbers as integers (`40`, not
/// `40.0`), and NaN and infinity, which JSON lacks, as text.
#[allow(clippy::cast_possible_truncation)] // whole and within the range of i64
fn figure(value: f64) -> serde_json::Value {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        serde_json::Value::from(value as i64)
    } else if value.is_finite() {
        serde_json::Value::from(value)
    } else {
        serde_json::Value::from(value.to_string())
    }
}

pub(super) const SCALE_RANGE: FnRule<Instrument> = FnRule::new(
    instrument_mistake(
        "INSTRUMENT-SCALE-001",
        "The answer scale's lowest point is below its highest",
        "Scores run from 0 at the scale's lowest point to 100 at its highest; a scale of one \
         point, or one that runs backwards, cannot tell answers apart, and the scorer refuses it.",
    ),
    scale_range,
);

fn scale_range(instrument: &Instrument, _: &InstrumentIndex, check: &mut Check<'_>) {
    let scale = &instrument.scale;
    if scale.min >= scale.max {
        check
            .finding(
                paths::at("/scale"),
                "instrument.scale.range",
                "The scale runs from {min} to {max}: its lowest point must be below its highest",
            )
            .arg("min", scale.min)
            .arg("max", scale.max)
            .emit();
    }
}

pub(super) const SCALE_LABELS: FnRule<Instrument> = FnRule::new(
    instrument_advice(
        "INSTRUMENT-SCALE-002",
        "Scale labels name points on the scale, once each",
        "Respondents read the labels, not the numbers; a label for a point the scale does not \
         have, or two labels for one point, tells them something the scorer does not mean.",
    ),
    scale_labels,
);

fn scale_labels(instrument: &Instrument, _: &InstrumentIndex, check: &mut Check<'_>) {
    let scale = &instrument.scale;
    // A scale that runs backwards is INSTRUMENT-SCALE-001's to report.
    let sound = scale.min < scale.max;
    let mut labelled: [Option<usize>; 256] = [None; 256];
    for (k, label) in scale.labels.iter().enumerate() {
        if sound && !scale.contains(label.value) {
            check
                .finding(
                    paths::label(k).key("value"),
                    "instrument.scale.label_off_scale",
                    "The label \"{label}\" is for the point {value}, which is not on the scale from {min} to {max}",
                )
                .arg("label", label.label.as_str())
                .arg("value", label.value)
                .arg("min", scale.min)
                .arg("max", scale.max)
                .emit();
        }
        if let Some(first) = labelled.get_mut(usize::from(label.value)) {
            match *first {
                Some(first) => check
                    .finding(
                        paths::label(k).key("value"),
                        "instrument.scale.label_twice",
                        "The point {value} is labelled twice",
                    )
                    .arg("value", label.value)
                    .related(paths::label(first).key("value"))
                    .emit(),
                None => *first = Some(k),
            }
        }
    }
}

pub(super) const WEIGHTS: FnRule<Instrument> = FnRule::new(
    instrument_mistake(
        "INSTRUMENT-WEIGHT-001",
        "Every weight is a positive number",
        "Weights say how much a dimension counts in the overall score and an item in its \
         dimension; a weight of zero or below makes a weighted mean meaningless or impossible, \
         and the scorer refuses it.",
    ),
    weights,
);

fn weights(instrument: &Instrument, _: &InstrumentIndex, check: &mut Check<'_>) {
    let positive = |w: f64| w.is_finite() && w > 0.0;
    for (d, dimension) in instrument.dimensions.iter().enumerate() {
        if !positive(dimension.weight) {
            check
                .finding(
                    paths::dimension(d).key("weight"),
                    "instrument.weight.dimension",
                    "The dimension \"{id}\" has the weight {weight}; weights must be positive numbers",
                )
                .arg("id", dimension.id.as_str())
                .arg("weight", figure(dimension.weight))
                .emit();
        }
    }
    for (i, item) in instrument.items.iter().enumerate() {
        if !positive(item.weight) {
            check
                .finding(
                    paths::item(i).key("weight"),
                    "instrument.weight.item",
                    "The item \"{id}\" has the weight {weight}; weights must be positive numbers",
                )
                .arg("id", item.id.as_str())
                .arg("weight", figure(item.weight))
                .emit();
        }
    }
}

pub(super) const DIMENSION_ITEMS: FnRule<Instrument> = FnRule::new(
    instrument_mistake(
        "INSTRUMENT-DIMENSION-001",
        "The instrument has dimensions, and every dimension has items",
        "Scores are reported per dimension; an instrument without dimensions cannot be scored, \
         and a dimension without items never gets a score, so it silently drops out of the \
         overall score and the weakest-link rule.",
    ),
    dimension_items,
);

fn dimension_items(instrument: &Instrument, index: &InstrumentIndex, check: &mut Check<'_>) {
    if instrument.dimensions.is_empty() {
        check
            .finding(
                paths::at("/dimensions"),
                "instrument.dimension.none",
                "The instrument has no dimensions",
            )
            .emit();
        return;
    }
    for ((d, dimension), &count) in instrument
        .dimensions
        .iter()
        .enumerate()
        .zip(&index.items_per_dimension)
    {
        // A dimension id used twice is INSTRUMENT-ID-001's to report; items
        // count towards the first dimension of the id.
        if count == 0 && index.dimensions.get(&dimension.id) == Some(&d) {
            check
                .finding(
                    paths::dimension(d),
                    "instrument.dimension.no_items",
                    "The dimension \"{id}\" has no items, so it can never be scored",
                )
                .arg("id", dimension.id.as_str())
                .emit();
        }
    }
}

pub(super) const ITEM_DIMENSION: FnRule<Instrument> = FnRule::new(
    instrument_mistake(
        "INSTRUMENT-DIMENSION-002",
        "Every item belongs to a dimension the instrument has",
        "An item's answers count towards its dimension; an item of a dimension that does not \
         exist counts towards nothing, and the scorer refuses the instrument.",
    ),
    item_dimension,
);

fn item_dimension(instrument: &Instrument, index: &InstrumentIndex, check: &mut Check<'_>) {
    for (i, item) in instrument.items.iter().enumerate() {
        if !index.dimensions.contains_key(&item.dimension) {
            check
                .finding(
                    paths::item(i).key("dimension"),
                    "instrument.dimension.unknown",
                    "The item \"{item}\" belongs to the dimension \"{dimension}\", which the instrument does not have",
                )
                .arg("item", item.id.as_str())
                .arg("dimension", item.dimension.as_str())
                .emit();
        }
    }
}

pub(super) const NEXT_STEPS: FnRule<Instrument> = FnRule::new(
    RuleMeta::new(
        "INSTRUMENT-STEPS-001",
        "Every level gives next steps for every dimension",
        Severity::Warning,
        "A self-assessment answers two questions: where are we today, and what are our next \
         steps? A result whose level gives no next steps for a weak dimension answers only the \
         first.",
    )
    .with_draft_severity(Severity::Info)
    .with_tags(&["instrument", "completeness"]),
    next_steps,
);

fn next_steps(instrument: &Instrument, index: &InstrumentIndex, check: &mut Check<'_>) {
    let mut covered = vec![false; instrument.dimensions.len()];
    for (l, level) in instrument.levels.iter().enumerate() {
        if level.next_steps.is_empty() {
            check
                .finding(
                    paths::level(l).key("next_steps"),
                    "instrument.steps.none",
                    "Level {number}, \"{name}\", gives no next steps",
                )
                .arg("number", level.number)
                .arg("name", level.name.as_str())
                .emit();
            continue;
        }
        covered.fill(false);
        for (k, steps) in level.next_steps.iter().enumerate() {
            let Some(&d) = index.dimensions.get(&steps.dimension) else {
                check
                    .finding(
                        paths::level(l).key("next_steps").index(k).key("dimension"),
                        "instrument.steps.unknown_dimension",
                        "Level {number} gives next steps for the dimension \"{dimension}\", which the instrument does not have",
                    )
                    .arg("number", level.number)
                    .arg("dimension", steps.dimension.as_str())
                    .emit();
                continue;
            };
            if let Some(seen) = covered.get_mut(d) {
                *seen = true;
            }
            if steps.steps.is_empty() {
                check
                    .finding(
                        paths::level(l).key("next_steps").index(k).key("steps"),
                        "instrument.steps.empty",
                        "Level {number} lists no steps for the dimension \"{dimension}\"",
                    )
                    .arg("number", level.number)
                    .arg("dimension", steps.dimension.as_str())
                    .emit();
            }
        }
        for ((d, dimension), seen) in instrument.dimensions.iter().enumerate().zip(&covered) {
            if !seen && index.dimensions.get(&dimension.id) == Some(&d) {
                check
                    .finding(
                        paths::level(l).key("next_steps"),
                        "instrument.steps.missing",
                        "Level {number} gives no next steps for the dimension \"{dimension}\"",
                    )
                    .arg("number", level.number)
                    .arg("dimension", dimension.id.as_str())
                    .emit();
            }
        }
    }
}

pub(super) const WEAKEST_LINK: FnRule<Instrument> = FnRule::new(
    instrument_advice(
        "INSTRUMENT-WEAKEST-001",
        "The weakest-link allowance can lower a level",
        "The weakest-link rule keeps one neglected dimension from hiding behind strong ones: \
         the overall level may sit at most so many levels above the weakest dimension's. An \
         allowance as wide as the levels themselves never lowers anything.",
    ),
    weakest_link,
);

fn weakest_link(instrument: &Instrument, _: &InstrumentIndex, check: &mut Check<'_>) {
    let Some(rule) = instrument.weakest_link else {
        return;
    };
    let numbers = instrument.levels.iter().map(|l| l.number);
    let (Some(lowest), Some(highest)) = (numbers.clone().min(), numbers.max()) else {
        return;
    };
    if rule.max_levels_above >= highest - lowest {
        check
            .finding(
                paths::at("/weakest_link/max_levels_above"),
                "instrument.weakest_link.never_applies",
                "The weakest-link rule lets the overall level sit {allowance} levels above the weakest dimension's, but the levels run only from {lowest} to {highest}: it can never lower a level",
            )
            .arg("allowance", rule.max_levels_above)
            .arg("lowest", lowest)
            .arg("highest", highest)
            .hint("Lower `max_levels_above`, or leave `weakest_link` out if the rule is not wanted.")
            .emit();
    }
}

pub(super) const LEVEL_ORDER: FnRule<Instrument> = FnRule::new(
    instrument_mistake(
        "INSTRUMENT-LEVEL-001",
        "Level numbers rise with their bands",
        "Maturity grows with the score, and the weakest-link rule counts levels by number; a \
         level numbered above a level whose band lies higher reads backwards and caps wrongly.",
    ),
    level_order,
);

fn level_order(instrument: &Instrument, _: &InstrumentIndex, check: &mut Check<'_>) {
    let mut by_band: Vec<(f64, usize)> = instrument
        .levels
        .iter()
        .enumerate()
        .map(|(l, level)| (level.band.from, l))
        .collect();
    by_band.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    for pair in by_band.windows(2) {
        let [(_, lower), (_, upper)] = pair else {
            continue;
        };
        let (Some(below), Some(above)) =
            (instrument.levels.get(*lower), instrument.levels.get(*upper))
        else {
            continue;
        };
        // Equal numbers are INSTRUMENT-ID-001's to report.
        if below.number > above.number {
            check
                .finding(
                    paths::level_number(*upper),
                    "instrument.level.out_of_order",
                    "Level {above} has a band above level {below}'s but a lower number",
                )
                .arg("above", above.number)
                .arg("below", below.number)
                .related(paths::level_number(*lower))
                .hint("Number the levels from 1 for the lowest band upwards.")
                .emit();
        }
    }
}

pub(super) const BLANK_TEXT: FnRule<Instrument> = FnRule::new(
    RuleMeta::new(
        "INSTRUMENT-TEXT-001",
        "Ids, names, prompts, labels and steps are not blank",
        Severity::Error,
        "Respondents answer the prompt they read, and a report speaks in the names of \
         dimensions and levels; a blank prompt cannot be answered honestly and a blank name \
         cannot be reported.",
    )
    .with_draft_severity(Severity::Warning)
    .with_tags(&["instrument", "hygiene"]),
    blank_text,
);

fn blank_text(instrument: &Instrument, _: &InstrumentIndex, check: &mut Check<'_>) {
    let mut blank = |text: &str, what: &'static str, path: &dyn Fn() -> JsonPointer| {
        if text.chars().all(char::is_whitespace) {
            check
                .finding(
                    path(),
                    "instrument.text.blank",
                    "The {what} is empty or only whitespace",
                )
                .arg("what", what)
                .emit();
        }
    };
    blank(instrument.id.as_str(), "instrument id", &|| {
        paths::at("/id")
    });
    blank(&instrument.name, "instrument name", &|| paths::at("/name"));
    blank(&instrument.version, "instrument version", &|| {
        paths::at("/version")
    });
    for (k, label) in instrument.scale.labels.iter().enumerate() {
        blank(&label.label, "scale label", &|| {
            paths::label(k).key("label")
        });
    }
    for (d, dimension) in instrument.dimensions.iter().enumerate() {
        blank(dimension.id.as_str(), "dimension id", &|| {
            paths::dimension_id(d)
        });
        blank(&dimension.name, "dimension name", &|| {
            paths::dimension(d).key("name")
        });
    }
    for (i, item) in instrument.items.iter().enumerate() {
        blank(item.id.as_str(), "item id", &|| paths::item_id(i));
        blank(&item.prompt, "item prompt", &|| {
            paths::item(i).key("prompt")
        });
    }
    for (l, level) in instrument.levels.iter().enumerate() {
        blank(&level.name, "level name", &|| paths::level(l).key("name"));
        for (k, steps) in level.next_steps.iter().enumerate() {
            for (s, step) in steps.steps.iter().enumerate() {
                blank(step, "next step", &|| {
                    paths::level(l)
                        .key("next_steps")
                        .index(k)
                        .key("steps")
                        .index(s)
                });
            }
        }
    }
}
