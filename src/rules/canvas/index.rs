//! The cross-reference index of a canvas: every id mapped to where its element
//! sits, built once per validation run and shared by every rule.

use std::collections::{HashMap, HashSet};

use crate::canvas::Canvas;
use crate::id::{
    BusinessGoalId, CapabilityGapId, JourneyId, MetricId, NeedId, ObjectiveId, OfferingId,
    SegmentId, TouchPointId, ValueElementId,
};
use crate::rules::canvas::paths;
use crate::rules::duplicates::{Duplicate, record};
use crate::validate::Subject;

/// Where every identified element of a canvas sits, and what refers to what.
///
/// Built in one pass over the canvas by [`Subject::index`]; lookups are
/// constant time, so no rule needs to search the canvas.
#[derive(Debug, Default)]
pub struct CanvasIndex {
    pub(crate) goals: HashMap<BusinessGoalId, usize>,
    pub(crate) segments: HashMap<SegmentId, usize>,
    pub(crate) needs: HashMap<NeedId, (usize, usize)>,
    pub(crate) elements: HashMap<ValueElementId, usize>,
    pub(crate) journeys: HashMap<JourneyId, usize>,
    pub(crate) touch_points: HashMap<TouchPointId, (usize, usize, usize)>,
    pub(crate) offerings: HashMap<OfferingId, usize>,
    pub(crate) gaps: HashMap<CapabilityGapId, usize>,
    pub(crate) objectives: HashMap<ObjectiveId, usize>,
    pub(crate) metrics: HashMap<MetricId, usize>,
    /// Needs that at least one value element serves.
    pub(crate) served_needs: HashSet<NeedId>,
    /// Business goals that at least one objective supports.
    pub(crate) supported_goals: HashSet<BusinessGoalId>,
    /// Ids given to two elements: the kind, then the first and the later place.
    pub(crate) duplicates: Vec<Duplicate>,
}

impl CanvasIndex {
    /// An empty index whose tables already have room for every element of
    /// `canvas`, so building it never rehashes.
    fn with_capacity_for(canvas: &Canvas) -> Self {
        let segments = &canvas.context.customer.segments;
        let journeys = &canvas.proposition.experience.journeys;
        let performance = &canvas.steering.performance;
        let elements = &canvas.proposition.customer_value.elements;
        let needs = segments.iter().map(|s| s.needs.len()).sum();
        let touch_points = journeys.iter().map(|j| j.touch_points().count()).sum();
        CanvasIndex {
            goals: HashMap::with_capacity(canvas.foundation.business_goals.len()),
            segments: HashMap::with_capacity(segments.len()),
            needs: HashMap::with_capacity(needs),
            elements: HashMap::with_capacity(elements.len()),
            journeys: HashMap::with_capacity(journeys.len()),
            touch_points: HashMap::with_capacity(touch_points),
            offerings: HashMap::with_capacity(canvas.value_chain.offerings.offerings.len()),
            gaps: HashMap::with_capacity(canvas.value_chain.offerings.capability_gaps.len()),
            objectives: HashMap::with_capacity(performance.objectives.len()),
            metrics: HashMap::with_capacity(performance.metrics.len()),
            served_needs: HashSet::with_capacity(needs),
            supported_goals: HashSet::with_capacity(canvas.foundation.business_goals.len()),
            duplicates: Vec::new(),
        }
    }
}

impl Subject for Canvas {
    type Index = CanvasIndex;

    fn index(&self) -> CanvasIndex {
        let mut ix = CanvasIndex::with_capacity_for(self);
        let dups = &mut ix.duplicates;
        for (g, goal) in self.foundation.business_goals.iter().enumerate() {
            record(
                &mut ix.goals,
                dups,
                "business goal",
                goal.id,
                g,
                paths::goal,
            );
        }
        for (s, segment) in self.context.customer.segments.iter().enumerate() {
            record(
                &mut ix.segments,
                dups,
                "segment",
                segment.id,
                s,
                paths::segment,
            );
            for (n, need) in segment.needs.iter().enumerate() {
                record(&mut ix.needs, dups, "need", need.id, (s, n), paths::need);
            }
        }
        for (e, element) in self.proposition.customer_value.elements.iter().enumerate() {
            record(
                &mut ix.elements,
                dups,
                "value element",
                element.id,
                e,
                paths::element,
            );
            ix.served_needs.extend(element.serves.iter().copied());
        }
        for (j, journey) in self.proposition.experience.journeys.iter().enumerate() {
            record(
                &mut ix.journeys,
                dups,
                "journey",
                journey.id,
                j,
                paths::journey,
            );
            for (st, stage) in journey.stages.iter().enumerate() {
                for (t, touch_point) in stage.touch_points.iter().enumerate() {
                    record(
                        &mut ix.touch_points,
                        dups,
                        "touch point",
                        touch_point.id,
                        (j, st, t),
                        paths::touch_point,
                    );
                }
            }
        }
        for (o, offering) in self.value_chain.offerings.offerings.iter().enumerate() {
            record(
                &mut ix.offerings,
                dups,
                "offering",
                offering.id,
                o,
                paths::offering,
            );
        }
        for (g, gap) in self
            .value_chain
            .offerings
            .capability_gaps
            .iter()
            .enumerate()
        {
            record(&mut ix.gaps, dups, "capability gap", gap.id, g, paths::gap);
        }
        for (o, objective) in self.steering.performance.objectives.iter().enumerate() {
            record(
                &mut ix.objectives,
                dups,
                "objective",
                objective.id,
                o,
                paths::objective,
            );
            ix.supported_goals.extend(objective.business_goal);
        }
        for (m, metric) in self.steering.performance.metrics.iter().enumerate() {
            record(&mut ix.metrics, dups, "metric", metric.id, m, paths::metric);
        }
        ix
    }
}
