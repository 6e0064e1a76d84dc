//! LPC (DGD dialect): front end, compiler, interpreter, object model, kfuns.

pub mod ast;
pub mod lex;
pub mod parse;
pub mod preprocess;
pub mod typecheck;
