//! Data kfuns: `allocate`, `allocate_int`, `allocate_float`, `sizeof`,
//! `map_indices`, `map_values`, `map_sizeof`, `typeof`, `strlen`, `random`,
//! and the clock: `time`, `millitime`, `ctime`.

use super::args;
use crate::value::{Float, KfunCtx, KfunRegistry, LpcError, Value};

/// Registers the kfuns of this module.
pub fn register(r: &mut KfunRegistry) {
    r.register("allocate", kf_allocate);
    r.register("allocate_int", kf_allocate_int);
    r.register("allocate_float", kf_allocate_float);
    r.register("sizeof", kf_sizeof);
    r.register("map_indices", kf_map_indices);
    r.register("map_values", kf_map_values);
    r.register("map_sizeof", kf_map_sizeof);
    r.register("typeof", kf_typeof);
    r.register("strlen", kf_strlen);
    r.register("random", kf_random);
    r.register("time", kf_time);
    r.register("millitime", kf_millitime);
    r.register("ctime", kf_ctime);
}

/// Checks an allocation size: negative is a bad argument, above the
/// configured maximum "Array too large"; charges one tick per element.
fn alloc_size(ctx: &mut dyn KfunCtx, args: &[Value], kfun: &str) -> Result<usize, LpcError> {
    let n = args::int(args, 0, kfun)?;
    if n < 0 {
        return Err(args::bad_arg(kfun, 1));
    }
    let n = n as usize;
    if n > ctx.max_array_size() {
        return Err(LpcError::new("Array too large"));
    }
    ctx.charge(n as u64)?;
    Ok(n)
}

fn kf_allocate(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let n = alloc_size(ctx, args, "allocate")?;
    Ok(Value::array(vec![Value::Nil; n]))
}

fn kf_allocate_int(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let n = alloc_size(ctx, args, "allocate_int")?;
    Ok(Value::array(vec![Value::Int(0); n]))
}

fn kf_allocate_float(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let n = alloc_size(ctx, args, "allocate_float")?;
    Ok(Value::array(vec![Value::Float(Float::ZERO); n]))
}

fn kf_sizeof(_ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let a = args::array(args, 0, "sizeof")?;
    Ok(Value::Int(a.len() as i32))
}

/// The live entries of a mapping, in key order: an entry whose key or value
/// is a destructed object is gone, as in DGD. A nil key is an ordinary key.
fn live_entries(ctx: &dyn KfunCtx, m: &crate::value::MappingRef) -> Vec<(Value, Value)> {
    m.borrow()
        .iter()
        .filter_map(|(k0, v)| {
            let k = ctx.fix(k0);
            let v = ctx.fix(v);
            if (k.is_nil() && !k0.is_nil()) || v.is_nil() {
                None
            } else {
                Some((k, v))
            }
        })
        .collect()
}

fn kf_map_indices(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let m = args::mapping(args, 0, "map_indices")?;
    // DGD counts keys and values
    ctx.charge(2 * m.len() as u64)?;
    let keys = live_entries(ctx, m).into_iter().map(|(k, _)| k).collect();
    Ok(Value::array(keys))
}

fn kf_map_values(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let m = args::mapping(args, 0, "map_values")?;
    // DGD counts keys and values
    ctx.charge(2 * m.len() as u64)?;
    let vals = live_entries(ctx, m).into_iter().map(|(_, v)| v).collect();
    Ok(Value::array(vals))
}

fn kf_map_sizeof(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let m = args::mapping(args, 0, "map_sizeof")?;
    // DGD counts keys and values
    ctx.charge(2 * m.len() as u64)?;
    Ok(Value::Int(live_entries(ctx, m).len() as i32))
}

fn kf_typeof(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let v = args.first().map(|v| ctx.fix(v)).unwrap_or(Value::Nil);
    Ok(Value::Int(v.type_code()))
}

fn kf_strlen(_ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let s = args::string(args, 0, "strlen")?;
    Ok(Value::Int(s.len() as i32))
}

/// `random(n)`: 0 .. n-1; `random(0)` any non-negative int; negative is a
/// bad argument.
pub fn random_value(n: i32, bits: u64) -> Option<i32> {
    let r = (bits >> 16) as u32 & 0x7fff_ffff;
    match n {
        n if n < 0 => None,
        0 => Some(r as i32),
        n => Some((r % n as u32) as i32),
    }
}

fn kf_random(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let n = args::int(args, 0, "random")?;
    ctx.charge(1)?;
    let bits = ctx.random_u64();
    random_value(n, bits)
        .map(Value::Int)
        .ok_or_else(|| args::bad_arg("random", 1))
}

fn kf_time(ctx: &mut dyn KfunCtx, _args: &mut [Value]) -> Result<Value, LpcError> {
    Ok(Value::Int(ctx.time().0 as i32))
}

fn kf_millitime(ctx: &mut dyn KfunCtx, _args: &mut [Value]) -> Result<Value, LpcError> {
    ctx.charge(2)?;
    let (secs, ms) = ctx.time();
    let frac = super::float::truncate(f64::from(ms.min(999)) / 1000.0);
    Ok(Value::array(vec![
        Value::Int(secs as i32),
        args::float_value(frac)?,
    ]))
}

fn kf_ctime(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    ctx.charge(5)?;
    let t = args::int(args, 0, "ctime")?;
    // as DGD, the time is unsigned 32 bits, printed in local time
    let off = ctx.utc_offset(i64::from(t as u32));
    Ok(Value::str(&super::strings::ctime(t, off)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_range() {
        assert_eq!(random_value(-1, 5), None);
        assert_eq!(random_value(1, u64::MAX), Some(0));
        for bits in [0u64, 1 << 40, u64::MAX, 0x1234_5678_9abc_def0] {
            let v = random_value(10, bits).unwrap();
            assert!((0..10).contains(&v));
            assert!(random_value(0, bits).unwrap() >= 0);
        }
    }
}
