//! JSON as the browser reads it: a plain value tree, and readers that turn
//! it into the app's types with errors naming the field at fault.
//!
//! The indexer writes the index with serde. The browser does not read it
//! with serde: its own `JSON.parse` is faster than any wasm parser, and
//! serde's deserializers (with the float printing their error messages
//! need) cost listeners about a tenth of the app's download. `io` turns
//! the parsed JavaScript value into a [`Json`]; the decoders here are pure
//! and tested natively against what serde writes, so the two cannot drift.

/// A parsed JSON value. Objects keep their key order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// What a value is, for error messages.
fn kind(j: &Json) -> &'static str {
    match j {
        Json::Null => "null",
        Json::Bool(_) => "true or false",
        Json::Num(_) => "a number",
        Json::Str(_) => "text",
        Json::Arr(_) => "a list",
        Json::Obj(_) => "an object",
    }
}

fn wrong(what: &str, expected: &str, got: &Json) -> String {
    format!("{what} should be {expected}, not {}", kind(got))
}

impl Json {
    /// The value under `key`, when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Reads this value as an object, for [`Fields`].
    pub fn fields<'a>(&'a self, what: &str) -> Result<Fields<'a>, String> {
        match self {
            Json::Obj(_) => Ok(Fields(self)),
            other => Err(wrong(what, "an object", other)),
        }
    }

    /// Reads this value as a list.
    pub fn items<'a>(&'a self, what: &str) -> Result<&'a [Json], String> {
        match self {
            Json::Arr(items) => Ok(items),
            other => Err(wrong(what, "a list", other)),
        }
    }

    pub fn text(&self, what: &str) -> Result<String, String> {
        match self {
            Json::Str(s) => Ok(s.clone()),
            other => Err(wrong(what, "text", other)),
        }
    }

    pub fn number(&self, what: &str) -> Result<f64, String> {
        match self {
            Json::Num(n) => Ok(*n),
            other => Err(wrong(what, "a number", other)),
        }
    }

    /// A whole number no greater than `max`.
    pub fn whole(&self, what: &str, max: u64) -> Result<u64, String> {
        let n = self.number(what)?;
        if n >= 0.0 && n.fract() == 0.0 && n <= max as f64 {
            Ok(n as u64)
        } else {
            Err(format!("{what} should be a whole number from 0 to {max}"))
        }
    }

    /// A whole number that may be negative (an episode `#-1`).
    pub fn integer(&self, what: &str) -> Result<i64, String> {
        let n = self.number(what)?;
        if n.fract() == 0.0 && n.abs() <= i32::MAX as f64 {
            Ok(n as i64)
        } else {
            Err(format!("{what} should be a whole number"))
        }
    }

    pub fn boolean(&self, what: &str) -> Result<bool, String> {
        match self {
            Json::Bool(b) => Ok(*b),
            other => Err(wrong(what, "true or false", other)),
        }
    }

    /// Writes the value as JSON text, for the indexer and tests; the
    /// browser hands a [`Json`] to its own `JSON.stringify` instead.
    pub fn to_text(&self) -> String {
        serde_json::to_string(&serde_json::Value::from(self)).expect("a value tree serializes")
    }

    /// Parses JSON text, for the indexer and tests; the browser uses its
    /// own `JSON.parse` (see `io::json`).
    pub fn parse(text: &str) -> Result<Json, String> {
        serde_json::from_str::<serde_json::Value>(text)
            .map(|v| Json::from(&v))
            .map_err(|e| e.to_string())
    }
}

/// The fields of an object. Missing and `null` fields read as absent, as
/// serde's `#[serde(default)]` reads them; unknown fields are ignored.
#[derive(Clone, Copy)]
pub struct Fields<'a>(&'a Json);

