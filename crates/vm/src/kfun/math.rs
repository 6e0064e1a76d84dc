//! The math kfuns over DGD floats. Arguments are floats as the interpreter
//! holds them (already constrained); results are constrained the way DGD does:
//! a result that can overflow is checked ("Result too large"), an argument
//! outside a function's domain is "Math argument".

use super::float::{constrain, frexp as split, ldexp as scale, truncate};
use super::KfunError;

type R = Result<f64, KfunError>;

/// `fabs(f)`
pub fn fabs(a: f64) -> f64 {
    a.abs()
}

/// `floor(f)`
pub fn floor(a: f64) -> f64 {
    truncate(a.floor())
}

/// `ceil(f)`
pub fn ceil(a: f64) -> f64 {
    truncate(a.ceil())
}

/// `fmod(f1, f2)`: "Math argument" when `f2` is 0.
pub fn fmod(a: f64, b: f64) -> R {
    if b == 0.0 {
        return Err(KfunError::MathArgument);
    }
    constrain(a % b)
}

/// `frexp(f)`: `({ fraction, exponent })`, fraction in [0.5, 1) (or 0).
pub fn frexp(a: f64) -> (f64, i32) {
    let (m, e) = split(a);
    (truncate(m), e)
}

/// `ldexp(f, i)`
pub fn ldexp(a: f64, e: i32) -> R {
    constrain(scale(a, e))
}

/// `modf(f)`: `({ fraction, integer part })`, both with the sign of `f`.
pub fn modf(a: f64) -> (f64, f64) {
    let int = a.trunc();
    let frac = a - int;
    (truncate(frac), truncate(int))
}

/// `exp(f)`
pub fn exp(a: f64) -> R {
    constrain(a.exp())
}

/// `log(f)`: "Math argument" for `f <= 0`.
pub fn log(a: f64) -> R {
    if a <= 0.0 {
        return Err(KfunError::MathArgument);
    }
    constrain(a.ln())
}

/// `log10(f)`: "Math argument" for `f <= 0`.
pub fn log10(a: f64) -> R {
    if a <= 0.0 {
        return Err(KfunError::MathArgument);
    }
    constrain(a.log10())
}

/// `pow(f1, f2)`: "Math argument" for a non-integer power of a negative
/// number and for a negative power of 0.
pub fn pow(a: f64, b: f64) -> R {
    if a < 0.0 {
        if b != b.floor() {
            return Err(KfunError::MathArgument);
        }
    } else if a == 0.0 && b < 0.0 {
        return Err(KfunError::MathArgument);
    }
    constrain(a.powf(b))
}

/// `sqrt(f)`: "Math argument" for `f < 0`.
pub fn sqrt(a: f64) -> R {
    if a < 0.0 {
        return Err(KfunError::MathArgument);
    }
    constrain(a.sqrt())
}

/// `sin(f)`
pub fn sin(a: f64) -> f64 {
    truncate(a.sin())
}

/// `cos(f)`
pub fn cos(a: f64) -> f64 {
    truncate(a.cos())
}

/// `tan(f)`
pub fn tan(a: f64) -> R {
    constrain(a.tan())
}

/// `asin(f)`: "Math argument" for `|f| > 1`.
pub fn asin(a: f64) -> R {
    if a.abs() > 1.0 {
        return Err(KfunError::MathArgument);
    }
    constrain(a.asin())
}

/// `acos(f)`: "Math argument" for `|f| > 1`.
pub fn acos(a: f64) -> R {
    if a.abs() > 1.0 {
        return Err(KfunError::MathArgument);
    }
    constrain(a.acos())
}

/// `atan(f)`
pub fn atan(a: f64) -> f64 {
    truncate(a.atan())
}

/// `atan2(y, x)`
pub fn atan2(y: f64, x: f64) -> f64 {
    truncate(y.atan2(x))
}

/// `sinh(f)`
pub fn sinh(a: f64) -> R {
    constrain(a.sinh())
}

/// `cosh(f)`
pub fn cosh(a: f64) -> R {
    constrain(a.cosh())
}

/// `tanh(f)`
pub fn tanh(a: f64) -> f64 {
    truncate(a.tanh())
}

