//! JSON Pointers to the elements of a serialized canvas, built only when a
//! finding needs one.

use crate::validate::JsonPointer;

pub(crate) fn at(pointer: &str) -> JsonPointer {
    JsonPointer::from(pointer)
}

pub(crate) fn goal(g: usize) -> JsonPointer {
    at("/foundation/business_goals").index(g)
}

pub(crate) fn segment(s: usize) -> JsonPointer {
    at("/context/customer/segments").index(s)
}

pub(crate) fn need((s, n): (usize, usize)) -> JsonPointer {
    segment(s).key("needs").index(n)
}

pub(crate) fn element(e: usize) -> JsonPointer {
    at("/proposition/customer_value/elements").index(e)
}

pub(crate) fn journey(j: usize) -> JsonPointer {
    at("/proposition/experience/journeys").index(j)
}

pub(crate) fn touch_point((j, s, t): (usize, usize, usize)) -> JsonPointer {
    journey(j)
        .key("stages")
        .index(s)
        .key("touch_points")
        .index(t)
}

pub(crate) fn offering(o: usize) -> JsonPointer {
    at("/value_chain/offerings/offerings").index(o)
}

pub(crate) fn gap(g: usize) -> JsonPointer {
    at("/value_chain/offerings/capability_gaps").index(g)
}

pub(crate) fn objective(o: usize) -> JsonPointer {
    at("/steering/performance/objectives").index(o)
}

pub(crate) fn metric(m: usize) -> JsonPointer {
    at("/steering/performance/metrics").index(m)
}

pub(crate) fn incentive(i: usize) -> JsonPointer {
    at("/steering/performance/incentives").index(i)
}