impl<'a> Fields<'a> {
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.0.get(key).filter(|v| **v != Json::Null)
    }

    /// A field that must be there, to read on.
    pub fn required_field(&self, key: &str) -> Result<&'a Json, String> {
        self.get(key).ok_or_else(|| format!("{key} is missing"))
    }

    pub fn text(&self, key: &str) -> Result<String, String> {
        self.required_field(key)?.text(key)
    }

    pub fn opt_text(&self, key: &str) -> Result<Option<String>, String> {
        self.get(key).map(|v| v.text(key)).transpose()
    }

    /// Text that the writer leaves out when it is empty.
    pub fn text_or_empty(&self, key: &str) -> Result<String, String> {
        Ok(self.opt_text(key)?.unwrap_or_default())
    }

    pub fn opt_number(&self, key: &str) -> Result<Option<f64>, String> {
        self.get(key).map(|v| v.number(key)).transpose()
    }

    pub fn opt_whole(&self, key: &str, max: u64) -> Result<Option<u64>, String> {
        self.get(key).map(|v| v.whole(key, max)).transpose()
    }

    pub fn opt_integer(&self, key: &str) -> Result<Option<i64>, String> {
        self.get(key).map(|v| v.integer(key)).transpose()
    }

    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, String> {
        self.get(key).map(|v| v.boolean(key)).transpose()
    }

    /// A list, empty when absent.
    pub fn list(&self, key: &str) -> Result<&'a [Json], String> {
        match self.get(key) {
            Some(v) => v.items(key),
            None => Ok(&[]),
        }
    }

    /// A list of text, empty when absent.
    pub fn texts(&self, key: &str) -> Result<Vec<String>, String> {
        self.list(key)?
            .iter()
            .map(|v| v.text(&format!("each of {key}")))
            .collect()
    }
}

/// Reads an object's fields as [`Fields`] does, but keeps the first error
/// instead of returning it from each read, for decoders of many fields:
/// each read is then one small call, with no error path of its own at each
/// field (this code ships in the app). [`Reader::done`] gives the value,
/// or the first error.
pub struct Reader<'a> {
    fields: Fields<'a>,
    error: std::cell::RefCell<Option<String>>,
}

