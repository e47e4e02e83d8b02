//! A deserializer adapter that holds every document to the rules of the
//! format that serde itself leaves open:
//!
//! - a struct is read only from a table or object with named fields, never
//!   from an array of its fields in order (serde's derive accepts both);
//! - a number is finite: NaN and the infinities, which TOML can spell, are
//!   refused wherever they appear;
//! - a map names each key once (serde's maps keep the last of two).
//!
//! The adapter wraps the format's deserializer and, through it, every nested
//! deserializer, visitor and access the document type is read through. It
//! costs one comparison per value on the way, so the loaders always use it.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

/// Reads `T` through the strict adapter.
pub(crate) fn deserialize<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: de::Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::deserialize(Strict::new(deserializer))
}

/// What the value being read is, as far as the adapter needs to know.
#[derive(Clone, Copy)]
enum Shape {
    /// Anything but the two below.
    Value,
    /// A struct (or a struct variant): named fields only.
    Struct,
    /// A map: each key once.
    Map,
}

/// Receives the text of a map key as it is read, to find keys given twice.
trait Capture<'de> {
    fn borrowed(&mut self, key: &'de str);
    fn owned(&mut self, key: &str);
}

/// No key is being read.
impl<'de> Capture<'de> for () {
    fn borrowed(&mut self, _: &'de str) {}
    fn owned(&mut self, _: &str) {}
}

/// The text of the key just read, borrowed from the input where it can be.
#[derive(Default)]
struct KeySlot<'de>(Option<Cow<'de, str>>);

impl<'de> Capture<'de> for &mut KeySlot<'de> {
    fn borrowed(&mut self, key: &'de str) {
        self.0 = Some(Cow::Borrowed(key));
    }
    fn owned(&mut self, key: &str) {
        self.0 = Some(Cow::Owned(key.to_owned()));
    }
}

/// The adapter around a deserializer.
struct Strict<D, C> {
    inner: D,
    capture: C,
}

impl<D> Strict<D, ()> {
    fn new(inner: D) -> Self {
        Strict { inner, capture: () }
    }
}

/// The adapter around a visitor.
struct Wrap<V, C> {
    inner: V,
    shape: Shape,
    capture: C,
}

impl<V> Wrap<V, ()> {
    fn new(inner: V, shape: Shape) -> Self {
        Wrap {
            inner,
            shape,
            capture: (),
        }
    }
}

/// What a struct is read from, when it is offered an array.
struct NamedFields;

impl de::Expected for NamedFields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table (an object in JSON) with named fields")
    }
}

macro_rules! forward_deserialize {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.inner.$method(Wrap { inner: visitor, shape: Shape::Value, capture: self.capture })
            }
        )*
    };
}

impl<'de, D, C> Deserializer<'de> for Strict<D, C>
where
    D: Deserializer<'de>,
    C: Capture<'de>,
{
    type Error = D::Error;

    forward_deserialize!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_unit_struct(name, Wrap::new(visitor, Shape::Value))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner.deserialize_newtype_struct(
            name,
            Wrap {
                inner: visitor,
                shape: Shape::Value,
                capture: self.capture,
            },
        )
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_tuple(len, Wrap::new(visitor, Shape::Value))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_tuple_struct(name, len, Wrap::new(visitor, Shape::Value))
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_map(Wrap::new(visitor, Shape::Map))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_struct(name, fields, Wrap::new(visitor, Shape::Struct))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.inner
            .deserialize_enum(name, variants, Wrap::new(visitor, Shape::Value))
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
                self.inner.$method(v)
            }
        )*
    };
}

/// The message for a number that is not finite.
fn not_finite(v: f64) -> String {
    format!("{v} is not allowed: numbers must be finite (no NaN or infinity)")
}

