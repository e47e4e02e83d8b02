//! The study rules: a value study judged on its own. Every path points into
//! the serialized study.

use super::{ValueIndex, offer_path, study_advice, study_mistake};
use crate::rules::duplicates::{IdMap, id_map};
use crate::rules::percent;
use crate::validate::{Check, FnRule, IntegerParam, JsonPointer, NumberParam, RuleMeta, Severity};
use crate::value::{AnalysisOptions, Attribute, ValueStudy};

const TOLERANCE: NumberParam = NumberParam::new(
    "tolerance",
    "How far, as a fraction, the weights of one level may fall from adding up to 1 (100%)",
    0.001,
    0.0,
    0.1,
);

pub(super) const WEIGHTS: FnRule<ValueStudy> = FnRule::new(
    study_mistake(
        "VALUE-WEIGHT-001",
        "The weights of every level of the attribute tree add up to 100%",
        "Each weight says how much an attribute counts in the customers' choice among the \
         attributes of its level, and the children of an attribute share its weight; weights \
         that add up to more or less than the whole overstate or understate the quality and \
         price scores and the CVA. The crate does not normalize them: it reports them. A \
         branch that counts in the choice (quality for the part price does not take) needs \
         attributes. The tolerance of 0.1 percentage point is the crate's default.",
    )
    .with_params(&[TOLERANCE.spec()]),
    weights,
);

fn weights(study: &ValueStudy, _: &ValueIndex, check: &mut Check<'_>) {
    let tolerance = check.params().number(&TOLERANCE);
    let price_weight = study.price_weight.get();
    for (name, branch, counts) in [
        ("quality", &study.quality, price_weight < 1.0),
        ("price", &study.price, price_weight > 0.0),
    ] {
        let root = JsonPointer::root().key(name);
        if branch.is_empty() {
            if counts {
                check
                    .finding(
                        root,
                        "value.weight.empty_branch",
                        "The {branch} branch counts for {share}% of the customers' choice but has no attributes",
                    )
                    .arg("branch", name)
                    .arg(
                        "share",
                        percent(if name == "price" {
                            price_weight
                        } else {
                            1.0 - price_weight
                        }),
                    )
                    .hint("Add the attributes customers weigh, or set `price_weight` to what the branches count for.")
                    .emit();
            }
            continue;
        }
        level(branch, root, tolerance, check);
    }
}

fn level(attributes: &[Attribute], path: JsonPointer, tolerance: f64, check: &mut Check<'_>) {
    let sum: f64 = attributes.iter().map(|a| a.weight.get()).sum();
    if (sum - 1.0).abs() > tolerance + 1e-12 {
        check
            .finding(
                path.clone(),
                "value.weight.sum",
                "The weights of this level add up to {sum}%, not 100%",
            )
            .arg("sum", percent(sum))
            .hint("Weights are not normalized: make the weights of each level add up to 1.")
            .emit();
    }
    for (i, attribute) in attributes.iter().enumerate() {
        if !attribute.children.is_empty() {
            level(
                &attribute.children,
                path.clone().index(i).key("children"),
                tolerance,
                check,
            );
        }
    }
}

pub(super) const UNIQUE_IDS: FnRule<ValueStudy> = FnRule::new(
    study_mistake(
        "VALUE-ID-001",
        "Every attribute and every offer has a key of its own",
        "Ratings name the offer and the attribute they rate by key; a key given twice makes \
         ratings count for the first of the two and leaves the other unrated.",
    ),
    unique_ids,
);

fn unique_ids(_: &ValueStudy, index: &ValueIndex, check: &mut Check<'_>) {
    for duplicate in &index.duplicates {
        check
            .finding(
                duplicate.again.clone(),
                "value.id.duplicate",
                "The {kind} key \"{id}\" is already used",
            )
            .arg("kind", duplicate.kind)
            .arg("id", duplicate.id.as_str())
            .related(duplicate.first.clone())
            .emit();
    }
}

pub(super) const UNIQUE_NAMES: FnRule<ValueStudy> = FnRule::new(
    study_advice(
        "VALUE-NAME-001",
        "Every attribute and every offer has a name of its own",
        "Customers rate what they read; two offers or two attributes of one name (letter case \
         and surrounding spaces aside) cannot be told apart by them or by the readers of the \
         results.",
    ),
    unique_names,
);

