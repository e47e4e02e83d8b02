//! JSON Pointers into a serialized instrument and a serialized round, built
//! only when a finding needs one.

use crate::validate::JsonPointer;

pub(crate) fn at(pointer: &str) -> JsonPointer {
    JsonPointer::from(pointer)
}

pub(crate) fn dimension(d: usize) -> JsonPointer {
    at("/dimensions").index(d)
}

pub(crate) fn item(i: usize) -> JsonPointer {
    at("/items").index(i)
}

pub(crate) fn level(l: usize) -> JsonPointer {
    at("/levels").index(l)
}

pub(crate) fn band(l: usize) -> JsonPointer {
    level(l).key("band")
}

pub(crate) fn label(k: usize) -> JsonPointer {
    at("/scale/labels").index(k)
}

pub(crate) fn dimension_id(d: usize) -> JsonPointer {
    dimension(d).key("id")
}

pub(crate) fn item_id(i: usize) -> JsonPointer {
    item(i).key("id")
}

pub(crate) fn level_number(l: usize) -> JsonPointer {
    level(l).key("number")
}

/// A response of the round.
pub(crate) fn response(r: usize) -> JsonPointer {
    at("/responses").index(r)
}

/// The answer of response `r` to the item `item`.
pub(crate) fn answer(r: usize, item: &str) -> JsonPointer {
    response(r).key("answers").key(item)
}