impl<'de, V, C> Visitor<'de> for Wrap<V, C>
where
    V: Visitor<'de>,
    C: Capture<'de>,
{
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_char(char),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_f32<E: de::Error>(self, v: f32) -> Result<Self::Value, E> {
        if v.is_finite() {
            self.inner.visit_f32(v)
        } else {
            Err(E::custom(not_finite(f64::from(v))))
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.is_finite() {
            self.inner.visit_f64(v)
        } else {
            Err(E::custom(not_finite(v)))
        }
    }

    fn visit_str<E: de::Error>(mut self, v: &str) -> Result<Self::Value, E> {
        self.capture.owned(v);
        self.inner.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(mut self, v: &'de str) -> Result<Self::Value, E> {
        self.capture.borrowed(v);
        self.inner.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(mut self, v: String) -> Result<Self::Value, E> {
        self.capture.owned(&v);
        self.inner.visit_string(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_some(Strict {
            inner: deserializer,
            capture: self.capture,
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict {
            inner: deserializer,
            capture: self.capture,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        if let Shape::Struct = self.shape {
            return Err(A::Error::invalid_type(
                Unexpected::Other("array"),
                &NamedFields,
            ));
        }
        self.inner.visit_seq(StrictSeq(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let seen = match self.shape {
            Shape::Map => Some(HashSet::new()),
            Shape::Value | Shape::Struct => None,
        };
        self.inner.visit_map(StrictMap { inner: map, seen })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.inner.visit_enum(StrictEnum(data))
    }
}

/// A seed whose value is read through the adapter.
struct Seed<S, C> {
    inner: S,
    capture: C,
}

impl<'de, S, C> DeserializeSeed<'de> for Seed<S, C>
where
    S: DeserializeSeed<'de>,
    C: Capture<'de>,
{
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Strict {
            inner: deserializer,
            capture: self.capture,
        })
    }
}

fn seed<S>(inner: S) -> Seed<S, ()> {
    Seed { inner, capture: () }
}

struct StrictSeq<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for StrictSeq<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        element: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(seed(element))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A map or a struct's fields; for a map, the keys read so far.
struct StrictMap<'de, A> {
    inner: A,
    seen: Option<HashSet<Cow<'de, str>>>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for StrictMap<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        key: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(seen) = &mut self.seen else {
            return self.inner.next_key_seed(seed(key));
        };
        let mut slot = KeySlot::default();
        let value = self.inner.next_key_seed(Seed {
            inner: key,
            capture: &mut slot,
        })?;
        if let Some(text) = slot.0 {
            if seen.contains(&text) {
                return Err(A::Error::custom(format!(
                    "duplicate key `{text}`: each key may appear only once"
                )));
            }
            seen.insert(text);
        }
        Ok(value)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, value: T) -> Result<T::Value, A::Error> {
        self.inner.next_value_seed(seed(value))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

struct StrictEnum<A>(A);

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for StrictEnum<A> {
    type Error = A::Error;
    type Variant = StrictVariant<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        variant: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, access) = self.0.variant_seed(seed(variant))?;
        Ok((value, StrictVariant(access)))
    }
}

struct StrictVariant<A>(A);

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for StrictVariant<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, value: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(seed(value))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap::new(visitor, Shape::Value))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0
            .struct_variant(fields, Wrap::new(visitor, Shape::Struct))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Point {
        x: f64,
        y: f64,
    }

    fn json<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        deserialize(&mut de).map_err(|e: serde_json::Error| e.to_string())
    }

    fn toml<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
        let de = toml::Deserializer::parse(text).map_err(|e| e.to_string())?;
        deserialize(de).map_err(|e: toml::de::Error| e.message().to_owned())
    }

    #[test]
    fn structs_are_read_from_named_fields_only() {
        assert_eq!(
            json::<Point>(r#"{"x":1,"y":2}"#),
            Ok(Point { x: 1.0, y: 2.0 })
        );
        let error = json::<Point>("[1,2]").unwrap_err();
        assert_eq!(
            error,
            "invalid type: array, expected a table (an object in JSON) with named fields \
             at line 1 column 1"
        );
        // Nested structs too, and arrays of structs are still arrays.
        assert!(json::<Vec<Point>>(r#"[{"x":1,"y":2}]"#).is_ok());
        assert!(json::<Vec<Point>>("[[1,2]]").is_err());
        assert!(toml::<BTreeMap<String, Point>>("p = [1, 2]").is_err());
        assert!(toml::<BTreeMap<String, Point>>("p = { x = 1, y = 2 }").is_ok());
    }

    #[test]
    fn numbers_must_be_finite() {
        for text in ["nan", "inf", "-inf", "+nan"] {
            let error = toml::<Point>(&format!("x = {text}\ny = 1")).unwrap_err();
            assert!(error.contains("numbers must be finite"), "{text}: {error}");
        }
        assert_eq!(
            toml::<Point>("x = 1.5\ny = -2"),
            Ok(Point { x: 1.5, y: -2.0 })
        );
    }

    #[test]
    fn map_keys_are_unique() {
        let error = json::<BTreeMap<String, u8>>(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap_err();
        assert_eq!(
            error,
            "duplicate key `a`: each key may appear only once at line 1 column 20"
        );
        // Keys with escapes are compared by their text, not their spelling.
        let error = json::<BTreeMap<String, u8>>(r#"{"a": 1, "\u0061": 3}"#).unwrap_err();
        assert!(error.starts_with("duplicate key `a`"), "{error}");
        assert!(json::<BTreeMap<String, u8>>(r#"{"a": 1, "b": 3}"#).is_ok());
        // Nested maps each have keys of their own.
        let nested = r#"{"a": {"k": 1}, "b": {"k": 2}}"#;
        assert!(json::<BTreeMap<String, BTreeMap<String, u8>>>(nested).is_ok());
    }
}