fn unique_names(study: &ValueStudy, index: &ValueIndex, check: &mut Check<'_>) {
    let mut offers: IdMap<String, usize> = id_map(1 + study.competitors.len());
    for (slot, offer) in study.offers().enumerate() {
        let key = offer.name.trim().to_lowercase();
        if let Some(&first) = offers.get(&key) {
            check
                .finding(
                    offer_path(slot).key("name"),
                    "value.name.duplicate",
                    "The {kind} name \"{name}\" is already used",
                )
                .arg("kind", "offer")
                .arg("name", offer.name.as_str())
                .related(offer_path(first).key("name"))
                .emit();
        } else {
            offers.insert(key, slot);
        }
    }
    let mut all = Vec::with_capacity(index.attributes.len());
    super::collect(&study.quality, &mut all);
    super::collect(&study.price, &mut all);
    let mut names: IdMap<String, usize> = id_map(all.len());
    let path = |a: usize| {
        index
            .attributes
            .get(a)
            .map_or_else(JsonPointer::root, |p| p.path.clone())
            .key("name")
    };
    for (a, attribute) in all.iter().enumerate() {
        let key = attribute.name.trim().to_lowercase();
        if let Some(&first) = names.get(&key) {
            check
                .finding(
                    path(a),
                    "value.name.duplicate",
                    "The {kind} name \"{name}\" is already used",
                )
                .arg("kind", "attribute")
                .arg("name", attribute.name.as_str())
                .related(path(first))
                .emit();
        } else {
            names.insert(key, a);
        }
    }
}

pub(super) const REFERENCES: FnRule<ValueStudy> = FnRule::new(
    study_mistake(
        "VALUE-REF-001",
        "Ratings name offers and rated attributes of the study",
        "A rating of an offer or an attribute the study does not have counts towards nothing, \
         and so does a rating of an attribute with children, whose children are what is rated; \
         it usually means a misspelt key.",
    ),
    references,
);

fn references(study: &ValueStudy, index: &ValueIndex, check: &mut Check<'_>) {
    for (r, response) in study.responses.iter().enumerate() {
        let at = JsonPointer::from("/responses").index(r);
        if let Some(offer) = &response.customer_of
            && !index.offers.contains_key(offer.as_str())
        {
            check
                .finding(
                    at.clone().key("customer_of"),
                    "value.ref.unknown_offer",
                    "The study has no offer \"{offer}\"",
                )
                .arg("offer", offer.as_str())
                .emit();
        }
        for (offer, ratings) in &response.ratings {
            let at = at.clone().key("ratings").key(offer.as_str());
            if !index.offers.contains_key(offer.as_str()) {
                check
                    .finding(
                        at,
                        "value.ref.unknown_offer",
                        "The study has no offer \"{offer}\"",
                    )
                    .arg("offer", offer.as_str())
                    .emit();
                continue;
            }
            for attribute in ratings.keys() {
                attribute_reference(
                    index,
                    attribute.as_str(),
                    at.clone().key(attribute.as_str()),
                    check,
                );
            }
        }
        if check.is_done() {
            return;
        }
    }
    for (g, aggregate) in study.aggregates.iter().enumerate() {
        let at = JsonPointer::from("/aggregates").index(g);
        if !index.offers.contains_key(aggregate.offer.as_str()) {
            check
                .finding(
                    at.clone().key("offer"),
                    "value.ref.unknown_offer",
                    "The study has no offer \"{offer}\"",
                )
                .arg("offer", aggregate.offer.as_str())
                .emit();
        }
        attribute_reference(
            index,
            aggregate.attribute.as_str(),
            at.key("attribute"),
            check,
        );
    }
}

fn attribute_reference(index: &ValueIndex, key: &str, path: JsonPointer, check: &mut Check<'_>) {
    match index
        .attribute_ids
        .get(key)
        .and_then(|&a| index.attributes.get(a))
    {
        None => check
            .finding(
                path,
                "value.ref.unknown_attribute",
                "The study has no attribute \"{attribute}\"",
            )
            .arg("attribute", key)
            .emit(),
        Some(place) if place.leaf.is_none() => check
            .finding(
                path,
                "value.ref.parent_attribute",
                "The attribute \"{attribute}\" has children, which are rated in its place",
            )
            .arg("attribute", key)
            .related(place.path.clone())
            .emit(),
        Some(_) => {}
    }
}

pub(super) const ON_SCALE: FnRule<ValueStudy> = FnRule::new(
    study_mistake(
        "VALUE-SCALE-001",
        "Every rating lies on the study's scale",
        "A rating off the scale has no meaning on it (an 11 on a 1 to 10 scale), and neither \
         has a mean outside it or a negative spread; the analysis leaves them out, so the \
         customer's view is lost. A scale must run from a lower point to a higher one.",
    ),
    on_scale,
);