impl<'a> Reader<'a> {
    /// Reads `j`, which must be an object (`what` names it in the error).
    pub fn new(j: &'a Json, what: &str) -> Result<Reader<'a>, String> {
        Ok(Reader {
            fields: j.fields(what)?,
            error: Default::default(),
        })
    }

    #[inline(never)]
    fn keep<T: Default>(&self, read: Result<T, String>) -> T {
        read.unwrap_or_else(|e| {
            self.error.borrow_mut().get_or_insert(e);
            T::default()
        })
    }

    #[inline(never)]
    pub fn text(&self, key: &str) -> String {
        self.keep(self.fields.text(key))
    }

    #[inline(never)]
    pub fn opt_text(&self, key: &str) -> Option<String> {
        self.keep(self.fields.opt_text(key))
    }

    #[inline(never)]
    pub fn text_or_empty(&self, key: &str) -> String {
        self.keep(self.fields.text_or_empty(key))
    }

    #[inline(never)]
    pub fn texts(&self, key: &str) -> Vec<String> {
        self.keep(self.fields.texts(key))
    }

    #[inline(never)]
    pub fn opt_whole(&self, key: &str, max: u64) -> Option<u64> {
        self.keep(self.fields.opt_whole(key, max))
    }

    pub fn opt_integer(&self, key: &str) -> Option<i64> {
        self.keep(self.fields.opt_integer(key))
    }

    /// A field read by `read`, as [`Fields`] reads it.
    pub fn with<T: Default>(&self, read: impl FnOnce(&Fields<'a>) -> Result<T, String>) -> T {
        self.keep(read(&self.fields))
    }

    /// `value`, or the first error a read met.
    pub fn done<T>(self, value: T) -> Result<T, String> {
        match self.error.into_inner() {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }
}

/// Each item of a list decoded by `decode`, with the failing item's
/// position in the error.
pub fn each<T>(
    items: &[Json],
    what: &str,
    decode: impl Fn(&Json) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| decode(v).map_err(|e| format!("{what} {}: {e}", i + 1)))
        .collect()
}

impl From<&serde_json::Value> for Json {
    fn from(v: &serde_json::Value) -> Json {
        use serde_json::Value as V;
        match v {
            V::Null => Json::Null,
            V::Bool(b) => Json::Bool(*b),
            V::Number(n) => Json::Num(n.as_f64().unwrap_or(f64::NAN)),
            V::String(s) => Json::Str(s.clone()),
            V::Array(a) => Json::Arr(a.iter().map(Json::from).collect()),
            V::Object(o) => Json::Obj(o.iter().map(|(k, v)| (k.clone(), v.into())).collect()),
        }
    }
}

impl From<&Json> for serde_json::Value {
    fn from(j: &Json) -> serde_json::Value {
        use serde_json::Value as V;
        match j {
            Json::Null => V::Null,
            Json::Bool(b) => V::Bool(*b),
            Json::Num(n) => serde_json::Number::from_f64(*n).map_or(V::Null, V::Number),
            Json::Str(s) => V::String(s.clone()),
            Json::Arr(a) => V::Array(a.iter().map(Into::into).collect()),
            Json::Obj(o) => V::Object(o.iter().map(|(k, v)| (k.clone(), v.into())).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(text: &str) -> Json {
        Json::parse(text).unwrap()
    }

    #[test]
    fn can_read_present_absent_and_null_fields() {
        let j = obj(r#"{"a": "x", "n": 3, "b": true, "z": null, "l": ["p", "q"]}"#);
        let f = j.fields("it").unwrap();
        assert_eq!(f.text("a").unwrap(), "x");
        assert_eq!(f.opt_text("z").unwrap(), None);
        assert_eq!(f.opt_text("nope").unwrap(), None);
        assert_eq!(f.text_or_empty("nope").unwrap(), "");
        assert_eq!(f.opt_whole("n", 10).unwrap(), Some(3));
        assert_eq!(f.opt_bool("b").unwrap(), Some(true));
        assert_eq!(f.texts("l").unwrap(), ["p", "q"]);
        assert!(f.texts("nope").unwrap().is_empty());
    }

    #[test]
    fn errors_if_a_field_has_the_wrong_kind() {
        let j = obj(r#"{"a": 1, "n": -1, "f": 1.5, "big": 5000000000, "l": [1], "s": "x"}"#);
        let f = j.fields("it").unwrap();
        for (got, want) in [
            (f.text("a").unwrap_err(), "a should be text, not a number"),
            (f.text("gone").unwrap_err(), "gone is missing"),
            (
                f.opt_whole("n", 9).unwrap_err(),
                "n should be a whole number from 0 to 9",
            ),
            (
                f.opt_whole("f", 9).unwrap_err(),
                "f should be a whole number from 0 to 9",
            ),
            (
                f.opt_whole("big", u32::MAX.into()).unwrap_err(),
                "big should be a whole number from 0 to 4294967295",
            ),
            (
                f.texts("l").unwrap_err(),
                "each of l should be text, not a number",
            ),
            (f.list("s").unwrap_err(), "s should be a list, not text"),
            (
                Json::Arr(vec![]).fields("the index").err().unwrap(),
                "the index should be an object, not a list",
            ),
        ] {
            assert_eq!(got, want);
        }
    }

    #[test]
    fn errors_name_the_failing_item() {
        let j = obj(r#"["a", "b", 3]"#);
        let e = each(j.items("l").unwrap(), "episode", |v| v.text("title")).unwrap_err();
        assert_eq!(e, "episode 3: title should be text, not a number");
    }

    #[test]
    fn can_round_trip_text() {
        let text = r#"{"k":[1.0,2.5,"é",true,null,{"x":{}}]}"#;
        assert_eq!(obj(text).to_text(), text);
        assert_eq!(obj(r#"{"k": [1]}"#), obj(r#"{"k":[1.0]}"#));
    }
}