/// Float `+`, `-`, `*` results go through this check.
pub fn checked(a: f64) -> R {
    constrain(a)
}

/// Float `/`: "Division by zero" for a zero divisor.
pub fn div(a: f64, b: f64) -> R {
    if b == 0.0 {
        return Err(KfunError::DivisionByZero);
    }
    constrain(a / b)
}

// ---------------------------------------------------------------------------
// Kfun wiring

use super::args;
use crate::value::{KfunCtx, KfunRegistry, LpcError, Value};

type Kf = fn(&mut dyn KfunCtx, &mut [Value]) -> Result<Value, LpcError>;

macro_rules! unary {
    ($name:ident, $ticks:expr, $f:expr) => {
        fn $name(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
            ctx.charge($ticks)?;
            let a = args::float(args, 0, &stringify!($name)[3..])?;
            let r: R = $f(a);
            args::float_value(r?)
        }
    };
}

fn ok(x: f64) -> R {
    Ok(x)
}

unary!(kf_fabs, 1, |a| ok(fabs(a)));
unary!(kf_floor, 1, |a| ok(floor(a)));
unary!(kf_ceil, 1, |a| ok(ceil(a)));
unary!(kf_exp, 21, exp);
unary!(kf_log, 35, log);
unary!(kf_log10, 41, log10);
unary!(kf_sqrt, 11, sqrt);
unary!(kf_sin, 25, |a| ok(sin(a)));
unary!(kf_cos, 25, |a| ok(cos(a)));
unary!(kf_tan, 31, tan);
unary!(kf_asin, 24, asin);
unary!(kf_acos, 24, acos);
unary!(kf_atan, 24, |a| ok(atan(a)));
unary!(kf_sinh, 24, sinh);
unary!(kf_cosh, 24, cosh);
unary!(kf_tanh, 24, |a| ok(tanh(a)));

fn kf_fmod(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    ctx.charge(1)?;
    let a = args::float(args, 0, "fmod")?;
    let b = args::float(args, 1, "fmod")?;
    args::float_value(fmod(a, b)?)
}

fn kf_pow(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    ctx.charge(48)?;
    let a = args::float(args, 0, "pow")?;
    let b = args::float(args, 1, "pow")?;
    args::float_value(pow(a, b)?)
}

fn kf_atan2(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    ctx.charge(27)?;
    let a = args::float(args, 0, "atan2")?;
    let b = args::float(args, 1, "atan2")?;
    args::float_value(atan2(a, b))
}

fn kf_ldexp(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    ctx.charge(1)?;
    let a = args::float(args, 0, "ldexp")?;
    let e = args::int(args, 1, "ldexp")?;
    args::float_value(ldexp(a, e)?)
}

fn kf_frexp(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    ctx.charge(2)?;
    let (m, e) = frexp(args::float(args, 0, "frexp")?);
    Ok(Value::array(vec![args::float_value(m)?, Value::Int(e)]))
}

fn kf_modf(ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    ctx.charge(2)?;
    let (f, i) = modf(args::float(args, 0, "modf")?);
    Ok(Value::array(vec![
        args::float_value(f)?,
        args::float_value(i)?,
    ]))
}

/// `isinf(f)`, `isnan(f)`, `isfinite(f)`: DGD floats are always finite (an
/// overflow is an error), so these are constant; registered once the
/// prototypes exist (`int isinf(float x)` etc.).
fn kf_isinf(_ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let a = args::float(args, 0, "isinf")?;
    Ok(Value::Int(i32::from(a.is_infinite())))
}

fn kf_isnan(_ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let a = args::float(args, 0, "isnan")?;
    Ok(Value::Int(i32::from(a.is_nan())))
}

fn kf_isfinite(_ctx: &mut dyn KfunCtx, args: &mut [Value]) -> Result<Value, LpcError> {
    let a = args::float(args, 0, "isfinite")?;
    Ok(Value::Int(i32::from(a.is_finite())))
}

