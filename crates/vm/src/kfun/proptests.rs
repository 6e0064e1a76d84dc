//! Property tests: the save format round-trips and is deterministic, and no
//! input makes a parser or matcher panic.

use proptest::prelude::*;

use super::save::{decode_restore, encode_save, RestoreVar};
use crate::value::{Float, LStr, Mapping, TypeSpec, Value, T_MIXED};

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i32>().prop_map(Value::Int),
        any::<f64>().prop_filter_map("finite float", |d| Float::new(d).map(Value::Float)),
        (-1.0e6f64..1.0e6).prop_filter_map("float", |d| Float::new(d).map(Value::Float)),
        proptest::collection::vec(any::<u8>(), 0..24).prop_map(|b| Value::String(LStr::new(b))),
        Just(Value::Nil),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::array),
            proptest::collection::vec((scalar(), inner), 0..6).prop_map(|pairs| {
                let mut m = Mapping::new();
                for (k, v) in pairs {
                    if !k.is_nil() {
                        m.set(k, v);
                    }
                }
                Value::mapping(m)
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn save_roundtrips(vals in proptest::collection::vec(value(), 1..5)) {
        let names: Vec<String> = (0..vals.len()).map(|i| format!("v{i}")).collect();
        let text = encode_save(names.iter().map(|n| n.as_bytes()).zip(vals.iter()));
        // deterministic
        let again = encode_save(names.iter().map(|n| n.as_bytes()).zip(vals.iter()));
        prop_assert_eq!(&text, &again);
        let vars: Vec<RestoreVar<'_>> = names
            .iter()
            .map(|n| RestoreVar { name: n.as_bytes(), ty: TypeSpec::new(T_MIXED, 0), restorable: true })
            .collect();
        let r = decode_restore(&text, &vars, "p.o", 10_000);
        prop_assert!(r.error.is_none(), "{:?}", r.error);
        let mut restored = vec![Value::Nil; vals.len()];
        for (i, v) in r.assignments {
            restored[i] = v;
        }
        for (orig, back) in vals.iter().zip(restored.iter()) {
            if super::save::is_saved(orig) {
                prop_assert!(orig.deep_eq(back), "{:?} != {:?}", orig, back);
            } else {
                prop_assert!(back.is_nil());
            }
        }
        // and the restored values save to the same text
        let text2 = encode_save(names.iter().map(|n| n.as_bytes()).zip(restored.iter()));
        prop_assert_eq!(text, text2);
    }

    #[test]
    fn restore_never_panics(text in proptest::collection::vec(any::<u8>(), 0..200)) {
        let vars = [RestoreVar { name: b"a", ty: TypeSpec::new(T_MIXED, 0), restorable: true }];
        let _ = decode_restore(&text, &vars, "x", 100);
        let mut t = b"a ".to_vec();
        t.extend_from_slice(&text);
        let _ = decode_restore(&t, &vars, "x", 100);
    }

    #[test]
    fn sscanf_never_panics(s in proptest::collection::vec(any::<u8>(), 0..40),
                           fmt in "[%sdfc*a-z0-9 .\\-]{0,12}") {
        let _ = super::sscanf::sscanf(&s, fmt.as_bytes());
    }

    #[test]
    fn float_text_never_panics(s in proptest::collection::vec(any::<u8>(), 0..30), d in any::<f64>()) {
        let _ = super::float::parse_float(&s);
        let _ = super::strings::parse_int(&s);
        if let Some(f) = Float::new(d) {
            let text = super::float::format_float(f.get());
            // what DGD prints, DGD parses back (to within the 9 printed digits)
            let (back, n) = super::float::parse_float(text.as_bytes()).expect("parses");
            prop_assert_eq!(n, text.len());
            let tol = f.get().abs() * 1e-8;
            prop_assert!((back - f.get()).abs() <= tol, "{} -> {}", text, back);
        }
    }

    #[test]
    fn explode_implode(s in "[a,]{0,20}") {
        let parts = super::strings::explode(s.as_bytes(), b",", 1000).expect("fits");
        let joined = super::strings::implode(&parts, b",").expect("fits");
        let trimmed = s.strip_prefix(',').filter(|t| !t.is_empty()).unwrap_or(&s);
        let trimmed = trimmed.strip_suffix(',').unwrap_or(trimmed);
        if !s.is_empty() && s != "," {
            prop_assert_eq!(joined, trimmed.as_bytes());
        }
    }

    #[test]
    fn crypt_output_shape(pw in proptest::collection::vec(any::<u8>(), 0..12), a in 0usize..64, b in 0usize..64) {
        let salt = [super::crypt::ALPHABET[a], super::crypt::ALPHABET[b]];
        let out = super::crypt::crypt(&pw, salt);
        prop_assert_eq!(out.len(), 13);
        prop_assert_eq!(&out[..2], &salt[..]);
        prop_assert!(out.iter().all(|c| super::crypt::ALPHABET.contains(c)));
    }

    #[test]
    fn wildcard_never_panics(p in "[a*?\\[\\]^\\-\\\\]{0,10}", t in "[a-c]{0,10}") {
        let _ = super::files::wildcard_match(p.as_bytes(), t.as_bytes());
    }

    #[test]
    fn normalized_paths_stay_inside(p in "[a./]{0,30}") {
        if let Some(n) = super::files::normalize(p.as_bytes()) {
            prop_assert!(!n.starts_with(b"/"));
            prop_assert!(n.split(|&c| c == b'/').all(|c| c != b".." && !c.is_empty()));
            prop_assert!(n == b"." || n.split(|&c| c == b'/').all(|c| c != b"."));
        }
    }
}
