//! LPC (DGD dialect): front end, compiler, interpreter, object model, kfuns.

// Mapping keys are `Value`s whose order depends only on immutable parts (an
// identity tag for arrays/mappings/LWOs), so interior mutability does not affect it.
#![allow(clippy::mutable_key_type)]

pub mod ast;
pub mod compiler;
pub mod editor;
pub mod float;
pub mod host;
pub mod interp;
pub mod kfun;
pub mod lex;
pub mod object;
pub mod opcode;
pub mod ops;
pub mod parse;
pub mod persist;
pub mod preprocess;
pub mod program;
pub mod testrun;
pub mod ticks;
pub mod typecheck;
pub mod tz;
pub mod value;