/// Registers the math kfuns.
pub fn register(r: &mut KfunRegistry) {
    // from DGD after 1.7.9; our floats are always finite
    r.register("isinf", kf_isinf);
    r.register("isnan", kf_isnan);
    r.register("isfinite", kf_isfinite);
    let table: &[(&str, Kf)] = &[
        ("fabs", kf_fabs),
        ("floor", kf_floor),
        ("ceil", kf_ceil),
        ("fmod", kf_fmod),
        ("frexp", kf_frexp),
        ("ldexp", kf_ldexp),
        ("modf", kf_modf),
        ("exp", kf_exp),
        ("log", kf_log),
        ("log10", kf_log10),
        ("pow", kf_pow),
        ("sqrt", kf_sqrt),
        ("sin", kf_sin),
        ("cos", kf_cos),
        ("tan", kf_tan),
        ("asin", kf_asin),
        ("acos", kf_acos),
        ("atan", kf_atan),
        ("atan2", kf_atan2),
        ("sinh", kf_sinh),
        ("cosh", kf_cosh),
        ("tanh", kf_tanh),
    ];
    for (name, f) in table {
        r.register(name, *f);
    }
}

#[cfg(test)]
mod tests {
    use super::super::float::format_float as p;
    use super::*;

    #[test]
    fn values_print_like_dgd() {
        assert_eq!(p(floor(2.7)), "2");
        assert_eq!(p(floor(-2.2)), "-3");
        assert_eq!(p(ceil(2.2)), "3");
        assert_eq!(p(ceil(-2.7)), "-2");
        assert_eq!(p(fabs(-3.5)), "3.5");
        assert_eq!(p(fmod(7.5, 2.0).unwrap()), "1.5");
        assert_eq!(p(fmod(-7.5, 2.0).unwrap()), "-1.5");
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(0.0), (0.0, 0));
        assert_eq!(ldexp(0.75, 3).unwrap(), 6.0);
        assert_eq!(modf(3.25), (0.25, 3.0));
        assert_eq!(modf(-3.25), (-0.25, -3.0));
        assert_eq!(p(exp(1.0).unwrap()), "2.71828183");
        assert_eq!(p(log(10.0).unwrap()), "2.30258509");
        assert_eq!(p(log10(1000.0).unwrap()), "3");
        assert_eq!(p(pow(2.0, 10.0).unwrap()), "1024");
        assert_eq!(p(pow(-2.0, 3.0).unwrap()), "-8");
        assert_eq!(p(sqrt(2.0).unwrap()), "1.41421356");
        assert_eq!(p(sin(1.0)), "0.841470985");
        assert_eq!(p(cos(0.0)), "1");
        assert_eq!(p(tan(1.0).unwrap()), "1.55740772");
        assert_eq!(p(asin(1.0).unwrap()), "1.57079633");
        assert_eq!(p(acos(0.5).unwrap()), "1.04719755");
        assert_eq!(p(atan(1.0)), "0.785398163");
        assert_eq!(p(atan2(1.0, -1.0)), "2.35619449");
        assert_eq!(p(sinh(1.0).unwrap()), "1.17520119");
        assert_eq!(p(cosh(1.0).unwrap()), "1.54308063");
        assert_eq!(p(tanh(1.0)), "0.761594156");
    }

    #[test]
    fn errors_like_dgd() {
        assert_eq!(exp(1000.0), Err(KfunError::ResultTooLarge));
        assert_eq!(pow(10.0, 400.0), Err(KfunError::ResultTooLarge));
        assert_eq!(ldexp(1.0, 2000), Err(KfunError::ResultTooLarge));
        assert_eq!(cosh(1000.0), Err(KfunError::ResultTooLarge));
        assert_eq!(log(0.0), Err(KfunError::MathArgument));
        assert_eq!(log10(-1.0), Err(KfunError::MathArgument));
        assert_eq!(sqrt(-1.0), Err(KfunError::MathArgument));
        assert_eq!(pow(-2.0, 0.5), Err(KfunError::MathArgument));
        assert_eq!(pow(0.0, -1.0), Err(KfunError::MathArgument));
        assert_eq!(asin(1.5), Err(KfunError::MathArgument));
        assert_eq!(acos(-1.5), Err(KfunError::MathArgument));
        assert_eq!(fmod(1.0, 0.0), Err(KfunError::MathArgument));
        assert_eq!(div(1.0, 0.0), Err(KfunError::DivisionByZero));
        assert_eq!(ldexp(1.0, -2000).unwrap(), 0.0);
    }
}