fn on_scale(study: &ValueStudy, _: &ValueIndex, check: &mut Check<'_>) {
    let scale = study.scale;
    if scale.min() >= scale.max() {
        check
            .finding(
                JsonPointer::from("/scale"),
                "value.scale.empty",
                "The scale runs from {min} to {max}, not from a lower point to a higher one",
            )
            .arg("min", scale.min())
            .arg("max", scale.max())
            .emit();
    }
    for (r, response) in study.responses.iter().enumerate() {
        for (offer, ratings) in &response.ratings {
            for (attribute, &point) in ratings {
                if !scale.contains(point) {
                    check
                        .finding(
                            JsonPointer::from("/responses")
                                .index(r)
                                .key("ratings")
                                .key(offer.as_str())
                                .key(attribute.as_str()),
                            "value.scale.off_scale",
                            "The rating {point} is not on the scale from {min} to {max}",
                        )
                        .arg("point", point)
                        .arg("min", scale.min())
                        .arg("max", scale.max())
                        .emit();
                }
            }
        }
        if check.is_done() {
            return;
        }
    }
    for (g, aggregate) in study.aggregates.iter().enumerate() {
        let at = JsonPointer::from("/aggregates").index(g);
        if !aggregate.mean.is_finite() || !scale.contains_mean(aggregate.mean) {
            check
                .finding(
                    at.clone().key("mean"),
                    "value.scale.mean_off_scale",
                    "The mean {mean} is not within the scale from {min} to {max}",
                )
                .arg("mean", aggregate.mean.to_string())
                .arg("min", scale.min())
                .arg("max", scale.max())
                .emit();
        }
        if let Some(spread) = aggregate.std_dev
            && !(spread.is_finite() && spread >= 0.0)
        {
            check
                .finding(
                    at.key("std_dev"),
                    "value.scale.bad_spread",
                    "The standard deviation {std_dev} is not a number of 0 or more",
                )
                .arg("std_dev", spread.to_string())
                .emit();
        }
    }
}

pub(super) const COVERAGE: FnRule<ValueStudy> = FnRule::new(
    RuleMeta::new(
        "VALUE-COVERAGE-001",
        "Every offer is rated on every attribute",
        Severity::Error,
        "A ratio compares our mean with the competitors' on the same attribute, and the scores \
         add the ratios of every attribute; an offer nobody rated on an attribute leaves the \
         attribute's ratio, the scores and the CVA unknown. A study still being gathered may \
         have gaps.",
    )
    .with_draft_severity(Severity::Warning)
    .with_tags(&["value", "completeness"]),
    coverage,
);

fn coverage(study: &ValueStudy, index: &ValueIndex, check: &mut Check<'_>) {
    for (leaf, &a) in index.leaves.iter().enumerate() {
        for (slot, offer) in study.offers().enumerate() {
            if index.count(slot, leaf) == 0
                && let Some(place) = index.attributes.get(a)
            {
                check
                    .finding(
                        place.path.clone(),
                        "value.coverage.unrated",
                        "No customer rated \"{offer}\" on this attribute",
                    )
                    .arg("offer", offer.name.as_str())
                    .related(offer_path(slot))
                    .emit();
            }
        }
    }
}

const MIN_RATINGS: IntegerParam = IntegerParam::new(
    "min_ratings",
    "The fewest ratings of one offer on one attribute before its mean takes part in a ratio",
    AnalysisOptions::DEFAULT_MIN_RATINGS as i64,
    1,
    100_000,
);

pub(super) const SAMPLE_SIZE: FnRule<ValueStudy> = FnRule::new(
    study_advice(
        "VALUE-SAMPLE-001",
        "Every offer has enough ratings on every attribute for its ratios to be reported",
        "A mean of a handful of ratings moves with each customer asked; the analysis withholds \
         the ratios, scores and CVA that need a mean of fewer ratings than the minimum, and \
         this rule says which. The minimum of 5 is the crate's default (the smallest group \
         survey practice reports on), the same as the analysis's.",
    )
    .with_params(&[MIN_RATINGS.spec()]),
    sample_size,
);

fn sample_size(study: &ValueStudy, index: &ValueIndex, check: &mut Check<'_>) {
    let min = u64::try_from(check.params().integer(&MIN_RATINGS)).unwrap_or(1);
    for (leaf, &a) in index.leaves.iter().enumerate() {
        for (slot, offer) in study.offers().enumerate() {
            let count = index.count(slot, leaf);
            // Offers nobody rated are VALUE-COVERAGE-001's to report.
            if count > 0
                && count < min
                && let Some(place) = index.attributes.get(a)
            {
                check
                    .finding(
                        place.path.clone(),
                        "value.sample.too_few",
                        "Only {count} ratings of \"{offer}\" on this attribute, fewer than {min}: the ratios that need them are withheld",
                    )
                    .arg("count", count)
                    .arg("offer", offer.name.as_str())
                    .arg("min", min)
                    .related(offer_path(slot))
                    .emit();
            }
        }
    }
}
